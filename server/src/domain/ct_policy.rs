//! How many embedded SCTs a TLS certificate needs before browsers accept it: Chrome's
//! Certificate Transparency policy (and Apple's, which counts the same): two SCTs for a
//! certificate valid for 180 days or less, three beyond, from logs of at least two distinct
//! operators. An operator may ask for more (`ROOTLINE_CT_MIN_SCTS`), never for fewer on a
//! publicly trusted installation.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

/// Chrome's line between the two counts: a lifetime of at most this many days needs
/// `SHORT_SCTS`, a longer one `LONG_SCTS`.
pub const SHORT_LIFETIME_DAYS: i64 = 180;
pub const SHORT_SCTS: usize = 2;
pub const LONG_SCTS: usize = 3;
/// Distinct log operators among the SCTs.
pub const DISTINCT_OPERATORS: usize = 2;

/// What a certificate's SCTs must add up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SctRequirement {
    pub scts: usize,
    pub operators: usize,
}

/// The browsers' requirement for a certificate valid from `not_before` to `not_after`.
pub fn browser_requirement(not_before: DateTime<Utc>, not_after: DateTime<Utc>) -> SctRequirement {
    // Chrome measures the lifetime as notAfter - notBefore and compares it with 180 days.
    let short = not_after - not_before <= chrono::Duration::days(SHORT_LIFETIME_DAYS);
    SctRequirement {
        scts: if short { SHORT_SCTS } else { LONG_SCTS },
        operators: DISTINCT_OPERATORS,
    }
}

/// The requirement with the operator's minimum applied: it can raise the count, not lower it.
pub fn requirement(
    not_before: DateTime<Utc>,
    not_after: DateTime<Utc>,
    operator_minimum: Option<usize>,
) -> SctRequirement {
    let browsers = browser_requirement(not_before, not_after);
    SctRequirement {
        scts: browsers.scts.max(operator_minimum.unwrap_or(0)),
        ..browsers
    }
}

/// What is missing when SCTs from logs of these operators (one entry per SCT, each from a
/// distinct log) fall short of the requirement; `None` when they meet it.
pub fn shortfall(requirement: SctRequirement, operators: &[&str]) -> Option<String> {
    let distinct: BTreeSet<&str> = operators.iter().copied().collect();
    if operators.len() >= requirement.scts && distinct.len() >= requirement.operators {
        return None;
    }
    Some(format!(
        "{} SCTs from {} log operators were obtained; {} SCTs from at least {} distinct log operators are required",
        operators.len(),
        distinct.len(),
        requirement.scts,
        requirement.operators
    ))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(days: i64) -> (DateTime<Utc>, DateTime<Utc>) {
        let nb = Utc.with_ymd_and_hms(2026, 12, 7, 0, 0, 0).unwrap();
        (nb, nb + chrono::Duration::days(days))
    }

    #[test]
    fn a_certificate_of_180_days_needs_two_scts_and_one_of_181_needs_three() {
        let (nb, na) = at(180);
        assert_eq!(browser_requirement(nb, na).scts, 2);
        let (nb, na) = at(181);
        assert_eq!(browser_requirement(nb, na).scts, 3);
        let (nb, na) = at(180);
        assert_eq!(
            browser_requirement(nb, na + chrono::Duration::seconds(1)).scts,
            3
        );
    }

    #[test]
    fn the_operator_can_ask_for_more_scts_but_not_fewer() {
        let (nb, na) = at(90);
        assert_eq!(requirement(nb, na, Some(4)).scts, 4);
        assert_eq!(requirement(nb, na, Some(1)).scts, 2);
        assert_eq!(requirement(nb, na, None).scts, 2);
    }

    #[test]
    fn enough_scts_from_one_operator_fall_short_and_say_why() {
        let need = SctRequirement {
            scts: 2,
            operators: 2,
        };
        assert_eq!(shortfall(need, &["google", "sectigo"]), None);
        let why = shortfall(need, &["google", "google"]).unwrap();
        assert!(why.contains("2 SCTs from 1 log operators"), "{why}");
        assert!(shortfall(need, &["google"]).is_some());
    }
}

//! How long a vetted fact about an organization (subject identity information) may be reused
//! for a new OV or EV certificate before it must be vetted again.
//!
//! TLS Baseline Requirements §4.2.1: data or documents validated no more than 825 days before
//! issuance, cut to 398 days for certificates issued from 2026-03-15 (ballot SC-081v3). The EV
//! Guidelines (§11.14.3) already allowed 398 days. The day that counts is the day of issuance,
//! not the day of vetting: a fact vetted in 2025 ages out under the rule in force when the
//! certificate is signed.

use app::model::organizations::VettingLevel;
use chrono::{DateTime, Duration, Utc};

use super::br_rules::SUBJECT_REUSE_DAYS;

/// The longest a vetted fact may be reused for a certificate of `level` issued at `issuance`.
pub fn reuse_days(level: VettingLevel, issuance: DateTime<Utc>) -> i64 {
    match level {
        VettingLevel::Ev => 398,
        VettingLevel::Ov => SUBJECT_REUSE_DAYS.at(issuance),
    }
}

/// Whether a fact vetted at `vetted` may back a certificate of `level` issued at `issuance`.
/// A vetting dated after the issuance (a clock that went back) backs nothing.
pub fn is_reusable(level: VettingLevel, vetted: DateTime<Utc>, issuance: DateTime<Utc>) -> bool {
    let age = issuance - vetted;
    age >= Duration::zero() && age <= Duration::days(reuse_days(level, issuance))
}

/// The last moment a fact vetted at `vetted` backs a certificate of `level`, under the rule in
/// force at `now` (for the reminders and the "expires" column).
pub fn reusable_until(
    level: VettingLevel,
    vetted: DateTime<Utc>,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    vetted + Duration::days(reuse_days(level, now))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validity::date;

    #[test]
    fn ov_reuse_drops_from_825_to_398_days_on_2026_03_15() {
        // The last second before the rule, and its first.
        let day_before = date(2026, 3, 15) - Duration::seconds(1);
        let effective = date(2026, 3, 15);
        assert_eq!(reuse_days(VettingLevel::Ov, day_before), 825);
        assert_eq!(reuse_days(VettingLevel::Ov, effective), 398);
        assert_eq!(reuse_days(VettingLevel::Ev, day_before), 398);
        assert_eq!(reuse_days(VettingLevel::Ev, effective), 398);

        // A fact vetted 500 days before each day: reusable the day before, not on the day.
        let vetted_before = day_before - Duration::days(500);
        let vetted_effective = effective - Duration::days(500);
        assert!(is_reusable(VettingLevel::Ov, vetted_before, day_before));
        assert!(!is_reusable(VettingLevel::Ov, vetted_effective, effective));
    }

    #[test]
    fn a_fact_is_reusable_through_its_last_day_and_not_a_second_after() {
        let issuance = date(2026, 12, 6);
        let limit = Duration::days(398);
        for level in [VettingLevel::Ov, VettingLevel::Ev] {
            assert!(is_reusable(level, issuance - limit, issuance));
            assert!(is_reusable(level, issuance - Duration::days(397), issuance));
            assert!(!is_reusable(
                level,
                issuance - limit - Duration::seconds(1),
                issuance
            ));
            assert_eq!(reusable_until(level, issuance - limit, issuance), issuance);
        }
    }

    #[test]
    fn a_vetting_dated_after_the_issuance_backs_nothing() {
        let issuance = date(2026, 12, 6);
        assert!(!is_reusable(
            VettingLevel::Ov,
            issuance + Duration::seconds(1),
            issuance
        ));
        assert!(is_reusable(VettingLevel::Ov, issuance, issuance));
    }
}

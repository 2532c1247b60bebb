//! Maximum certificate validity by the rules in force on the day of issuance.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::br_rules::TLS_MAX_VALIDITY_DAYS;

/// Which rule caps a profile's validity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValidityRule {
    /// CA/Browser Forum TLS Baseline Requirements 6.3.2 (ballot SC-081): 398 days, then 200
    /// from 2026-03-15, 100 from 2027-03-15, 47 from 2029-03-15 (`br_rules`).
    TlsBr,
    /// S/MIME Baseline Requirements 6.3.2: 825 days.
    SmimeBr,
    /// A fixed ceiling in days (code signing, document signing, private CAs).
    Days(i64),
}

/// Midnight UTC of a day the rules name (a valid date: the rules' constants; a test parses
/// every day of `br_rules`' table).
pub(crate) fn date(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
        .unwrap_or_default()
}

impl ValidityRule {
    /// The longest validity allowed for a certificate whose notBefore is `issued`, in days.
    pub fn max_days(self, issued: DateTime<Utc>) -> i64 {
        match self {
            Self::TlsBr => TLS_MAX_VALIDITY_DAYS.at(issued),
            Self::SmimeBr => 825,
            Self::Days(days) => days,
        }
    }

    /// The default validity today and after each coming change of the cap, longest first: what
    /// a product needs so it stays orderable when the cap drops (199, then 99, then 46 days).
    pub fn default_days_from(self, now: DateTime<Utc>) -> Vec<i64> {
        let mut days: Vec<i64> = std::iter::once(now)
            .chain(TLS_MAX_VALIDITY_DAYS.changes_after(now))
            .map(|d| self.default_days(d))
            .collect();
        days.dedup();
        days
    }

    /// The validity to use when none is asked for: a day under a Baseline Requirements cap,
    /// as the TLS rules advise (199 of 200 days) and linters expect of S/MIME too.
    pub fn default_days(self, issued: DateTime<Utc>) -> i64 {
        match self {
            Self::TlsBr | Self::SmimeBr => self.max_days(issued) - 1,
            Self::Days(days) => days,
        }
    }

    /// Whether a validity period is within the rule. The BRs count the period inclusively:
    /// notAfter − notBefore + 1 second.
    pub fn allows(self, not_before: DateTime<Utc>, not_after: DateTime<Utc>) -> bool {
        not_after >= not_before
            && (not_after - not_before) + Duration::seconds(1)
                <= Duration::days(self.max_days(not_before))
    }
}

/// notAfter for a period of `days` days starting at `not_before`, counted as the BRs count.
pub fn not_after_for(not_before: DateTime<Utc>, days: i64) -> DateTime<Utc> {
    not_before + Duration::days(days) - Duration::seconds(1)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, s).unwrap()
    }

    #[test]
    fn tls_caps_change_on_each_date_and_not_a_second_before() {
        let cases = [
            (at(2026, 3, 14, 23, 59, 59), 398),
            (at(2026, 3, 15, 0, 0, 0), 200),
            (at(2027, 3, 14, 23, 59, 59), 200),
            (at(2027, 3, 15, 0, 0, 0), 100),
            (at(2029, 3, 14, 23, 59, 59), 100),
            (at(2029, 3, 15, 0, 0, 0), 47),
            (at(2040, 1, 1, 0, 0, 0), 47),
        ];
        for (issued, days) in cases {
            assert_eq!(ValidityRule::TlsBr.max_days(issued), days, "{issued}");
        }
    }

    #[test]
    fn a_period_of_exactly_the_cap_is_allowed_and_one_second_more_is_not() {
        for (issued, days) in [
            (at(2026, 3, 14, 12, 0, 0), 398),
            (at(2026, 11, 21, 12, 0, 0), 200),
            (at(2027, 6, 1, 0, 0, 0), 100),
            (at(2030, 1, 1, 0, 0, 0), 47),
        ] {
            let end = not_after_for(issued, days);
            assert!(ValidityRule::TlsBr.allows(issued, end), "{issued} {days}");
            assert!(
                !ValidityRule::TlsBr.allows(issued, end + Duration::seconds(1)),
                "{issued} {days} + 1 s"
            );
        }
    }

    #[test]
    fn tls_defaults_to_a_day_under_the_cap() {
        assert_eq!(
            ValidityRule::TlsBr.default_days(at(2026, 11, 21, 0, 0, 0)),
            199
        );
        assert_eq!(
            ValidityRule::TlsBr.default_days(at(2029, 3, 15, 0, 0, 0)),
            46
        );
        assert_eq!(
            ValidityRule::SmimeBr.default_days(at(2026, 11, 21, 0, 0, 0)),
            824
        );
    }

    #[test]
    fn smime_and_fixed_rules() {
        let t = at(2026, 11, 21, 0, 0, 0);
        assert!(ValidityRule::SmimeBr.allows(t, not_after_for(t, 825)));
        assert!(!ValidityRule::SmimeBr.allows(t, not_after_for(t, 826)));
        assert!(ValidityRule::Days(1095).allows(t, not_after_for(t, 1095)));
        assert!(!ValidityRule::Days(10).allows(t, t - Duration::seconds(1)));
    }
}

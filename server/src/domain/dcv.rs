//! Domain control validation rules (TLS BR 3.2.2.4 and 4.2.1): how long a random value may be
//! answered, how long a validation may be reused, where the value is published and what
//! counts as a match.

use app::model::domains::DcvMethod;
use chrono::{DateTime, Duration, Utc};

use super::validity::date;

/// How many days a completed validation may be reused for new certificates when it was
/// completed at `validated` (BR 4.2.1, ballot SC-081): 398 days, then 200 from 2026-03-15,
/// 100 from 2027-03-15 and 10 from 2029-03-15.
pub fn reuse_days(validated: DateTime<Utc>) -> i64 {
    if validated < date(2026, 3, 15) {
        398
    } else if validated < date(2027, 3, 15) {
        200
    } else if validated < date(2029, 3, 15) {
        100
    } else {
        10
    }
}

/// Until when a validation completed at `validated` counts.
pub fn reuse_until(validated: DateTime<Utc>) -> DateTime<Utc> {
    validated + Duration::days(reuse_days(validated))
}

/// How long a random value may be answered after it was made: 24 hours for a constructed
/// e-mail (as the seeds promise the requester), 30 days otherwise (BR 1.6.1, Random Value).
pub fn value_lifetime(method: &DcvMethod) -> Duration {
    match method {
        DcvMethod::ConstructedEmail { .. } => Duration::hours(24),
        DcvMethod::DnsTxt | DcvMethod::HttpFile => Duration::days(30),
    }
}

/// The rule a method follows, recorded with each validation.
pub fn rule(method: &DcvMethod) -> &'static str {
    match method {
        DcvMethod::DnsTxt => "TLS BR 3.2.2.4.7 (DNS change)",
        DcvMethod::HttpFile => "TLS BR 3.2.2.4.18 (agreed-upon change to website v2)",
        DcvMethod::ConstructedEmail { .. } => "TLS BR 3.2.2.4.4 (constructed e-mail)",
    }
}

/// The version of these rules, stored beside each validation so a later change of the
/// rules can tell which validations it applies to.
pub const RULES_VERSION: &str = "TLS BR 2.1.x (SC-081)";

/// The file name the HTTP method serves the value under.
pub const HTTP_FILE_NAME: &str = "rootline-dcv.txt";

/// Where the value goes: the TXT record's name, the file's URL, or the mailbox.
pub fn location(method: &DcvMethod, domain: &str) -> String {
    match method {
        DcvMethod::DnsTxt => domain.to_owned(),
        DcvMethod::HttpFile => {
            format!("http://{domain}/.well-known/pki-validation/{HTTP_FILE_NAME}")
        }
        DcvMethod::ConstructedEmail { mailbox } => format!("{mailbox}@{domain}"),
    }
}

/// Whether a TXT record set answers the value (other records may sit beside it).
pub fn txt_matches(records: &[String], value: &str) -> bool {
    records.iter().any(|r| r.trim() == value)
}

/// Whether a fetched file answers the value: the value alone, surrounding white space
/// allowed (BR 3.2.2.4.18 lets the file hold the value or a request token).
pub fn file_matches(body: &str, value: &str) -> bool {
    body.trim() == value
}

/// A validation of `validated_name` covers `name` when it is the same name, or a sub-domain
/// (or wildcard under it) and the method shows control of sub-domains.
pub fn covers(validated_name: &str, method: &DcvMethod, name: &str) -> bool {
    let base = app::model::dns_name::base_of(name);
    if base == validated_name && !name.starts_with("*.") {
        return true;
    }
    method.covers_sub_domains() && app::model::dns_name::is_within(name, validated_name)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn reuse_period_shrinks_on_the_ballot_dates() {
        for (when, days) in [
            (at(2026, 3, 14), 398),
            (at(2026, 3, 15), 200),
            (at(2026, 11, 21), 200),
            (at(2027, 3, 14), 200),
            (at(2027, 3, 15), 100),
            (at(2029, 3, 15), 10),
        ] {
            assert_eq!(reuse_days(when), days, "{when}");
        }
        assert_eq!(
            reuse_until(at(2026, 11, 21)),
            at(2026, 11, 21) + Duration::days(200)
        );
    }

    #[test]
    fn an_emailed_value_lives_a_day_and_a_published_one_thirty() {
        let email = DcvMethod::ConstructedEmail {
            mailbox: app::model::domains::Mailbox::Admin,
        };
        assert_eq!(value_lifetime(&email), Duration::hours(24));
        assert_eq!(value_lifetime(&DcvMethod::DnsTxt), Duration::days(30));
    }

    #[test]
    fn only_the_exact_value_matches() {
        let recs = vec!["v=spf1 -all".to_owned(), " abc123 ".to_owned()];
        assert!(txt_matches(&recs, "abc123"));
        assert!(!txt_matches(&recs, "abc12"));
        assert!(file_matches("abc123\n", "abc123"));
        assert!(!file_matches("xabc123", "abc123"));
    }

    #[test]
    fn sub_domains_and_wildcards_reuse_a_base_domain_except_by_http_file() {
        let dns = DcvMethod::DnsTxt;
        let http = DcvMethod::HttpFile;
        assert!(covers("example.com", &dns, "shop.example.com"));
        assert!(covers("example.com", &dns, "*.example.com"));
        assert!(covers("example.com", &http, "example.com"));
        assert!(!covers("example.com", &http, "shop.example.com"));
        assert!(!covers("example.com", &http, "*.example.com"));
        assert!(!covers("example.com", &dns, "example.org"));
        assert!(!covers("shop.example.com", &dns, "example.com"));
    }
}

//! Domain control validation rules (TLS BR 3.2.2.4 and 4.2.1): how long a random value may be
//! answered, how long a validation may be reused, where the value is published and what
//! counts as a match.

use app::model::domains::DcvMethod;
use chrono::{DateTime, Duration, Utc};

use super::br_rules::{BrMethod, DCV_REUSE_DAYS};

/// How many days before a certificate issued at `issuance` its domain validation may have
/// been completed (BR 4.2.1, ballot SC-081): 398 days, then 200 from 2026-03-15, 100 from
/// 2027-03-15 and 10 from 2029-03-15.
pub fn reuse_days(issuance: DateTime<Utc>) -> i64 {
    DCV_REUSE_DAYS.at(issuance)
}

/// The first moment a validation completed at `validated` by `method` no longer counts.
/// BR 4.2.1 keys the period by the day of issuance, not of validation, so a shorter period
/// coming into force ends older validations early; a method with its own shorter period
/// (the persistent DNS record's 10 days, BR 3.2.2.4.22) ends them sooner; and a method the
/// rules refuse ends its prior validations on that day.
pub fn reuse_until(validated: DateTime<Utc>, method: BrMethod) -> DateTime<Utc> {
    let by_period = DCV_REUSE_DAYS
        .spans()
        .filter(|(_, end, _)| end.is_none_or(|end| end > validated))
        .find_map(|(start, end, days)| {
            let limit = validated + Duration::days(days);
            match (start, end) {
                // The period that starts here is already over for this validation.
                (Some(start), _) if limit <= start => Some(start),
                // Still counting when this period gives way to the next: look there.
                (_, Some(end)) if limit >= end => None,
                _ => Some(limit),
            }
        })
        // The last span never ends, so one always answers; counting nothing is the safe
        // reading otherwise.
        .unwrap_or(validated);
    let by_method = method.max_reuse_days().map_or(by_period, |days| {
        by_period.min(validated + Duration::days(days))
    });
    method
        .refused_from()
        .map_or(by_method, |refused| by_method.min(refused))
}

/// How long a random value may be answered after it was made: 24 hours for a constructed
/// e-mail (as the seeds promise the requester), 30 days otherwise (BR 1.6.1, Random Value;
/// BR 3.2.2.4.13 and .14 for the e-mails to DNS contacts). The persistent DNS record holds
/// no random value; the 30 days only bound the unused one a domain row keeps.
pub fn value_lifetime(method: &DcvMethod) -> Duration {
    match method {
        DcvMethod::ConstructedEmail { .. } => Duration::hours(24),
        DcvMethod::DnsTxt
        | DcvMethod::HttpFile
        | DcvMethod::DnsPersist { .. }
        | DcvMethod::CaaContactEmail
        | DcvMethod::TxtContactEmail => Duration::days(30),
    }
}

/// The rule a portal method follows, recorded with each validation (its BR section).
pub fn rule(method: &DcvMethod) -> String {
    BrMethod::of_portal(*method).rule_text()
}

/// The version of these rules, stored beside each validation so a later change of the
/// rules can tell which validations it applies to.
pub const RULES_VERSION: &str = "TLS BR 2.2.6 (SC-098v2, SC-099)";

/// The file name the HTTP method serves the value under.
pub const HTTP_FILE_NAME: &str = "rootline-dcv.txt";

/// Where the value goes: the TXT record's name, the file's URL, or the mailbox; for the
/// e-mails to DNS contacts, where the addresses are looked up (the CAA record set is the
/// relevant one found from the domain up, RFC 8659 section 3).
pub fn location(method: &DcvMethod, domain: &str) -> String {
    match method {
        DcvMethod::DnsTxt => domain.to_owned(),
        DcvMethod::HttpFile => {
            format!("http://{domain}/.well-known/pki-validation/{HTTP_FILE_NAME}")
        }
        DcvMethod::ConstructedEmail { mailbox } => format!("{mailbox}@{domain}"),
        DcvMethod::DnsPersist { .. } => super::persist_record::record_name(domain),
        DcvMethod::CaaContactEmail => format!("CAA contactemail: {domain}"),
        DcvMethod::TxtContactEmail => super::contact_email::txt_record_name(domain),
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
    use crate::domain::{br_rules::Rule, validity::date};

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
        let second = Duration::seconds(1);
        for rule in [Rule::DcvReuse200, Rule::DcvReuse100, Rule::DcvReuse10] {
            let day = rule.starts();
            assert!(reuse_days(day - second) > reuse_days(day), "{rule:?}");
        }
    }

    #[test]
    fn a_validation_counts_for_the_period_of_the_day_of_issuance() {
        let dns = BrMethod::DnsChange;
        // Under 200 days while they last, then whatever the 100-day rule leaves.
        assert_eq!(
            reuse_until(at(2026, 4, 1), dns),
            at(2026, 4, 1) + Duration::days(200)
        );
        assert_eq!(
            reuse_until(at(2026, 12, 7), dns),
            at(2026, 12, 7) + Duration::days(100)
        );
        // 114 days old on 2027-03-15: counted the second before, not at midnight.
        assert_eq!(reuse_until(at(2026, 11, 21), dns), date(2027, 3, 15));
        // Validated before 2026-03-15 under 398 days, and cut by the 200-day rule.
        assert_eq!(
            reuse_until(at(2026, 3, 1), dns),
            at(2026, 3, 1) + Duration::days(200)
        );
        assert_eq!(reuse_until(at(2025, 6, 1), dns), date(2026, 3, 15));
        assert_eq!(
            reuse_until(at(2029, 3, 20), dns),
            at(2029, 3, 20) + Duration::days(10)
        );
    }

    #[test]
    fn an_e_mail_validation_stops_counting_when_the_method_is_refused() {
        let refused = Rule::EmailMethodsRefused.starts();
        let email = BrMethod::ConstructedEmail;
        assert_eq!(reuse_until(at(2028, 1, 10), email), refused);
        assert_eq!(
            reuse_until(at(2028, 1, 10), BrMethod::DnsChange),
            at(2028, 1, 10) + Duration::days(100)
        );
        assert_eq!(
            reuse_until(at(2026, 12, 7), email),
            at(2026, 12, 7) + Duration::days(100)
        );
        assert!(reuse_until(refused, email) <= refused);
    }

    #[test]
    fn a_persistent_record_counts_ten_days_at_most_whatever_the_day() {
        let persist = BrMethod::PersistentDns;
        for validated in [at(2026, 1, 10), at(2026, 12, 7), at(2029, 6, 1)] {
            assert_eq!(
                reuse_until(validated, persist),
                validated + Duration::days(10),
                "{validated}"
            );
            assert_eq!(
                reuse_until(validated, BrMethod::AcmeDnsPersist01),
                validated + Duration::days(10)
            );
        }
        // Four days before the 100-day rule, 10 days still hold: the rule keys by issuance.
        let late = Rule::DcvReuse100.starts() - Duration::days(4);
        assert_eq!(reuse_until(late, persist), late + Duration::days(10));
    }

    #[test]
    fn an_emailed_value_lives_a_day_and_a_published_one_thirty() {
        let email = DcvMethod::ConstructedEmail {
            mailbox: app::model::domains::Mailbox::Admin,
        };
        assert_eq!(value_lifetime(&email), Duration::hours(24));
        assert_eq!(value_lifetime(&DcvMethod::DnsTxt), Duration::days(30));
        // BR 3.2.2.4.13 and .14: no more than 30 days.
        assert_eq!(
            value_lifetime(&DcvMethod::CaaContactEmail),
            Duration::days(30)
        );
        assert_eq!(
            value_lifetime(&DcvMethod::TxtContactEmail),
            Duration::days(30)
        );
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
        let exact = DcvMethod::DnsPersist { wildcard: false };
        let wild = DcvMethod::DnsPersist { wildcard: true };
        assert!(covers("example.com", &exact, "example.com"));
        assert!(!covers("example.com", &exact, "shop.example.com"));
        assert!(!covers("example.com", &exact, "*.example.com"));
        assert!(covers("example.com", &wild, "shop.example.com"));
        assert!(covers("example.com", &wild, "*.example.com"));
    }
}

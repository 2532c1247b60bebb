//! The DNS contacts of TLS BR 3.2.2.4.13 and 3.2.2.4.14: the addresses a domain's owner
//! publishes for domain validation, in the `contactemail` property of the relevant CAA
//! record set (BR appendix A.1.1) or in TXT records at `_validation-contactemail.<ADN>`
//! (appendix A.2.1). Only the rules live here: which published values are usable addresses.

use app::model::email::Email;

use crate::ports::dns::CaaRecord;

/// The label of the TXT contact (BR appendix A.2.1).
pub const TXT_LABEL: &str = "_validation-contactemail";

/// At most this many addresses are written to: the BRs set no number, and a record set
/// long enough to turn a validation into a mailing is not one a domain owner meant.
pub const MAX_CONTACTS: usize = 5;

/// Where the TXT contact of `adn` is published.
pub fn txt_record_name(adn: &str) -> String {
    format!(
        "{TXT_LABEL}.{}",
        adn.trim_end_matches('.').to_ascii_lowercase()
    )
}

/// A published value that is an e-mail address as a whole, "with no additional padding or
/// structure" (BR appendix A): as published, or `None`. Addresses Rootline's own syntax
/// refuses (the UTF-8 ones RFC 6532 allows among them) cannot be written to and are left out.
fn usable(value: &str) -> Option<String> {
    if value.is_empty() || value.trim() != value {
        return None;
    }
    Email::parse(value).ok().map(|_| value.to_owned())
}

/// The first `MAX_CONTACTS` distinct usable values, compared without case.
fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values.filter_map(usable) {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&v)) && out.len() < MAX_CONTACTS {
            out.push(v);
        }
    }
    out
}

/// The DNS CAA Email Contacts of a relevant CAA record set: its `contactemail` properties.
pub fn from_caa(records: &[CaaRecord]) -> Vec<String> {
    distinct(
        records
            .iter()
            .filter(|r| r.tag.eq_ignore_ascii_case("contactemail"))
            .map(|r| r.value.as_str()),
    )
}

/// The DNS TXT Record Email Contacts among the TXT values at `_validation-contactemail`.
pub fn from_txt(values: &[String]) -> Vec<String> {
    distinct(values.iter().map(String::as_str))
}

/// Whether what a remote perspective saw holds every address the primary chose: BR
/// 3.2.2.4.13/.14 count a perspective as corroborating when it observes the same selected
/// contact address.
pub fn corroborates(selected: &[String], seen: &[String]) -> bool {
    selected
        .iter()
        .all(|s| seen.iter().any(|v| v.eq_ignore_ascii_case(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caa(tag: &str, value: &str) -> CaaRecord {
        CaaRecord {
            critical: false,
            tag: tag.to_owned(),
            value: value.to_owned(),
        }
    }

    #[test]
    fn caa_contacts_are_the_usable_contactemail_values() {
        let records = [
            caa("issue", "rootline.test"),
            caa("contactemail", "domainowner@example.com"),
            caa("ContactEmail", "DomainOwner@example.com"),
            caa("contactemail", " padded@example.com"),
            caa("contactemail", "mailto:owner@example.com"),
            caa("contactphone", "+1 555 123 4567"),
            caa("contactemail", "second@example.com"),
        ];
        assert_eq!(
            from_caa(&records),
            ["domainowner@example.com", "second@example.com"]
        );
    }

    #[test]
    fn txt_contacts_are_whole_addresses_and_at_most_five() {
        let values: Vec<String> = [
            "owner@example.com",
            "owner@example.com extra",
            "not an address",
            "a@example.com",
            "b@example.com",
            "c@example.com",
            "d@example.com",
            "e@example.com",
        ]
        .iter()
        .map(|v| (*v).to_owned())
        .collect();
        assert_eq!(
            from_txt(&values),
            [
                "owner@example.com",
                "a@example.com",
                "b@example.com",
                "c@example.com",
                "d@example.com"
            ]
        );
        assert_eq!(
            txt_record_name("Example.com."),
            "_validation-contactemail.example.com"
        );
    }

    #[test]
    fn a_perspective_corroborates_when_it_sees_every_selected_address() {
        let selected = vec!["owner@example.com".to_owned()];
        assert!(corroborates(
            &selected,
            &["x@example.com".into(), "Owner@example.com".into()]
        ));
        assert!(!corroborates(&selected, &["attacker@example.net".into()]));
        assert!(!corroborates(&selected, &[]));
    }
}

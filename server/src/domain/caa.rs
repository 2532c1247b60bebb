//! CAA (RFC 8659, BR 3.2.2.8): may this CA issue for a name? The rules are pure; the one
//! async function only asks the resolver for each candidate RRset while climbing the tree.

use std::net::IpAddr;

use serde::Serialize;

use crate::ports::dns::{CaaRecord, DnsError, DnsResolver};

/// What was checked, kept with the order as evidence (BR 3.2.2.8: log the CAA check).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaaEvidence {
    /// The name as asked for, `*.` included for a wildcard.
    pub checked_name: String,
    /// Where the relevant RRset was found; `None` when no name up the tree has CAA records.
    pub relevant_at: Option<String>,
    /// The relevant RRset in presentation form, e.g. `0 issue "ca.example; account=1"`.
    pub records: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaaRefusal {
    #[error("{}", not_authorized_message(relevant_at, property, records))]
    NotAuthorized {
        domain: String,
        relevant_at: String,
        /// `issue` or `issuewild`: the properties that applied.
        property: String,
        /// The values of the applying properties as published.
        records: Vec<String>,
    },
    #[error(
        "CAA records at {relevant_at} carry the critical property {tag:?}, which this CA does \
         not understand, so it may not issue for {domain}."
    )]
    UnknownCritical {
        domain: String,
        relevant_at: String,
        tag: String,
    },
    #[error("{}", lookup_message(.0))]
    Lookup(DnsError),
}

fn not_authorized_message(relevant_at: &str, property: &str, values: &[String]) -> String {
    let mut issuers: Vec<String> = values
        .iter()
        .map(|v| issuer_domain(v))
        .filter(|d| !d.is_empty())
        .collect();
    issuers.dedup();
    if issuers.is_empty() {
        format!("CAA records at {relevant_at} forbid issuance by every CA ({property}).")
    } else {
        format!(
            "CAA records at {relevant_at} allow only {} ({property}), not this CA.",
            issuers.join(", ")
        )
    }
}

fn lookup_message(e: &DnsError) -> String {
    match e {
        DnsError::Failed { name, reason } => format!("could not check CAA for {name}: {reason}"),
    }
}

/// Property tags this CA understands (RFC 8659 `issue`, `issuewild`, `iodef`; the BRs'
/// `contactemail`/`contactphone` used for DCV; RFC 9495 `issuemail`, which never restricts
/// TLS issuance). A critical property with any other tag forbids issuance.
const KNOWN_TAGS: &[&str] = &[
    "issue",
    "issuewild",
    "iodef",
    "contactemail",
    "contactphone",
    "issuemail",
];

/// Checks CAA for `fqdn` (a wildcard as `*.example.com`, or with `wildcard` set) on behalf of
/// a CA known by `identities` (issuer domain names, compared without case).
pub async fn check_caa(
    resolver: &dyn DnsResolver,
    identities: &[String],
    fqdn: &str,
    wildcard: bool,
) -> Result<CaaEvidence, CaaRefusal> {
    let checked = fqdn.trim().trim_end_matches('.').to_ascii_lowercase();
    let (base, wildcard) = match checked.strip_prefix("*.") {
        Some(base) => (base.to_owned(), true),
        None => (checked.clone(), wildcard),
    };
    let checked_name = if wildcard {
        format!("*.{base}")
    } else {
        base.clone()
    };
    // CAA is defined for domain names only; an IP address has no tree to climb.
    if base.parse::<IpAddr>().is_ok() {
        return Ok(CaaEvidence {
            checked_name,
            relevant_at: None,
            records: Vec::new(),
        });
    }
    for candidate in climb(&base) {
        let records = resolver.caa(&candidate).await.map_err(CaaRefusal::Lookup)?;
        if !records.is_empty() {
            decide(identities, &checked_name, &candidate, &records, wildcard)?;
            return Ok(CaaEvidence {
                checked_name,
                relevant_at: Some(candidate),
                records: records.iter().map(presentation).collect(),
            });
        }
    }
    Ok(CaaEvidence {
        checked_name,
        relevant_at: None,
        records: Vec::new(),
    })
}

/// `a.b.example.com`, `b.example.com`, `example.com`, `com`: the name, then each parent,
/// stopping before the root (RFC 8659 section 3).
fn climb(name: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = name;
    while !rest.is_empty() {
        names.push(rest.to_owned());
        rest = rest.split_once('.').map(|(_, parent)| parent).unwrap_or("");
    }
    names
}

/// The rules applied to the relevant RRset (RFC 8659 sections 4.2 to 4.3).
fn decide(
    identities: &[String],
    domain: &str,
    relevant_at: &str,
    records: &[CaaRecord],
    wildcard: bool,
) -> Result<(), CaaRefusal> {
    if let Some(unknown) = records.iter().find(|r| {
        r.critical
            && !KNOWN_TAGS
                .iter()
                .any(|known| r.tag.eq_ignore_ascii_case(known))
    }) {
        return Err(CaaRefusal::UnknownCritical {
            domain: domain.to_owned(),
            relevant_at: relevant_at.to_owned(),
            tag: unknown.tag.clone(),
        });
    }
    let with_tag = |tag: &str| -> Vec<&CaaRecord> {
        records
            .iter()
            .filter(|r| r.tag.eq_ignore_ascii_case(tag))
            .collect()
    };
    // For a wildcard, issuewild replaces issue when present (section 4.3); for other names
    // only issue restricts.
    let (property, applying) = match (wildcard, with_tag("issuewild")) {
        (true, wild) if !wild.is_empty() => ("issuewild", wild),
        _ => ("issue", with_tag("issue")),
    };
    if applying.is_empty() {
        return Ok(());
    }
    let authorised = applying.iter().any(|r| {
        let issuer = issuer_domain(&r.value);
        !issuer.is_empty()
            && identities.iter().any(|id| {
                id.trim()
                    .trim_end_matches('.')
                    .eq_ignore_ascii_case(&issuer)
            })
    });
    if authorised {
        Ok(())
    } else {
        Err(CaaRefusal::NotAuthorized {
            domain: domain.to_owned(),
            relevant_at: relevant_at.to_owned(),
            property: property.to_owned(),
            records: applying.iter().map(|r| r.value.clone()).collect(),
        })
    }
}

/// The issuer domain name of an `issue`/`issuewild` value: before the first `;`, trimmed,
/// lower-cased, without a trailing dot; empty for `;` (no CA may issue). Parameters such as
/// `accounturi` and `validationmethods` are kept in the evidence but not enforced.
fn issuer_domain(value: &str) -> String {
    value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches('.')
        .to_ascii_lowercase()
}

fn presentation(r: &CaaRecord) -> String {
    format!(
        "{} {} \"{}\"",
        if r.critical { 128 } else { 0 },
        r.tag,
        r.value
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ports::dns::FakeDns;

    fn ours() -> Vec<String> {
        vec!["rootline.test".to_owned()]
    }

    async fn check(dns: &FakeDns, fqdn: &str, wildcard: bool) -> Result<CaaEvidence, CaaRefusal> {
        check_caa(dns, &ours(), fqdn, wildcard).await
    }

    #[tokio::test]
    async fn no_caa_records_anywhere_allow_issuance() {
        let dns = FakeDns::default();
        let e = check(&dns, "www.example.com", false).await.unwrap();
        assert_eq!(e.checked_name, "www.example.com");
        assert_eq!(e.relevant_at, None);
        assert!(e.records.is_empty());
    }

    #[tokio::test]
    async fn an_issue_property_naming_this_ca_allows_and_is_recorded() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", "Rootline.Test; account=42");
        dns.add_caa("example.com", false, "iodef", "mailto:security@example.com");
        let e = check(&dns, "Example.COM.", false).await.unwrap();
        assert_eq!(e.relevant_at.as_deref(), Some("example.com"));
        assert_eq!(
            e.records,
            vec![
                "0 issue \"Rootline.Test; account=42\"".to_owned(),
                "0 iodef \"mailto:security@example.com\"".to_owned()
            ]
        );
    }

    #[tokio::test]
    async fn a_subdomain_inherits_the_parents_caa() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", "ca.other");
        let refusal = check(&dns, "a.b.example.com", false).await.unwrap_err();
        assert_eq!(
            refusal,
            CaaRefusal::NotAuthorized {
                domain: "a.b.example.com".into(),
                relevant_at: "example.com".into(),
                property: "issue".into(),
                records: vec!["ca.other".into()],
            }
        );
        assert_eq!(
            refusal.to_string(),
            "CAA records at example.com allow only ca.other (issue), not this CA."
        );
    }

    #[tokio::test]
    async fn a_child_set_overrides_the_parents() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", "ca.other");
        dns.add_caa("shop.example.com", false, "issue", "rootline.test");
        let e = check(&dns, "www.shop.example.com", false).await.unwrap();
        assert_eq!(e.relevant_at.as_deref(), Some("shop.example.com"));
        dns.add_caa("blog.example.com", false, "issue", "ca.third");
        assert!(check(&dns, "blog.example.com", false).await.is_err());
    }

    #[tokio::test]
    async fn any_matching_issue_record_among_several_allows() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", "ca.other");
        dns.add_caa("example.com", false, "ISSUE", "rootline.test.");
        assert!(check(&dns, "example.com", false).await.is_ok());
    }

    #[tokio::test]
    async fn an_empty_issuer_forbids_every_ca() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", ";");
        let refusal = check(&dns, "example.com", false).await.unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "CAA records at example.com forbid issuance by every CA (issue)."
        );
    }

    #[tokio::test]
    async fn parameters_do_not_change_the_issuer_match() {
        let dns = FakeDns::default();
        dns.add_caa(
            "example.com",
            false,
            "issue",
            "rootline.test; accounturi=https://rootline.test/acct/1; validationmethods=dns-01",
        );
        assert!(check(&dns, "example.com", false).await.is_ok());
        dns.add_caa(
            "example.org",
            false,
            "issue",
            "rootline.test.evil; x=rootline.test",
        );
        assert!(check(&dns, "example.org", false).await.is_err());
    }

    #[tokio::test]
    async fn a_wildcard_follows_issuewild_when_present() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", "rootline.test");
        dns.add_caa("example.com", false, "issuewild", ";");
        let refusal = check(&dns, "*.example.com", false).await.unwrap_err();
        assert!(matches!(
            &refusal,
            CaaRefusal::NotAuthorized { property, domain, .. }
                if property == "issuewild" && domain == "*.example.com"
        ));
        // the base name itself is governed by issue only
        assert!(check(&dns, "example.com", false).await.is_ok());
    }

    #[tokio::test]
    async fn a_wildcard_without_issuewild_follows_issue_and_starts_at_the_base() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", "rootline.test");
        // a record at the wildcard's own label is never consulted
        dns.add_caa("*.example.com", false, "issue", "ca.other");
        let e = check(&dns, "example.com", true).await.unwrap();
        assert_eq!(e.checked_name, "*.example.com");
        assert_eq!(e.relevant_at.as_deref(), Some("example.com"));
        dns.add_caa("example.net", false, "issue", "ca.other");
        assert!(check(&dns, "*.example.net", true).await.is_err());
    }

    #[tokio::test]
    async fn issuewild_alone_does_not_restrict_a_plain_name() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issuewild", "ca.other");
        assert!(check(&dns, "www.example.com", false).await.is_ok());
        assert!(check(&dns, "*.example.com", false).await.is_err());
    }

    #[tokio::test]
    async fn an_unknown_critical_property_forbids_and_a_non_critical_one_is_ignored() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "futureprop", "whatever");
        dns.add_caa("example.com", false, "issue", "rootline.test");
        assert!(check(&dns, "example.com", false).await.is_ok());
        dns.add_caa("example.com", true, "FutureProp", "whatever");
        let refusal = check(&dns, "example.com", false).await.unwrap_err();
        assert_eq!(
            refusal,
            CaaRefusal::UnknownCritical {
                domain: "example.com".into(),
                relevant_at: "example.com".into(),
                tag: "FutureProp".into(),
            }
        );
        // a known property may be critical
        dns.add_caa("example.org", true, "issue", "rootline.test");
        dns.add_caa("example.org", true, "iodef", "mailto:x@example.org");
        assert!(check(&dns, "example.org", false).await.is_ok());
    }

    #[tokio::test]
    async fn a_set_of_only_unrestricting_properties_allows() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "iodef", "mailto:x@example.com");
        dns.add_caa("example.com", false, "contactemail", "dns@example.com");
        let e = check(&dns, "example.com", false).await.unwrap();
        assert_eq!(e.records.len(), 2);
    }

    #[tokio::test]
    async fn a_failed_lookup_anywhere_on_the_way_refuses() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", "rootline.test");
        dns.fail("www.example.com");
        let refusal = check(&dns, "www.example.com", false).await.unwrap_err();
        assert!(matches!(refusal, CaaRefusal::Lookup(_)));
        assert_eq!(
            refusal.to_string(),
            "could not check CAA for www.example.com: SERVFAIL"
        );
        let dns = FakeDns::default();
        dns.fail("com");
        assert!(matches!(
            check(&dns, "example.com", false).await,
            Err(CaaRefusal::Lookup(_))
        ));
    }

    #[tokio::test]
    async fn an_ip_address_has_no_caa() {
        let dns = FakeDns::default();
        dns.fail("127.0.0.1");
        let e = check(&dns, "127.0.0.1", false).await.unwrap();
        assert_eq!(e.relevant_at, None);
    }

    #[test]
    fn climbing_stops_before_the_root() {
        assert_eq!(
            climb("a.example.com"),
            ["a.example.com", "example.com", "com"]
        );
    }
}

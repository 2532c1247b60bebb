//! CAA (RFC 8659, BR 3.2.2.8): may this CA issue for a name? Only the rules live here: which
//! names to ask, and what the relevant RRset, once found, decides. Asking DNS is the
//! validation service's (`services::validation::caa_lookup`).

use std::net::IpAddr;

use serde::Serialize;

use crate::ports::dns::{CaaRecord, DnsError};

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

/// A name to check CAA for, normalised: lower case, no trailing dot, a wildcard's `*.` taken
/// off the name whose tree is climbed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaaTarget {
    /// The name as asked for, `*.` included for a wildcard.
    checked_name: String,
    /// The name the climb starts at.
    base: String,
    wildcard: bool,
}

impl CaaTarget {
    /// `fqdn` is a wildcard when written `*.example.com` or when `wildcard` is set.
    pub fn new(fqdn: &str, wildcard: bool) -> Self {
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
        Self {
            checked_name,
            base,
            wildcard,
        }
    }

    /// The names whose CAA RRsets are asked, in order, until one is not empty. None for an IP
    /// address: CAA is defined for domain names only, and an address has no tree to climb.
    pub fn candidates(&self) -> Vec<String> {
        if self.base.parse::<IpAddr>().is_ok() {
            Vec::new()
        } else {
            climb(&self.base)
        }
    }

    /// The decision for the relevant RRset (`found`: where it was and its records), or for
    /// none found up the tree, which allows issuance. `identities` are the CA's issuer domain
    /// names, compared without case.
    pub fn decide(
        &self,
        identities: &[String],
        found: Option<(&str, &[CaaRecord])>,
    ) -> Result<CaaEvidence, CaaRefusal> {
        let Some((relevant_at, records)) = found.filter(|(_, records)| !records.is_empty()) else {
            return Ok(CaaEvidence {
                checked_name: self.checked_name.clone(),
                relevant_at: None,
                records: Vec::new(),
            });
        };
        decide(
            identities,
            &self.checked_name,
            relevant_at,
            records,
            self.wildcard,
        )?;
        Ok(CaaEvidence {
            checked_name: self.checked_name.clone(),
            relevant_at: Some(relevant_at.to_owned()),
            records: records.iter().map(presentation).collect(),
        })
    }
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

    fn record(critical: bool, tag: &str, value: &str) -> CaaRecord {
        CaaRecord {
            critical,
            tag: tag.to_owned(),
            value: value.to_owned(),
        }
    }

    #[test]
    fn climbing_stops_before_the_root() {
        assert_eq!(
            climb("a.example.com"),
            ["a.example.com", "example.com", "com"]
        );
    }

    #[test]
    fn a_wildcard_is_climbed_from_its_base_and_an_address_not_at_all() {
        let target = CaaTarget::new("*.Example.COM.", false);
        assert_eq!(target.candidates(), ["example.com", "com"]);
        assert_eq!(
            CaaTarget::new("example.com", true)
                .decide(&[], None)
                .unwrap()
                .checked_name,
            "*.example.com"
        );
        assert!(CaaTarget::new("192.0.2.1", false).candidates().is_empty());
    }

    #[test]
    fn the_decision_needs_no_dns_only_the_relevant_records() {
        let ours = ["rootline.test".to_owned()];
        let target = CaaTarget::new("www.example.com", false);
        let allowed = [record(false, "issue", "rootline.test")];
        let evidence = target
            .decide(&ours, Some(("example.com", &allowed)))
            .unwrap();
        assert_eq!(evidence.relevant_at.as_deref(), Some("example.com"));
        assert_eq!(evidence.records, ["0 issue \"rootline.test\""]);
        let other = [record(false, "issue", "ca.other")];
        assert!(matches!(
            target.decide(&ours, Some(("example.com", &other))),
            Err(CaaRefusal::NotAuthorized { .. })
        ));
        assert_eq!(target.decide(&ours, None).unwrap().relevant_at, None);
    }
}

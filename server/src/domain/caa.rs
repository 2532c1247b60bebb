//! CAA (RFC 8659, BR 3.2.2.8): may this CA issue for a name? Only the rules live here: which
//! names to ask, and what the relevant RRset, once found, decides, including the RFC 8657
//! parameters that bind a record to one account and to some validation methods (required
//! from 2027-03-15 by ballot SC-098v2, honoured at any date). Asking DNS is the validation
//! service's (`services::validation::caa_lookup`).

use std::net::IpAddr;

use serde::Serialize;

use super::br_rules::BrMethod;
use crate::ports::dns::{CaaRecord, DnsError};

/// Who asks for a certificate and how control of the name was shown: what RFC 8657's
/// `accounturi` and `validationmethods` parameters are compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaaRequest<'a> {
    /// The requesting account's URI (`acme_account_uri`, `portal_account_uri`).
    pub account_uri: &'a str,
    /// The method whose validation covers the name.
    pub method: BrMethod,
}

/// An ACME account's URI, as RFC 8657 section 3 has `accounturi` name it: the account URL
/// the ACME server gave it (`web::acme` serves accounts at `/acme/account/{id}`).
pub fn acme_account_uri(public_url: &str, acme_account_id: i32) -> String {
    format!(
        "{}/acme/account/{acme_account_id}",
        public_url.trim_end_matches('/')
    )
}

/// A portal (or REST) account's URI for `accounturi`: the 'acct' scheme (RFC 7565), as
/// ballot SC-098v2 advises for accounts that are not ACME accounts,
/// `acct:<account id>@<portal host>`.
pub fn portal_account_uri(public_url: &str, account_id: i32) -> String {
    // The public URL was parsed when the configuration was read; the text after the scheme
    // serves if it ever is not a URL.
    let host = url::Url::parse(public_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| {
            public_url
                .split_once("://")
                .map_or(public_url, |(_, rest)| rest)
                .trim_end_matches('/')
                .to_owned()
        });
    format!("acct:{account_id}@{host}")
}

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
    /// Records name this CA, but each binds it to another account or to validation methods
    /// other than the one used (RFC 8657).
    #[error(
        "CAA records at {relevant_at} allow this CA only for another account or other \
         validation methods ({property}: {}); this request comes from {account_uri} and {domain} \
         was validated by {}.",
        records.join(" | "),
        method.caa_labels().join(", ")
    )]
    Restricted {
        domain: String,
        relevant_at: String,
        /// `issue` or `issuewild`: the properties that applied.
        property: &'static str,
        /// The values naming this CA, as published.
        records: Vec<String>,
        account_uri: String,
        /// The method whose validation covers the name.
        method: BrMethod,
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
    /// names, compared without case; `request` is what RFC 8657's parameters restrict.
    pub fn decide(
        &self,
        identities: &[String],
        request: CaaRequest<'_>,
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
            request,
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

/// RFC 9495 section 4 for a Mailbox Address whose domain part is `domain`: the relevant
/// RRset is found as for a domain name (RFC 8659's climb), and only its `issuemail` properties
/// restrict; `issue` and `issuewild` say nothing about S/MIME (S/MIME BR 4.2.2.1).
pub fn decide_issuemail(
    identities: &[String],
    domain: &str,
    found: Option<(&str, &[CaaRecord])>,
) -> Result<CaaEvidence, CaaRefusal> {
    let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    let Some((relevant_at, records)) = found.filter(|(_, records)| !records.is_empty()) else {
        return Ok(CaaEvidence {
            checked_name: domain,
            relevant_at: None,
            records: Vec::new(),
        });
    };
    if let Some(unknown) = records.iter().find(|r| {
        r.critical
            && !KNOWN_TAGS
                .iter()
                .any(|known| r.tag.eq_ignore_ascii_case(known))
    }) {
        return Err(CaaRefusal::UnknownCritical {
            domain,
            relevant_at: relevant_at.to_owned(),
            tag: unknown.tag.clone(),
        });
    }
    let applying: Vec<&CaaRecord> = records
        .iter()
        .filter(|r| r.tag.eq_ignore_ascii_case("issuemail"))
        .collect();
    // RFC 9495: an issuemail value whose parameters break the grammar authorises nothing.
    let ours = applying.iter().any(|r| {
        let issuer = issuer_domain(&r.value);
        !issuer.is_empty()
            && identities.iter().any(|id| {
                id.trim()
                    .trim_end_matches('.')
                    .eq_ignore_ascii_case(&issuer)
            })
            && IssueValue::parse(&r.value).is_some()
    });
    if !applying.is_empty() && !ours {
        return Err(CaaRefusal::NotAuthorized {
            domain,
            relevant_at: relevant_at.to_owned(),
            property: "issuemail".to_owned(),
            records: applying.iter().map(|r| r.value.clone()).collect(),
        });
    }
    Ok(CaaEvidence {
        checked_name: domain,
        relevant_at: Some(relevant_at.to_owned()),
        records: records.iter().map(presentation).collect(),
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

/// The rules applied to the relevant RRset (RFC 8659 sections 4.2 to 4.3, RFC 8657).
fn decide(
    identities: &[String],
    request: CaaRequest<'_>,
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
    let ours: Vec<(&CaaRecord, Option<IssueValue>)> = applying
        .iter()
        .filter(|r| {
            let issuer = issuer_domain(&r.value);
            !issuer.is_empty()
                && identities.iter().any(|id| {
                    id.trim()
                        .trim_end_matches('.')
                        .eq_ignore_ascii_case(&issuer)
                })
        })
        .map(|r| (*r, IssueValue::parse(&r.value)))
        .collect();
    if ours.is_empty() {
        return Err(CaaRefusal::NotAuthorized {
            domain: domain.to_owned(),
            relevant_at: relevant_at.to_owned(),
            property: property.to_owned(),
            records: applying.iter().map(|r| r.value.clone()).collect(),
        });
    }
    // A value whose parameters do not parse authorises nothing: what it meant to restrict
    // cannot be known.
    if ours
        .iter()
        .any(|(_, value)| value.as_ref().is_some_and(|v| v.authorises(request)))
    {
        return Ok(());
    }
    Err(CaaRefusal::Restricted {
        domain: domain.to_owned(),
        relevant_at: relevant_at.to_owned(),
        property,
        records: ours.iter().map(|(r, _)| r.value.clone()).collect(),
        account_uri: request.account_uri.to_owned(),
        method: request.method,
    })
}

/// The parameters of an `issue`/`issuewild` value (RFC 8659 section 4.2): `tag=value` pairs
/// after the issuer, separated by `;`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct IssueValue {
    parameters: Vec<(String, String)>,
}

impl IssueValue {
    /// `None` when a parameter breaks the grammar: a tag of letters, digits and inner
    /// hyphens, `=`, a value of printable characters without `;` or white space.
    fn parse(value: &str) -> Option<Self> {
        let mut parts = value.split(';');
        parts.next();
        let mut parameters = Vec::new();
        for part in parts {
            let part = part.trim_matches([' ', '\t']);
            // `issuer;` with nothing after is allowed.
            if part.is_empty() {
                continue;
            }
            let (tag, value) = part.split_once('=')?;
            let tag = tag.trim_matches([' ', '\t']);
            let value = value.trim_matches([' ', '\t']);
            let tag_ok = tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && tag
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_alphanumeric())
                && tag
                    .bytes()
                    .last()
                    .is_some_and(|b| b.is_ascii_alphanumeric());
            let value_ok = value
                .bytes()
                .all(|b| (0x21..=0x7e).contains(&b) && b != b';');
            if !tag_ok || !value_ok {
                return None;
            }
            parameters.push((tag.to_ascii_lowercase(), value.to_owned()));
        }
        Some(Self { parameters })
    }

    /// The values of one parameter; its tag compared without case, which can only make a
    /// record restrict more.
    fn values(&self, tag: &str) -> Vec<&str> {
        self.parameters
            .iter()
            .filter(|(t, _)| t == tag)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// RFC 8657: `accounturi` must be the requesting account's URI, exactly;
    /// `validationmethods` must list a label of the method used (its ACME label, or
    /// `ca-tbr-<n>` of ballot SC-098v2). A parameter given twice, or a list with a label
    /// that breaks the grammar, is unsatisfiable.
    fn authorises(&self, request: CaaRequest<'_>) -> bool {
        let account_ok = match self.values("accounturi").as_slice() {
            [] => true,
            [uri] => *uri == request.account_uri,
            _ => false,
        };
        let method_ok = match self.values("validationmethods").as_slice() {
            [] => true,
            [list] => {
                let labels: Vec<&str> = list.split(',').collect();
                let well_formed = labels.iter().all(|l| {
                    !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                });
                let ours = request.method.caa_labels();
                well_formed && labels.iter().any(|l| ours.iter().any(|o| o == l))
            }
            _ => false,
        };
        account_ok && method_ok
    }
}

/// The issuer domain name of an `issue`/`issuewild` value: before the first `;`, trimmed,
/// lower-cased, without a trailing dot; empty for `;` (no CA may issue).
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

    const ACCOUNT: &str = "https://rootline.test/acme/account/7";

    fn by(method: BrMethod) -> CaaRequest<'static> {
        CaaRequest {
            account_uri: ACCOUNT,
            method,
        }
    }

    /// The decision for one `issue` value published at example.com, for a request from
    /// `ACCOUNT` validated by `method`.
    fn issue(value: &str, method: BrMethod) -> Result<CaaEvidence, CaaRefusal> {
        let records = [record(false, "issue", value)];
        CaaTarget::new("www.example.com", false).decide(
            &["rootline.test".to_owned()],
            by(method),
            Some(("example.com", &records)),
        )
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
                .decide(&[], by(BrMethod::DnsChange), None)
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
        let dns = by(BrMethod::DnsChange);
        let evidence = target
            .decide(&ours, dns, Some(("example.com", &allowed)))
            .unwrap();
        assert_eq!(evidence.relevant_at.as_deref(), Some("example.com"));
        assert_eq!(evidence.records, ["0 issue \"rootline.test\""]);
        let other = [record(false, "issue", "ca.other")];
        assert!(matches!(
            target.decide(&ours, dns, Some(("example.com", &other))),
            Err(CaaRefusal::NotAuthorized { .. })
        ));
        assert_eq!(target.decide(&ours, dns, None).unwrap().relevant_at, None);
    }

    #[test]
    fn accounturi_permits_only_the_named_account() {
        let dns = BrMethod::AcmeDns01;
        assert!(issue(&format!("rootline.test; accounturi={ACCOUNT}"), dns).is_ok());
        let refusal = issue(
            "rootline.test; accounturi=https://rootline.test/acme/account/8",
            dns,
        )
        .unwrap_err();
        assert!(
            matches!(&refusal, CaaRefusal::Restricted { account_uri, .. } if account_uri == ACCOUNT),
            "{refusal:?}"
        );
        assert!(refusal.to_string().contains("another account"), "{refusal}");
        // Exactly the URI: a prefix or another case is another account.
        assert!(issue(&format!("rootline.test; accounturi={ACCOUNT}0"), dns).is_err());
        assert!(
            issue(
                "rootline.test; accounturi=HTTPS://ROOTLINE.TEST/acme/account/7",
                dns
            )
            .is_err()
        );
    }

    #[test]
    fn a_portal_account_is_named_by_an_acct_uri() {
        let uri = portal_account_uri("https://portal.rootline.test/", 42);
        assert_eq!(uri, "acct:42@portal.rootline.test");
        assert_eq!(
            portal_account_uri("https://portal.rootline.test:8443", 42),
            uri
        );
        assert_eq!(
            acme_account_uri("https://portal.rootline.test/", 7),
            "https://portal.rootline.test/acme/account/7"
        );
        let records = [record(
            false,
            "issue",
            "rootline.test; accounturi=acct:42@portal.rootline.test",
        )];
        let decide = |account_uri: &str| {
            CaaTarget::new("example.com", false).decide(
                &["rootline.test".to_owned()],
                CaaRequest {
                    account_uri,
                    method: BrMethod::DnsChange,
                },
                Some(("example.com", &records)),
            )
        };
        assert!(decide(&uri).is_ok());
        assert!(decide("acct:43@portal.rootline.test").is_err());
    }

    #[test]
    fn validationmethods_permits_only_the_listed_methods() {
        let only_dns = "rootline.test; validationmethods=dns-01";
        assert!(issue(only_dns, BrMethod::AcmeDns01).is_ok());
        assert!(matches!(
            issue(only_dns, BrMethod::AcmeHttp01),
            Err(CaaRefusal::Restricted { .. })
        ));
        // The portal's DNS method is BR 3.2.2.4.7 but not ACME's dns-01: it goes by ca-tbr-7.
        assert!(issue(only_dns, BrMethod::DnsChange).is_err());
        let tbr = "rootline.test; validationmethods=ca-tbr-7,ca-tbr-18";
        assert!(issue(tbr, BrMethod::DnsChange).is_ok());
        assert!(issue(tbr, BrMethod::AcmeDns01).is_ok());
        assert!(issue(tbr, BrMethod::WebsiteChangeV2).is_ok());
        assert!(issue(tbr, BrMethod::ConstructedEmail).is_err());
        assert!(
            issue(
                "rootline.test; validationmethods=http-01",
                BrMethod::AcmeHttp01
            )
            .is_ok()
        );
        assert!(
            issue(
                "rootline.test; validationmethods=ca-tbr-19",
                BrMethod::AcmeHttp01
            )
            .is_ok()
        );
        let refusal = issue(only_dns, BrMethod::WebsiteChangeV2).unwrap_err();
        assert!(refusal.to_string().contains("ca-tbr-18"), "{refusal}");
    }

    #[test]
    fn both_parameters_must_hold_and_one_matching_record_is_enough() {
        let both = format!("rootline.test; accounturi={ACCOUNT}; validationmethods=http-01");
        assert!(issue(&both, BrMethod::AcmeHttp01).is_ok());
        assert!(issue(&both, BrMethod::AcmeDns01).is_err());
        let records = [
            record(false, "issue", "rootline.test; accounturi=acct:1@elsewhere"),
            record(
                false,
                "issue",
                &format!("rootline.test; accounturi={ACCOUNT}"),
            ),
        ];
        assert!(
            CaaTarget::new("example.com", false)
                .decide(
                    &["rootline.test".to_owned()],
                    by(BrMethod::DnsChange),
                    Some(("example.com", &records)),
                )
                .is_ok()
        );
    }

    #[test]
    fn a_malformed_or_repeated_parameter_authorises_nothing() {
        let dns = BrMethod::AcmeDns01;
        for value in [
            format!("rootline.test; accounturi={ACCOUNT}; accounturi={ACCOUNT}"),
            "rootline.test; validationmethods=dns-01; validationmethods=dns-01".to_owned(),
            "rootline.test; validationmethods=dns-01,".to_owned(),
            "rootline.test; validationmethods=dns_01,dns-01".to_owned(),
            "rootline.test; accounturi".to_owned(),
            "rootline.test; -tag=x".to_owned(),
            "rootline.test; account uri=x".to_owned(),
        ] {
            assert!(issue(&value, dns).is_err(), "{value}");
        }
        // Other parameters, a trailing `;` and a tag in capitals are fine.
        assert!(issue("rootline.test; policy=ev", dns).is_ok());
        assert!(issue("rootline.test;", dns).is_ok());
        assert!(issue("rootline.test ;  ValidationMethods = dns-01 ", dns).is_ok());
        assert!(issue("rootline.test; ValidationMethods=http-01", dns).is_err());
    }
}

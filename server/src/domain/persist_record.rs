//! The Persistent DCV TXT Record (TLS BR 3.2.2.4.22, draft-ietf-acme-dns-persist): a TXT
//! record at `_validation-persist.<Authorization Domain Name>` whose value is an RFC 8659
//! `issue-value` naming this CA (an issuer domain name) and the applicant's account
//! (`accounturi`), optionally `policy=wildcard` and `persistUntil=<UNIX seconds>`. Only the
//! rules live here: the value to publish, how one record reads, and what a record set
//! proves for an account at a moment. Asking DNS is the validation service's.

use chrono::{DateTime, TimeZone, Utc};

/// The label the record sits under (BR 3.2.2.4.22).
pub const LABEL: &str = "_validation-persist";

/// Where the record for `adn` is published.
pub fn record_name(adn: &str) -> String {
    format!("{LABEL}.{}", adn.trim_end_matches('.').to_ascii_lowercase())
}

/// The value a customer publishes to show control for the account named by `account_uri`;
/// with `wildcard`, also for the name's sub-domains and wildcard (the draft's
/// `policy=wildcard`).
pub fn record_value(issuer: &str, account_uri: &str, wildcard: bool) -> String {
    let policy = if wildcard { "; policy=wildcard" } else { "" };
    format!("{issuer}; accounturi={account_uri}{policy}")
}

/// One record as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersistRecord {
    /// The issuer domain name, lower-cased; empty when the value starts with `;`.
    pub issuer: String,
    pub account_uri: Option<String>,
    /// `policy=wildcard` (tag and value compared without case); any other policy value
    /// counts as none (draft-ietf-acme-dns-persist section 4).
    pub wildcard: bool,
    /// `persistUntil`, in UNIX seconds.
    pub persist_until: Option<i64>,
}

/// Why a record cannot be read at all. The BR makes each a reason to refuse the record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("does not follow the issue-value syntax of RFC 8659 section 4.2")]
    Syntax,
    /// A parameter this method defines appears twice: which one was meant cannot be known.
    #[error("gives the parameter {0} more than once")]
    Repeated(&'static str),
    #[error("has a persistUntil that is not a base-10 UNIX time")]
    BadPersistUntil,
}

/// `(ALPHA / DIGIT) *( *("-") (ALPHA / DIGIT))`: a label of an issuer domain name, and a
/// parameter tag (RFC 8659 section 4.2).
fn label_ok(s: &str) -> bool {
    let bytes = s.as_bytes();
    matches!((bytes.first(), bytes.last()), (Some(f), Some(l)) if f.is_ascii_alphanumeric() && l.is_ascii_alphanumeric())
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}

fn wsp(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Reads one TXT value:
/// `issue-value = *WSP [issuer-domain-name *WSP] [";" *WSP [parameters *WSP]]`.
pub fn parse(rdata: &str) -> Result<PersistRecord, RecordError> {
    let (head, rest) = match rdata.split_once(';') {
        Some((head, rest)) => (head, Some(rest)),
        None => (rdata, None),
    };
    let issuer = head.trim_matches(wsp);
    if !issuer.is_empty() && !issuer.split('.').all(label_ok) {
        return Err(RecordError::Syntax);
    }
    let mut record = PersistRecord {
        issuer: issuer.to_ascii_lowercase(),
        account_uri: None,
        wildcard: false,
        persist_until: None,
    };
    let Some(rest) = rest else {
        return Ok(record);
    };
    // `issuer;` and `issuer; ` carry no parameters; otherwise each `;` separates two.
    if rest.trim_matches(wsp).is_empty() {
        return Ok(record);
    }
    let mut policy = None;
    let mut until = None;
    for part in rest.split(';') {
        let (tag, value) = part.split_once('=').ok_or(RecordError::Syntax)?;
        let (tag, value) = (tag.trim_matches(wsp), value.trim_matches(wsp));
        let value_ok = value.bytes().all(|b| (0x21..=0x7e).contains(&b));
        if !label_ok(tag) || !value_ok {
            return Err(RecordError::Syntax);
        }
        let slot = if tag.eq_ignore_ascii_case("accounturi") {
            (&mut record.account_uri, "accounturi")
        } else if tag.eq_ignore_ascii_case("policy") {
            (&mut policy, "policy")
        } else if tag.eq_ignore_ascii_case("persistUntil") {
            (&mut until, "persistUntil")
        } else {
            // Unknown parameters are ignored (BR 3.2.2.4.22 item 5).
            continue;
        };
        if slot.0.replace(value.to_owned()).is_some() {
            return Err(RecordError::Repeated(slot.1));
        }
    }
    record.wildcard = policy.is_some_and(|p| p.eq_ignore_ascii_case("wildcard"));
    record.persist_until = match until {
        None => None,
        Some(t) if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) => {
            Some(t.parse::<i64>().map_err(|_| RecordError::BadPersistUntil)?)
        }
        Some(_) => return Err(RecordError::BadPersistUntil),
    };
    Ok(record)
}

/// What a record set is asked to prove.
#[derive(Debug, Clone, Copy)]
pub struct PersistQuery<'a> {
    /// This CA's issuer domain names (`caa_identities`), compared without case.
    pub identities: &'a [String],
    /// The applicant's account, compared exactly (RFC 3986 simple string comparison).
    pub account_uri: &'a str,
    /// The time of the check.
    pub at: DateTime<Utc>,
    /// Whether sub-domains and wildcards must be covered too (`policy=wildcard`).
    pub wildcard: bool,
}

/// What a record proved: its scope and until when it may be relied on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersistGrant {
    pub wildcard: bool,
    /// The record's `persistUntil`: no certificate may rely on the validation after it.
    pub persist_until: Option<DateTime<Utc>>,
}

/// Why no record proved control, the most telling reason first found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersistMismatch {
    /// No TXT record at all.
    NoRecord,
    /// Records, none naming this CA: the issuers they name.
    OtherIssuers(Vec<String>),
    /// A record for this CA that cannot be read.
    Malformed(RecordError),
    /// A record for this CA without `accounturi`.
    NoAccountUri,
    /// Records for this CA, for other accounts: the first `accounturi` seen.
    OtherAccount(String),
    /// A record for the account whose `persistUntil` has passed.
    Expired(DateTime<Utc>),
    /// A record for the account without `policy=wildcard`, where sub-domains are asked for.
    NotWildcard,
}

impl PersistMismatch {
    /// How close a record came: the reason shown is the one of the closest.
    fn rank(&self) -> u8 {
        match self {
            Self::NoRecord => 0,
            Self::OtherIssuers(_) => 1,
            Self::Malformed(_) => 2,
            Self::NoAccountUri => 3,
            Self::OtherAccount(_) => 4,
            Self::NotWildcard => 5,
            // A record that would do but for its date says most about what to fix.
            Self::Expired(_) => 6,
        }
    }
}

/// The issuer a value names, as far as it can be told from a value that does not parse.
fn loose_issuer(rdata: &str) -> String {
    rdata
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Judges the TXT record set at the record's name: the best grant of a record that names
/// this CA and the account, is not past its `persistUntil` and covers the scope asked for.
/// Records naming other CAs are ignored (draft-ietf-acme-dns-persist, multiple issuers).
pub fn judge(records: &[String], q: PersistQuery<'_>) -> Result<PersistGrant, PersistMismatch> {
    let ours = |issuer: &str| {
        !issuer.is_empty()
            && q.identities
                .iter()
                .any(|id| id.trim().trim_end_matches('.').eq_ignore_ascii_case(issuer))
    };
    let mut best: Option<PersistGrant> = None;
    let mut why = PersistMismatch::NoRecord;
    let mut other_issuers: Vec<String> = Vec::new();
    for rdata in records {
        let record = match parse(rdata) {
            Ok(r) => r,
            Err(e) if ours(&loose_issuer(rdata)) => {
                closer(PersistMismatch::Malformed(e), &mut why);
                continue;
            }
            Err(_) => {
                other_issuers.push(loose_issuer(rdata));
                continue;
            }
        };
        if !ours(&record.issuer) {
            other_issuers.push(record.issuer);
            continue;
        }
        match record.account_uri.as_deref() {
            None => {
                closer(PersistMismatch::NoAccountUri, &mut why);
                continue;
            }
            Some(uri) if uri != q.account_uri => {
                closer(PersistMismatch::OtherAccount(uri.to_owned()), &mut why);
                continue;
            }
            Some(_) => {}
        }
        let until = match record.persist_until {
            None => None,
            Some(t) => match Utc.timestamp_opt(t, 0).single() {
                Some(t) => Some(t),
                None => {
                    closer(
                        PersistMismatch::Malformed(RecordError::BadPersistUntil),
                        &mut why,
                    );
                    continue;
                }
            },
        };
        // "If the time of the check is after the time specified": at the second itself it
        // still counts.
        if let Some(until) = until.filter(|u| q.at > *u) {
            closer(PersistMismatch::Expired(until), &mut why);
            continue;
        }
        if q.wildcard && !record.wildcard {
            closer(PersistMismatch::NotWildcard, &mut why);
            continue;
        }
        let grant = PersistGrant {
            wildcard: record.wildcard,
            persist_until: until,
        };
        best = Some(match best {
            None => grant,
            Some(b) => better(b, grant),
        });
    }
    if let Some(grant) = best {
        return Ok(grant);
    }
    if why == PersistMismatch::NoRecord && !records.is_empty() {
        other_issuers.dedup();
        why = PersistMismatch::OtherIssuers(other_issuers);
    }
    Err(why)
}

/// Keeps the closer of two reasons.
fn closer(m: PersistMismatch, why: &mut PersistMismatch) {
    if m.rank() > why.rank() {
        *why = m;
    }
}

/// Of two grants, the wider scope, then the later end (none is latest).
fn better(a: PersistGrant, b: PersistGrant) -> PersistGrant {
    let end = |g: &PersistGrant| g.persist_until.map_or(i64::MAX, |t| t.timestamp());
    if (b.wildcard, end(&b)) > (a.wildcard, end(&a)) {
        b
    } else {
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const US: &str = "acct:7@portal.rootline.test";

    fn ids() -> Vec<String> {
        vec!["rootline.test".to_owned(), "pki.rootline.test".to_owned()]
    }

    fn at(secs: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(secs, 0).single().unwrap()
    }

    fn judge_at(
        records: &[&str],
        secs: i64,
        wildcard: bool,
    ) -> Result<PersistGrant, PersistMismatch> {
        let records: Vec<String> = records.iter().map(|r| (*r).to_owned()).collect();
        let identities = ids();
        judge(
            &records,
            PersistQuery {
                identities: &identities,
                account_uri: US,
                at: at(secs),
                wildcard,
            },
        )
    }

    #[test]
    fn the_value_to_publish_reads_back_as_itself() {
        let v = record_value("rootline.test", US, false);
        assert_eq!(v, "rootline.test; accounturi=acct:7@portal.rootline.test");
        let r = parse(&v).unwrap();
        assert_eq!(r.issuer, "rootline.test");
        assert_eq!(r.account_uri.as_deref(), Some(US));
        assert!(!r.wildcard);
        let w = parse(&record_value("rootline.test", US, true)).unwrap();
        assert!(w.wildcard);
        assert_eq!(
            record_name("Example.COM."),
            "_validation-persist.example.com"
        );
    }

    #[test]
    fn good_values_in_the_issue_value_grammar() {
        for (value, wildcard, until) in [
            (
                "rootline.test;accounturi=acct:7@portal.rootline.test",
                false,
                None,
            ),
            (
                " Rootline.TEST ;  accounturi = acct:7@portal.rootline.test ",
                false,
                None,
            ),
            (
                "rootline.test; accounturi=acct:7@portal.rootline.test; policy=WildCard",
                true,
                None,
            ),
            (
                "rootline.test; POLICY=wildcard; accounturi=acct:7@portal.rootline.test; persistUntil=1782424856",
                true,
                Some(1_782_424_856),
            ),
            // Unknown parameters are ignored; another policy value means none.
            (
                "rootline.test; future=x; accounturi=acct:7@portal.rootline.test; policy=everything",
                false,
                None,
            ),
        ] {
            let r = parse(value).unwrap_or_else(|e| panic!("{value}: {e}"));
            assert_eq!(r.issuer, "rootline.test", "{value}");
            assert_eq!(r.account_uri.as_deref(), Some(US), "{value}");
            assert_eq!(r.wildcard, wildcard, "{value}");
            assert_eq!(r.persist_until, until, "{value}");
        }
        assert_eq!(parse("rootline.test").unwrap().account_uri, None);
        assert_eq!(parse(";").unwrap().issuer, "");
    }

    #[test]
    fn bad_values_are_refused() {
        for (value, error) in [
            ("rootline.test; accounturi", RecordError::Syntax),
            ("rootline.test; accounturi=a b", RecordError::Syntax),
            ("rootline.test; accounturi=x;", RecordError::Syntax),
            ("rootline.test.; accounturi=x", RecordError::Syntax),
            ("-rootline.test; accounturi=x", RecordError::Syntax),
            ("rootline.test; -tag=x", RecordError::Syntax),
            ("rootline.test; accounturi=é", RecordError::Syntax),
            (
                "rootline.test; accounturi=x; AccountURI=y",
                RecordError::Repeated("accounturi"),
            ),
            (
                "rootline.test; accounturi=x; persistUntil=soon",
                RecordError::BadPersistUntil,
            ),
            (
                "rootline.test; accounturi=x; persistUntil=-1",
                RecordError::BadPersistUntil,
            ),
            (
                "rootline.test; accounturi=x; persistUntil=",
                RecordError::BadPersistUntil,
            ),
            (
                "rootline.test; accounturi=x; persistUntil=99999999999999999999",
                RecordError::BadPersistUntil,
            ),
        ] {
            assert_eq!(parse(value), Err(error), "{value}");
        }
    }

    #[test]
    fn a_record_for_this_ca_and_the_account_proves_control_of_the_name() {
        let grant = judge_at(
            &[
                "v=spf1 -all",
                "rootline.test; accounturi=acct:7@portal.rootline.test",
            ],
            0,
            false,
        );
        assert_eq!(
            grant,
            Ok(PersistGrant {
                wildcard: false,
                persist_until: None
            })
        );
        // Either issuer domain name, in any case.
        assert!(
            judge_at(
                &["PKI.Rootline.Test; accounturi=acct:7@portal.rootline.test"],
                0,
                false
            )
            .is_ok()
        );
    }

    #[test]
    fn another_accounts_uri_is_refused_exactly() {
        for other in [
            "rootline.test; accounturi=acct:8@portal.rootline.test",
            "rootline.test; accounturi=ACCT:7@portal.rootline.test",
            "rootline.test; accounturi=acct:7@portal.rootline.test/",
        ] {
            assert!(
                matches!(
                    judge_at(&[other], 0, false),
                    Err(PersistMismatch::OtherAccount(_))
                ),
                "{other}"
            );
        }
        assert_eq!(
            judge_at(&["rootline.test; policy=wildcard"], 0, false),
            Err(PersistMismatch::NoAccountUri)
        );
    }

    #[test]
    fn a_record_naming_another_ca_proves_nothing_here() {
        assert_eq!(
            judge_at(
                &["ca.other; accounturi=acct:7@portal.rootline.test"],
                0,
                false
            ),
            Err(PersistMismatch::OtherIssuers(vec!["ca.other".into()]))
        );
        assert_eq!(
            judge_at(
                &["rootline.test.evil; accounturi=acct:7@portal.rootline.test"],
                0,
                false
            ),
            Err(PersistMismatch::OtherIssuers(vec![
                "rootline.test.evil".into()
            ]))
        );
        assert_eq!(judge_at(&[], 0, false), Err(PersistMismatch::NoRecord));
        // Beside another CA's record, ours still counts.
        assert!(
            judge_at(
                &[
                    "ca.other; accounturi=https://ca.other/acct/1",
                    "rootline.test; accounturi=acct:7@portal.rootline.test"
                ],
                0,
                false
            )
            .is_ok()
        );
    }

    #[test]
    fn a_malformed_record_for_this_ca_says_why() {
        assert_eq!(
            judge_at(
                &["rootline.test; accounturi=acct:7@portal.rootline.test; persistUntil=tomorrow"],
                0,
                false
            ),
            Err(PersistMismatch::Malformed(RecordError::BadPersistUntil))
        );
    }

    #[test]
    fn persist_until_counts_to_its_second_and_not_after() {
        let record =
            "rootline.test; accounturi=acct:7@portal.rootline.test; persistUntil=1782424856";
        let t = 1_782_424_856;
        assert_eq!(
            judge_at(&[record], t, false),
            Ok(PersistGrant {
                wildcard: false,
                persist_until: Some(at(t))
            })
        );
        assert_eq!(
            judge_at(&[record], t + 1, false),
            Err(PersistMismatch::Expired(at(t)))
        );
        // The BR's own examples: 2025-06-15T12:00:00Z against 2026-01-01 and 2025-01-01.
        let check = 1_749_988_800;
        let usable =
            "rootline.test; accounturi=acct:7@portal.rootline.test; persistUntil=1767225600";
        let stale =
            "rootline.test; accounturi=acct:7@portal.rootline.test; persistUntil=1735689600";
        assert!(judge_at(&[usable], check, false).is_ok());
        assert!(judge_at(&[stale], check, false).is_err());
    }

    #[test]
    fn sub_domains_and_wildcards_need_policy_wildcard() {
        let exact = "rootline.test; accounturi=acct:7@portal.rootline.test";
        let wild = "rootline.test; accounturi=acct:7@portal.rootline.test; policy=wildcard";
        assert_eq!(
            judge_at(&[exact], 0, true),
            Err(PersistMismatch::NotWildcard)
        );
        assert_eq!(
            judge_at(&[exact, wild], 0, true),
            Ok(PersistGrant {
                wildcard: true,
                persist_until: None
            })
        );
        // Asked for the name only, the widest record found is what was shown.
        assert_eq!(
            judge_at(&[exact, wild], 0, false).map(|g| g.wildcard),
            Ok(true)
        );
    }
}

//! DNS lookups for domain control validation (TXT) and CAA (RFC 8659), with what DNSSEC proved
//! of each answer, and an in-memory fake for unit tests.

use std::{collections::HashMap, net::IpAddr, sync::Mutex};

use async_trait::async_trait;

/// One CAA resource record as published: flags' critical bit, tag and raw value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaaRecord {
    pub critical: bool,
    pub tag: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DnsError {
    /// The lookup itself failed (timeout, SERVFAIL, refused, DNSSEC validation): not the same
    /// as "no records", and a CA must not issue on it (RFC 8659 section 3).
    #[error("the DNS lookup of {name} failed: {reason}")]
    Failed { name: String, reason: String },
}

/// What DNSSEC established about an answer, in the terms of RFC 4035 section 4.3. "Bogus" and
/// "Indeterminate" are never an answer: they are lookup failures ([`LookupFailure`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dnssec {
    /// Signatures chain the answer (or the proof that there is none) to the trust anchor.
    Secure,
    /// The trust anchor's chain proves the answer's zone unsigned: a signed parent delegates
    /// to it, or to a zone above it, without DS records. What the BRs call "Insecure".
    Insecure,
    /// The resolver does not validate: a remote network perspective, whose DNSSEC check the
    /// BRs leave optional (3.2.2.8.1). Proves nothing either way.
    NotValidated,
}

/// Records with what DNSSEC proved of them. No records is an answer too (NXDOMAIN, or the name
/// has none of the type), with its own proof.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer<T> {
    pub records: T,
    pub dnssec: Dnssec,
}

/// Why a lookup has no answer, told apart as the CAA rule on lookup failures needs (TLS BR
/// 3.2.2.8): a DNSSEC validation error never counts as permission to issue, a server failure
/// may.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupFailure {
    /// DNSSEC says the answer is forged or broken: signatures that do not verify or have
    /// expired, or none where the parent's DS records say there must be.
    #[error("DNSSEC validation failed (bogus): {detail}")]
    Bogus { detail: String },
    /// DNSSEC could neither build nor disprove a chain to the trust anchor.
    #[error("DNSSEC validation failed (indeterminate): {detail}")]
    Indeterminate { detail: String },
    /// The resolver answered with an error code; `rcode` is its mnemonic (`SERVFAIL`).
    #[error("{rcode}")]
    ServerError { rcode: String },
    /// No answer in time, the resolver's own retries included.
    #[error("no answer in time")]
    Timeout,
    /// This host could not ask: the resolver could not be set up, or a socket failed.
    #[error("{detail}")]
    Local { detail: String },
    /// Told only as text (a resolver that does not tell failures apart).
    #[error("{detail}")]
    Unclassified { detail: String },
}

impl LookupFailure {
    /// SERVFAIL: the resolver worked but could not get an answer from the domain's servers.
    pub fn servfail() -> Self {
        Self::ServerError {
            rcode: "SERVFAIL".into(),
        }
    }
}

/// A failed lookup of `name`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the DNS lookup of {name} failed: {failure}")]
pub struct LookupError {
    pub name: String,
    pub failure: LookupFailure,
}

impl From<LookupError> for DnsError {
    fn from(e: LookupError) -> Self {
        Self::Failed {
            name: e.name,
            reason: e.failure.to_string(),
        }
    }
}

impl From<DnsError> for LookupError {
    fn from(e: DnsError) -> Self {
        match e {
            DnsError::Failed { name, reason } => Self {
                name,
                failure: LookupFailure::Unclassified { detail: reason },
            },
        }
    }
}

#[async_trait]
pub trait DnsResolver: Send + Sync {
    /// The TXT records at `name`, each record's strings joined; empty when the name has none
    /// (NXDOMAIN or no TXT data). Secure and insecure answers alike; a bogus one is an error.
    async fn txt(&self, name: &str) -> Result<Vec<String>, DnsError>;
    /// The CAA records at exactly `name` (CNAMEs followed by the resolver); empty when it has
    /// none. Climbing towards the parent domains is the caller's rule, not the resolver's.
    async fn caa(&self, name: &str) -> Result<Vec<CaaRecord>, DnsError>;

    /// `txt` with what DNSSEC proved of the answer, and a failure told apart. The default
    /// serves resolvers that do not validate.
    async fn txt_checked(&self, name: &str) -> Result<Answer<Vec<String>>, LookupError> {
        Ok(Answer {
            records: self.txt(name).await?,
            dnssec: Dnssec::NotValidated,
        })
    }

    /// `caa` with what DNSSEC proved of the answer, and a failure told apart. The default
    /// serves resolvers that do not validate.
    async fn caa_checked(&self, name: &str) -> Result<Answer<Vec<CaaRecord>>, LookupError> {
        Ok(Answer {
            records: self.caa(name).await?,
            dnssec: Dnssec::NotValidated,
        })
    }

    /// Whether the zone holding `name` is signed from the trust anchor (`Secure`) or proven
    /// unsigned (`Insecure`). Asked of the DS records above the name, so that it can be
    /// answered while the zone's own servers fail.
    async fn zone_dnssec(&self, _name: &str) -> Result<Dnssec, LookupError> {
        Ok(Dnssec::NotValidated)
    }

    /// The IPv4 and IPv6 addresses of `name` (CNAMEs followed), for the connections of
    /// HTTP-01, the validation file and TLS-ALPN-01: DNS lookups of domain validation too,
    /// so a validating resolver validates them (BR 3.2.2.4). The default serves resolvers
    /// that are only asked for records.
    async fn addresses(&self, name: &str) -> Result<Vec<IpAddr>, DnsError> {
        Err(DnsError::Failed {
            name: name.to_owned(),
            reason: "this resolver does not look up addresses".into(),
        })
    }
}

/// Records held in memory; names are compared without case and without a trailing dot.
/// Answers and zones are proven insecure (as most of the DNS is) unless set otherwise.
#[derive(Default)]
pub struct FakeDns {
    txt: Mutex<HashMap<String, Vec<String>>>,
    caa: Mutex<HashMap<String, Vec<CaaRecord>>>,
    failing: Mutex<Vec<String>>,
    /// Lookups of a name that fail while its zone's DNSSEC status still answers, with how
    /// many more times (`None`: always).
    failing_lookups: Mutex<HashMap<String, (LookupFailure, Option<u32>)>>,
    dnssec: Mutex<HashMap<String, Dnssec>>,
    asked: Mutex<HashMap<String, u32>>,
    addresses: Mutex<HashMap<String, Vec<IpAddr>>>,
}

fn key(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

impl FakeDns {
    pub fn add_txt(&self, name: &str, value: &str) {
        if let Ok(mut m) = self.txt.lock() {
            m.entry(key(name)).or_default().push(value.to_owned());
        }
    }

    pub fn add_caa(&self, name: &str, critical: bool, tag: &str, value: &str) {
        if let Ok(mut m) = self.caa.lock() {
            m.entry(key(name)).or_default().push(CaaRecord {
                critical,
                tag: tag.to_owned(),
                value: value.to_owned(),
            });
        }
    }

    pub fn add_address(&self, name: &str, ip: IpAddr) {
        if let Ok(mut m) = self.addresses.lock() {
            m.entry(key(name)).or_default().push(ip);
        }
    }

    /// Every lookup of `name` fails from now on with SERVFAIL, the question of its zone's
    /// DNSSEC status included, as a broken authoritative server would.
    pub fn fail(&self, name: &str) {
        if let Ok(mut f) = self.failing.lock() {
            f.push(key(name));
        }
    }

    /// The TXT and CAA lookups of `name` fail with `failure` (the next `times` ones, or all
    /// when `None`); its zone's DNSSEC status still answers.
    pub fn fail_lookups(&self, name: &str, failure: LookupFailure, times: Option<u32>) {
        if let Ok(mut f) = self.failing_lookups.lock() {
            f.insert(key(name), (failure, times));
        }
    }

    /// What DNSSEC proves of the answers at `name` and below, and of the zone holding them.
    pub fn set_dnssec(&self, name: &str, dnssec: Dnssec) {
        if let Ok(mut m) = self.dnssec.lock() {
            m.insert(key(name), dnssec);
        }
    }

    /// How many TXT and CAA lookups of `name` were made.
    pub fn lookups_of(&self, name: &str) -> u32 {
        self.asked
            .lock()
            .ok()
            .and_then(|m| m.get(&key(name)).copied())
            .unwrap_or(0)
    }

    fn broken(&self, name: &str) -> Result<(), LookupError> {
        let failing = self.failing.lock().map(|f| f.contains(&key(name)));
        if failing.unwrap_or(false) {
            return Err(LookupError {
                name: name.to_owned(),
                failure: LookupFailure::servfail(),
            });
        }
        Ok(())
    }

    /// The name's own status, or that of its closest ancestor that has one.
    fn status(&self, name: &str) -> Dnssec {
        let Ok(m) = self.dnssec.lock() else {
            return Dnssec::Insecure;
        };
        let mut rest = key(name);
        loop {
            if let Some(d) = m.get(&rest) {
                return *d;
            }
            match rest.split_once('.') {
                Some((_, parent)) => rest = parent.to_owned(),
                None => return Dnssec::Insecure,
            }
        }
    }

    fn ask(&self, name: &str) -> Result<Dnssec, LookupError> {
        if let Ok(mut asked) = self.asked.lock() {
            *asked.entry(key(name)).or_default() += 1;
        }
        self.broken(name)?;
        if let Ok(mut f) = self.failing_lookups.lock()
            && let Some((failure, times)) = f.get_mut(&key(name))
        {
            let failure = failure.clone();
            match times {
                Some(0) => {}
                Some(n) => {
                    *n -= 1;
                    return Err(LookupError {
                        name: name.to_owned(),
                        failure,
                    });
                }
                None => {
                    return Err(LookupError {
                        name: name.to_owned(),
                        failure,
                    });
                }
            }
        }
        Ok(self.status(name))
    }
}

#[async_trait]
impl DnsResolver for FakeDns {
    async fn txt(&self, name: &str) -> Result<Vec<String>, DnsError> {
        Ok(self.txt_checked(name).await?.records)
    }

    async fn caa(&self, name: &str) -> Result<Vec<CaaRecord>, DnsError> {
        Ok(self.caa_checked(name).await?.records)
    }

    async fn txt_checked(&self, name: &str) -> Result<Answer<Vec<String>>, LookupError> {
        let dnssec = self.ask(name)?;
        let records = self
            .txt
            .lock()
            .ok()
            .and_then(|m| m.get(&key(name)).cloned())
            .unwrap_or_default();
        Ok(Answer { records, dnssec })
    }

    async fn caa_checked(&self, name: &str) -> Result<Answer<Vec<CaaRecord>>, LookupError> {
        let dnssec = self.ask(name)?;
        let records = self
            .caa
            .lock()
            .ok()
            .and_then(|m| m.get(&key(name)).cloned())
            .unwrap_or_default();
        Ok(Answer { records, dnssec })
    }

    async fn addresses(&self, name: &str) -> Result<Vec<IpAddr>, DnsError> {
        self.ask(name)?;
        Ok(self
            .addresses
            .lock()
            .ok()
            .and_then(|m| m.get(&key(name)).cloned())
            .unwrap_or_default())
    }

    async fn zone_dnssec(&self, name: &str) -> Result<Dnssec, LookupError> {
        self.broken(name)?;
        Ok(self.status(name))
    }
}

//! `DnsResolver` over hickory: asks a configured recursive resolver (or the system's) afresh
//! for every lookup, so a CA never decides on cached data, and validates every answer with
//! DNSSEC to a trust anchor (TLS BR 3.2.2.4 and 3.2.2.8.1).
//!
//! hickory marks each record Secure, Insecure, Bogus or Indeterminate (RFC 4035 section 4.3).
//! Here an answer is Secure when every record of it is, Insecure when the chain proves some of
//! it unsigned; Bogus and Indeterminate are failures, never "no records".

use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
    time::Duration,
};

use async_trait::async_trait;
use hickory_resolver::{
    TokioResolver,
    config::{NameServerConfig, ResolveHosts, ResolverConfig, ResolverOpts},
    net::{DnsError as HickoryDnsError, NetError, NoRecords, runtime::TokioRuntimeProvider},
    proto::{
        dnssec::{
            Proof, TrustAnchors,
            rdata::{DNSKEY, DNSSECRData, NSEC3},
        },
        op::ResponseCode,
        rr::{Name, RData, Record, RecordType},
    },
};

use super::trust_anchor::TrustAnchor;
use crate::ports::dns::{
    Answer, CaaRecord, DnsError, DnsResolver, Dnssec, LookupError, LookupFailure,
};

/// How long one query may take before the lookup is tried again (twice in all).
const QUERY_TIMEOUT: Duration = Duration::from_secs(5);

pub struct HickoryDns {
    /// `None`: read the system's configuration at each lookup.
    server: Option<SocketAddr>,
    timeout: Duration,
    /// `None`: answers are not validated (`Dnssec::NotValidated`).
    dnssec: Option<Validation>,
}

struct Validation {
    anchor: TrustAnchor,
    /// hickory's anchor set, once the keys the anchor's DS records name have been fetched.
    ready: Mutex<Option<Arc<TrustAnchors>>>,
}

impl HickoryDns {
    /// Asks `server` (UDP, then TCP for long answers), or the resolvers of `/etc/resolv.conf`
    /// when `None`, without validating answers: for remote network perspectives (whose DNSSEC
    /// check the BRs leave optional) and tests against the unsigned dev DNS. The primary's
    /// DCV and CAA lookups use [`HickoryDns::validating`].
    pub fn new(server: Option<SocketAddr>) -> Self {
        Self {
            server,
            timeout: QUERY_TIMEOUT,
            dnssec: None,
        }
    }

    /// Like `new`, and every answer is DNSSEC-validated to `anchor`.
    pub fn validating(server: Option<SocketAddr>, anchor: TrustAnchor) -> Self {
        Self {
            dnssec: Some(Validation {
                anchor,
                ready: Mutex::new(None),
            }),
            ..Self::new(server)
        }
    }

    /// A shorter wait for each query (tests of unresponsive servers).
    pub fn with_query_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// A resolver for one lookup: no cache survives between lookups, and `/etc/hosts` is
    /// never consulted, since domain control is proven by public DNS alone.
    fn resolver(
        &self,
        name: &str,
        anchors: Option<Arc<TrustAnchors>>,
    ) -> Result<TokioResolver, LookupError> {
        let local = |e: NetError| LookupError {
            name: name.to_owned(),
            failure: LookupFailure::Local {
                detail: format!("the resolver could not be set up: {e}"),
            },
        };
        let mut builder = match self.server {
            Some(addr) => {
                let mut ns = NameServerConfig::udp_and_tcp(addr.ip());
                for c in &mut ns.connections {
                    c.port = addr.port();
                }
                TokioResolver::builder_with_config(
                    ResolverConfig::from_name_servers(vec![ns]),
                    TokioRuntimeProvider::default(),
                )
            }
            None => TokioResolver::builder_tokio().map_err(local)?,
        };
        let opts: &mut ResolverOpts = builder.options_mut();
        opts.cache_size = 0;
        opts.use_hosts_file = ResolveHosts::Never;
        opts.timeout = self.timeout;
        opts.attempts = 2;
        opts.try_tcp_on_error = true;
        // The CNAMEs on the way count towards the answer's proof.
        opts.preserve_intermediates = true;
        if let Some(anchors) = anchors {
            builder = builder.with_trust_anchor(anchors);
        }
        builder.build().map_err(local)
    }

    /// hickory's anchor set for a validating lookup of `name`. A DS anchor needs its owner's
    /// DNSKEY set, fetched once (unvalidated: the DS digest is what vouches for a key).
    async fn anchors(&self, name: &str) -> Result<Option<Arc<TrustAnchors>>, LookupError> {
        let Some(v) = &self.dnssec else {
            return Ok(None);
        };
        if let Some(ready) = v.ready.lock().ok().and_then(|r| r.clone()) {
            return Ok(Some(ready));
        }
        let indeterminate = |detail: String| LookupError {
            name: name.to_owned(),
            failure: LookupFailure::Indeterminate { detail },
        };
        let mut from_ds = Vec::new();
        for owner in v.anchor.ds_owners() {
            let fetched: Vec<DNSKEY> = match self
                .resolver(name, None)?
                .lookup(owner.clone(), RecordType::DNSKEY)
                .await
            {
                Ok(lookup) => lookup
                    .answers()
                    .iter()
                    .filter_map(|r| match &r.data {
                        RData::DNSSEC(DNSSECRData::DNSKEY(k)) => Some(k.clone()),
                        _ => None,
                    })
                    .collect(),
                Err(e) => {
                    return Err(indeterminate(format!(
                        "the DNSKEY records of the trust anchor {owner} could not be fetched: {e}"
                    )));
                }
            };
            let matched = v.anchor.matching_keys(&owner, &fetched);
            if matched.is_empty() {
                return Err(indeterminate(format!(
                    "no DNSKEY at {owner} matches the trust anchor's DS records"
                )));
            }
            from_ds.extend(matched);
        }
        let anchors = v
            .anchor
            .with_keys(&from_ds)
            .map_err(|e| indeterminate(e.to_string()))?;
        if let Ok(mut ready) = v.ready.lock() {
            *ready = Some(anchors.clone());
        }
        Ok(Some(anchors))
    }

    /// The records of type `kind` at `name`, and what DNSSEC proved of them.
    async fn lookup(
        &self,
        name: &str,
        kind: RecordType,
    ) -> Result<Answer<Vec<RData>>, LookupError> {
        let anchors = self.anchors(name).await?;
        let validating = anchors.is_some();
        // A trailing dot: the name is absolute, never completed with a search domain.
        let absolute = format!("{}.", name.trim_end_matches('.'));
        let fail = |failure| LookupError {
            name: name.to_owned(),
            failure,
        };
        let of_kind = |records: &[Record]| -> Vec<RData> {
            records
                .iter()
                .filter(|r| r.record_type() == kind)
                .map(|r| r.data.clone())
                .collect()
        };
        match self
            .resolver(name, anchors)?
            .lookup(absolute.as_str(), kind)
            .await
        {
            Ok(lookup) => {
                let dnssec = if validating {
                    proof_of(lookup.answers()).map_err(fail)?
                } else {
                    Dnssec::NotValidated
                };
                Ok(Answer {
                    records: of_kind(lookup.answers()),
                    dnssec,
                })
            }
            // NXDOMAIN, or the name exists without records of this type.
            Err(NetError::Dns(HickoryDnsError::NoRecordsFound(no))) => Ok(Answer {
                records: Vec::new(),
                dnssec: if validating {
                    denial_proof(&no)
                } else {
                    Dnssec::NotValidated
                },
            }),
            // A denial (or wildcard) whose NSEC/NSEC3 proof is not Secure.
            Err(NetError::Dns(HickoryDnsError::Nsec {
                proof, response, ..
            })) => match proof {
                Proof::Secure | Proof::Insecure => Ok(Answer {
                    records: of_kind(&response.answers),
                    dnssec: if proof == Proof::Secure {
                        Dnssec::Secure
                    } else {
                        Dnssec::Insecure
                    },
                }),
                Proof::Bogus => Err(fail(LookupFailure::Bogus {
                    detail: "the proof that the records do not exist does not verify".into(),
                })),
                Proof::Indeterminate => Err(fail(LookupFailure::Indeterminate {
                    detail: "the proof that the records do not exist could not be checked".into(),
                })),
            },
            Err(e) => Err(fail(classify(&e))),
        }
    }
}

/// An answer's proof: the weakest of its records' (RRSIGs carry none of their own).
fn proof_of(records: &[Record]) -> Result<Dnssec, LookupFailure> {
    let mut all_secure = true;
    for r in records
        .iter()
        .filter(|r| r.record_type() != RecordType::RRSIG)
    {
        match r.proof {
            Proof::Secure => {}
            Proof::Insecure => all_secure = false,
            Proof::Bogus => {
                return Err(LookupFailure::Bogus {
                    detail: format!(
                        "the signatures of the {} records at {} do not verify",
                        r.record_type(),
                        r.name
                    ),
                });
            }
            Proof::Indeterminate => {
                return Err(LookupFailure::Indeterminate {
                    detail: format!(
                        "the {} records at {} could not be checked",
                        r.record_type(),
                        r.name
                    ),
                });
            }
        }
    }
    Ok(if all_secure {
        Dnssec::Secure
    } else {
        Dnssec::Insecure
    })
}

/// What hickory's validator let through as "no records": a denial it proved with signed
/// NSEC/NSEC3 records is Secure; any other it accepted only because the zone is proven
/// unsigned.
fn denial_proof(no: &NoRecords) -> Dnssec {
    let signed_denial = no.authorities.iter().flat_map(|a| a.iter()).any(|r| {
        r.proof == Proof::Secure && matches!(r.record_type(), RecordType::NSEC | RecordType::NSEC3)
    });
    if signed_denial {
        Dnssec::Secure
    } else {
        Dnssec::Insecure
    }
}

fn classify(e: &NetError) -> LookupFailure {
    match e {
        NetError::Dns(HickoryDnsError::DnssecBogus) => LookupFailure::Bogus {
            detail: "the answer's signatures are invalid, expired or missing, or do not chain \
                     to the trust anchor"
                .into(),
        },
        NetError::Dns(HickoryDnsError::ResponseCode(code)) => LookupFailure::ServerError {
            rcode: rcode_name(*code),
        },
        NetError::Timeout => LookupFailure::Timeout,
        NetError::Io(_) | NetError::NoConnections | NetError::Busy => LookupFailure::Local {
            detail: e.to_string(),
        },
        other => LookupFailure::Unclassified {
            detail: other.to_string(),
        },
    }
}

/// The mnemonic DNS operators know an error code by (RFC 1035, RFC 6895).
fn rcode_name(code: ResponseCode) -> String {
    match code {
        ResponseCode::FormErr => "FORMERR".into(),
        ResponseCode::ServFail => "SERVFAIL".into(),
        ResponseCode::NXDomain => "NXDOMAIN".into(),
        ResponseCode::NotImp => "NOTIMP".into(),
        ResponseCode::Refused => "REFUSED".into(),
        other => format!("RCODE {}", u16::from(other)),
    }
}

/// Is the delegation to `zone` proven to have no DS records? By a signed NSEC or NSEC3 record
/// at `zone` that shows NS and neither DS nor SOA (RFC 4035 section 5.2, RFC 5155 section 8.6),
/// or by a signed opt-out NSEC3 record covering it: opt-out spans hold only unsigned
/// delegations, which RFC 5155 section 9.2 has a validator treat as insecure.
fn insecure_delegation(zone: &Name, authorities: &[Record]) -> bool {
    let cut_without_ds = |types: &hickory_resolver::proto::rr::RecordTypeSet| {
        types.contains(RecordType::NS)
            && !types.contains(RecordType::DS)
            && !types.contains(RecordType::SOA)
    };
    authorities
        .iter()
        .filter(|r| r.proof == Proof::Secure)
        .any(|r| match &r.data {
            RData::DNSSEC(DNSSECRData::NSEC(nsec)) => {
                r.name == *zone && cut_without_ds(nsec.type_set())
            }
            RData::DNSSEC(DNSSECRData::NSEC3(nsec3)) => {
                match nsec3_position(nsec3, &r.name, zone) {
                    Some(Nsec3Position::Owns) => cut_without_ds(nsec3.type_set()),
                    Some(Nsec3Position::Covers) => nsec3.opt_out(),
                    None => false,
                }
            }
            _ => false,
        })
}

enum Nsec3Position {
    /// The record is the one for the name: its owner is the name's hash.
    Owns,
    /// The name's hash falls strictly between the record's owner and its next hashed name.
    Covers,
}

/// Where `name` stands to the NSEC3 record at `owner`, hashed under the record's parameters.
/// base32hex keeps the order of the bytes it encodes, so hashes compare as their labels do.
fn nsec3_position(nsec3: &NSEC3, owner: &Name, name: &Name) -> Option<Nsec3Position> {
    let hash = nsec3
        .hash_algorithm()
        .hash(nsec3.salt(), name, nsec3.iterations())
        .ok()?;
    let hashed = base32hex(hash.as_ref());
    let first = String::from_utf8_lossy(owner.iter().next()?).to_ascii_lowercase();
    let next = base32hex(nsec3.next_hashed_owner_name());
    if first == hashed {
        return Some(Nsec3Position::Owns);
    }
    // The last record of the chain points back to the first.
    let covers = if first < next {
        first < hashed && hashed < next
    } else {
        hashed > first || hashed < next
    };
    covers.then_some(Nsec3Position::Covers)
}

/// RFC 4648's "base32hex" without padding, the form of NSEC3 owner labels (RFC 5155 section 3.3).
fn base32hex(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
    // Five bits index 32 digits: `get` never misses.
    let digit = |v: u64| {
        ALPHABET
            .get((v & 31) as usize)
            .copied()
            .map_or('0', char::from)
    };
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let mut buffer: u64 = 0;
    let mut bits = 0;
    for &b in bytes {
        buffer = (buffer << 8) | u64::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(digit(buffer >> bits));
        }
    }
    if bits > 0 {
        out.push(digit(buffer << (5 - bits)));
    }
    out
}

#[async_trait]
impl DnsResolver for HickoryDns {
    async fn txt(&self, name: &str) -> Result<Vec<String>, DnsError> {
        Ok(self.txt_checked(name).await?.records)
    }

    async fn caa(&self, name: &str) -> Result<Vec<CaaRecord>, DnsError> {
        Ok(self.caa_checked(name).await?.records)
    }

    async fn txt_checked(&self, name: &str) -> Result<Answer<Vec<String>>, LookupError> {
        let answer = self.lookup(name, RecordType::TXT).await?;
        Ok(Answer {
            records: answer
                .records
                .into_iter()
                .filter_map(|data| match data {
                    RData::TXT(txt) => Some(
                        txt.txt_data
                            .iter()
                            .map(|part| String::from_utf8_lossy(part).into_owned())
                            .collect::<String>(),
                    ),
                    _ => None,
                })
                .collect(),
            dnssec: answer.dnssec,
        })
    }

    async fn addresses(&self, name: &str) -> Result<Vec<std::net::IpAddr>, DnsError> {
        let mut found = Vec::new();
        for kind in [RecordType::A, RecordType::AAAA] {
            for data in self.lookup(name, kind).await?.records {
                match data {
                    RData::A(a) => found.push(std::net::IpAddr::V4(a.0)),
                    RData::AAAA(a) => found.push(std::net::IpAddr::V6(a.0)),
                    _ => {}
                }
            }
        }
        Ok(found)
    }

    async fn caa_checked(&self, name: &str) -> Result<Answer<Vec<CaaRecord>>, LookupError> {
        let answer = self.lookup(name, RecordType::CAA).await?;
        Ok(Answer {
            records: answer
                .records
                .into_iter()
                .filter_map(|data| match data {
                    RData::CAA(caa) => Some(CaaRecord {
                        critical: caa.issuer_critical,
                        tag: caa.tag.clone(),
                        value: String::from_utf8_lossy(&caa.value).into_owned(),
                    }),
                    _ => None,
                })
                .collect(),
            dnssec: answer.dnssec,
        })
    }

    /// Climbs from `name` towards the root asking for DS records, which the parent side of
    /// each zone cut answers: the first cut found decides. A signed DS set: the zone is
    /// signed. A signed denial showing a delegation without DS, or any answer from a zone
    /// already proven unsigned: the zone is Insecure. A signed denial without a delegation:
    /// the name is no zone cut, go up.
    async fn zone_dnssec(&self, name: &str) -> Result<Dnssec, LookupError> {
        let anchors = self.anchors(name).await?;
        if anchors.is_none() {
            return Ok(Dnssec::NotValidated);
        }
        let fail = |failure| LookupError {
            name: name.to_owned(),
            failure,
        };
        let mut current =
            Name::from_ascii(format!("{}.", name.trim_end_matches('.'))).map_err(|e| {
                fail(LookupFailure::Local {
                    detail: format!("{name} is not a domain name: {e}"),
                })
            })?;
        let resolver = self.resolver(name, anchors)?;
        // The root zone is signed: the anchor vouches for it.
        while !current.is_root() {
            match resolver.lookup(current.clone(), RecordType::DS).await {
                Ok(lookup) => {
                    let ds: Vec<Record> = lookup
                        .answers()
                        .iter()
                        .filter(|r| r.record_type() == RecordType::DS)
                        .cloned()
                        .collect();
                    if !ds.is_empty() {
                        return proof_of(&ds).map_err(fail);
                    }
                }
                Err(NetError::Dns(HickoryDnsError::NoRecordsFound(no))) => {
                    let authorities: &[Record] = no.authorities.as_deref().unwrap_or_default();
                    if authorities.iter().any(|r| r.proof == Proof::Insecure)
                        || insecure_delegation(&current, authorities)
                    {
                        return Ok(Dnssec::Insecure);
                    }
                }
                // An opt-out NSEC3 span or an over-long NSEC3 iteration count: hickory's
                // RFC 5155 / RFC 9276 reading is that the delegation is insecure.
                Err(NetError::Dns(HickoryDnsError::Nsec {
                    proof: Proof::Insecure,
                    ..
                })) => return Ok(Dnssec::Insecure),
                Err(NetError::Dns(HickoryDnsError::Nsec { proof, .. })) => {
                    return Err(fail(if proof == Proof::Bogus {
                        LookupFailure::Bogus {
                            detail: format!("the DS denial at {current} does not verify"),
                        }
                    } else {
                        LookupFailure::Indeterminate {
                            detail: format!("the DS denial at {current} could not be checked"),
                        }
                    }));
                }
                Err(e) => return Err(fail(classify(&e))),
            }
            current = current.base_name();
        }
        Ok(Dnssec::Secure)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_as_secure_as_its_weakest_record() {
        let name = Name::from_ascii("example.com.").unwrap();
        let record = |proof| {
            let mut r = Record::from_rdata(
                name.clone(),
                60,
                RData::TXT(hickory_resolver::proto::rr::rdata::TXT::new(vec![
                    "x".into(),
                ])),
            );
            r.proof = proof;
            r
        };
        assert_eq!(proof_of(&[record(Proof::Secure)]), Ok(Dnssec::Secure));
        assert_eq!(
            proof_of(&[record(Proof::Secure), record(Proof::Insecure)]),
            Ok(Dnssec::Insecure)
        );
        assert!(matches!(
            proof_of(&[record(Proof::Secure), record(Proof::Bogus)]),
            Err(LookupFailure::Bogus { .. })
        ));
        assert!(matches!(
            proof_of(&[record(Proof::Indeterminate)]),
            Err(LookupFailure::Indeterminate { .. })
        ));
    }

    #[test]
    fn nsec3_owner_labels_are_base32hex_without_padding() {
        // RFC 4648 section 10's test vectors, lower-cased as RFC 5155 writes owner names.
        for (input, expected) in [
            ("", ""),
            ("f", "co"),
            ("fo", "cpng"),
            ("foo", "cpnmu"),
            ("foob", "cpnmuog"),
            ("fooba", "cpnmuoj1"),
            ("foobar", "cpnmuoj1e8"),
        ] {
            assert_eq!(base32hex(input.as_bytes()), expected, "{input:?}");
        }
    }

    #[test]
    fn response_codes_read_as_operators_write_them() {
        assert_eq!(rcode_name(ResponseCode::ServFail), "SERVFAIL");
        assert_eq!(rcode_name(ResponseCode::Refused), "REFUSED");
    }
}

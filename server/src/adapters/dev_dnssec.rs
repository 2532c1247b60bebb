//! What lets the dev DNS (`server dns-serve`) pass DNSSEC validation. It serves, besides its
//! records, a test root zone signed with a key of its own in which every top-level domain is
//! delegated without DS records: every name it answers for is then proven insecure, as an
//! unsigned domain on the Internet is under the IANA root. A Rootline given this root's key as
//! its trust anchor (`ROOTLINE_DNSSEC_TRUST_ANCHOR=server/tests/dev-dns.anchor`) validates the
//! dev DNS's answers as production validates the Internet's; with the IANA anchor (the
//! default) nothing the dev DNS says is trusted.
//!
//! The key is derived from a fixed text, so the anchor is a file in the repository and a test
//! harness can start the dev DNS and Rootline in either order. Its private key is therefore
//! public: trusting it is for tests alone, and Rootline warns when it is configured.

use hickory_proto::{
    dnssec::{
        DnssecSigner, SigningKey,
        crypto::Ed25519SigningKey,
        rdata::{DNSKEY, DNSSECRData, NSEC, RRSIG},
    },
    op::Query,
    rr::{
        DNSClass, Name, RData, Record, RecordSet, RecordType,
        rdata::{NS, SOA},
    },
};
use ring::{digest, signature::Ed25519KeyPair};

/// Signatures last two days from an hour ago, made afresh for each answer.
const SIGNATURE_DAYS: u64 = 2;
const TTL: u32 = 1;
/// What the test root's Ed25519 key is derived from.
const SEED_TEXT: &[u8] = b"Rootline dev DNS test root: never trust it outside tests";

/// The test root's key and what it signs.
pub struct DevRoot {
    signer: DnssecSigner,
    dnskey: DNSKEY,
}

/// The records one query gets from the test root zone.
pub struct RootAnswer {
    pub answers: Vec<Record>,
    pub authorities: Vec<Record>,
}

impl DevRoot {
    pub fn new() -> Result<Self, String> {
        let seed = digest::digest(&digest::SHA256, SEED_TEXT);
        let pair = Ed25519KeyPair::from_seed_unchecked(seed.as_ref())
            .map_err(|e| format!("the dev DNS's key: {e}"))?;
        let key = Ed25519SigningKey::from_ed25519(pair);
        let public = key
            .to_public_key()
            .map_err(|e| format!("the dev DNS's key: {e}"))?;
        let dnskey = DNSKEY::new(true, true, false, public);
        let signer = DnssecSigner::new(
            dnskey.clone(),
            Box::new(key),
            Name::root(),
            std::time::Duration::from_secs(SIGNATURE_DAYS * 86_400),
        );
        Ok(Self { signer, dnskey })
    }

    /// The root's key, as a trust anchor holds it.
    pub fn dnskey(&self) -> &DNSKEY {
        &self.dnskey
    }

    /// The trust anchor in zone-file form: the content of `server/tests/dev-dns.anchor`.
    pub fn anchor_text(&self) -> String {
        format!(
            "; The test root of Rootline's dev DNS (server dns-serve). Its private key is public:\n\
             ; trust it in tests only (ROOTLINE_DNSSEC_TRUST_ANCHOR), never in production.\n\
             . {TTL} IN DNSKEY {}\n",
            self.dnskey
        )
    }

    /// The test root's answer when `query` is one the root zone answers: its DNSKEY and SOA
    /// sets, and the NS and DS questions of a top-level domain (a delegation without DS,
    /// proven by a signed NSEC record). `None` for every other query.
    pub fn answer(&self, query: &Query) -> Option<RootAnswer> {
        let name = &query.name;
        let kind = query.query_type;
        if name.is_root() {
            return match kind {
                RecordType::DNSKEY => Some(RootAnswer {
                    answers: self.signed(
                        Name::root(),
                        RData::DNSSEC(DNSSECRData::DNSKEY(self.dnskey.clone())),
                    ),
                    authorities: Vec::new(),
                }),
                RecordType::SOA => Some(RootAnswer {
                    answers: self.signed(Name::root(), soa()),
                    authorities: Vec::new(),
                }),
                _ => None,
            };
        }
        if name.num_labels() != 1 {
            return None;
        }
        match kind {
            RecordType::NS => Some(RootAnswer {
                answers: vec![Record::from_rdata(
                    name.clone(),
                    TTL,
                    RData::NS(NS(Name::from_ascii("ns").ok()?.append_domain(name).ok()?)),
                )],
                authorities: Vec::new(),
            }),
            RecordType::DS => {
                // The name that follows the TLD in the root zone's canonical order.
                let next = Name::from_labels([&[0_u8][..]])
                    .ok()?
                    .append_domain(name)
                    .ok()?;
                let nsec = NSEC::new_cover_self(next, [RecordType::NS]);
                let mut authorities = self.signed(Name::root(), soa());
                authorities
                    .extend(self.signed(name.clone(), RData::DNSSEC(DNSSECRData::NSEC(nsec))));
                Some(RootAnswer {
                    answers: Vec::new(),
                    authorities,
                })
            }
            _ => None,
        }
    }

    /// The record and its signature by the root's key (none if signing fails, which makes
    /// the answer bogus rather than the server stop).
    fn signed(&self, name: Name, data: RData) -> Vec<Record> {
        let mut set = RecordSet::new(name.clone(), data.record_type(), 0);
        set.set_ttl(TTL);
        set.add_rdata(data);
        let inception = time::OffsetDateTime::now_utc() - time::Duration::hours(1);
        let mut records: Vec<Record> = set.records_without_rrsigs().cloned().collect();
        match RRSIG::from_rrset(&set, DNSClass::IN, inception, &self.signer) {
            Ok(sig) => records.push(Record::from_rdata(
                name,
                TTL,
                RData::DNSSEC(DNSSECRData::RRSIG(sig)),
            )),
            Err(e) => tracing::warn!("dns-serve: cannot sign {name}: {e}"),
        }
        records
    }
}

fn soa() -> RData {
    let ns = Name::from_ascii("ns.").unwrap_or_else(|_| Name::root());
    RData::SOA(SOA::new(ns.clone(), ns, 1, 3600, 900, 604_800, TTL))
}

#[cfg(test)]
mod tests {
    use std::{
        net::SocketAddr,
        path::{Path, PathBuf},
    };

    use super::*;
    use crate::{
        adapters::{dev_dns::DevDns, dns::HickoryDns, trust_anchor::TrustAnchor},
        domain::{
            br_rules::BrMethod,
            caa::{CaaRefusal, CaaRequest},
        },
        ports::dns::{DnsResolver, Dnssec, LookupFailure},
        services::validation::caa_lookup::check_caa,
    };

    /// The anchor file test harnesses point `ROOTLINE_DNSSEC_TRUST_ANCHOR` at.
    fn anchor_file() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dev-dns.anchor")
    }

    struct Running {
        dir: PathBuf,
        server: tokio::task::JoinHandle<std::io::Result<()>>,
        addr: SocketAddr,
    }

    impl Drop for Running {
        fn drop(&mut self) {
            self.server.abort();
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }

    async fn start(records: &str) -> Running {
        let dir =
            std::env::temp_dir().join(format!("rootline-dev-dnssec-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("dns.json");
        std::fs::write(&file, records).unwrap();
        let server = DevDns::bind("127.0.0.1:0".parse().unwrap(), file)
            .await
            .unwrap();
        let addr = server.local_addr().unwrap();
        Running {
            dir,
            server: server.spawn(),
            addr,
        }
    }

    fn request() -> CaaRequest<'static> {
        CaaRequest {
            account_uri: "acct:1@rootline.test",
            method: BrMethod::DnsChange,
        }
    }

    #[test]
    fn the_anchor_file_in_the_repository_holds_the_dev_roots_key() {
        let text = std::fs::read_to_string(anchor_file()).unwrap();
        assert_eq!(text, DevRoot::new().unwrap().anchor_text());
    }

    #[tokio::test]
    async fn with_its_anchor_the_dev_dns_answers_as_an_unsigned_delegation() {
        let run = start(
            r#"{"txt": {"_validation-contactemail.shop.example.com": ["admin@shop.example.com"]},
                "caa": {"example.com": [{"tag": "issue", "value": "rootline.test"}]}}"#,
        )
        .await;
        let anchor = TrustAnchor::from_file(&anchor_file()).unwrap();
        let dns = HickoryDns::validating(Some(run.addr), anchor);
        let txt = dns
            .txt_checked("_validation-contactemail.shop.example.com")
            .await
            .unwrap();
        assert_eq!(txt.records, ["admin@shop.example.com"]);
        assert_eq!(txt.dnssec, Dnssec::Insecure);
        let caa = dns.caa_checked("example.com").await.unwrap();
        assert_eq!(caa.records.len(), 1);
        assert_eq!(caa.dnssec, Dnssec::Insecure);
        // Names it does not know, and the top-level domain itself, have no records.
        let none = dns.caa_checked("nowhere.example.com").await.unwrap();
        assert!(none.records.is_empty());
        assert_eq!(none.dnssec, Dnssec::Insecure);
        assert!(dns.caa_checked("com").await.unwrap().records.is_empty());
        assert_eq!(
            dns.zone_dnssec("www.example.com").await.unwrap(),
            Dnssec::Insecure
        );
        let identities = ["rootline.test".to_owned()];
        let evidence = check_caa(&dns, &identities, request(), "www.shop.example.com", false)
            .await
            .unwrap();
        assert_eq!(evidence.relevant_at.as_deref(), Some("example.com"));
    }

    #[tokio::test]
    async fn under_the_iana_anchor_nothing_the_dev_dns_says_is_trusted() {
        let run =
            start(r#"{"caa": {"example.com": [{"tag": "issue", "value": "rootline.test"}]}}"#)
                .await;
        let dns = HickoryDns::validating(Some(run.addr), TrustAnchor::iana_root());
        let e = dns.caa_checked("example.com").await.unwrap_err();
        assert!(matches!(e.failure, LookupFailure::Bogus { .. }), "{e}");
        let identities = ["rootline.test".to_owned()];
        assert!(matches!(
            check_caa(&dns, &identities, request(), "example.com", false).await,
            Err(CaaRefusal::Lookup(_))
        ));
    }
}

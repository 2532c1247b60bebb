//! DNSSEC validation of DCV and CAA lookups (TLS BR 3.2.2.4, 3.2.2.8, 3.2.2.8.1) against a real
//! authoritative server: Knot DNS on 127.0.0.1 serves a test root zone, signed by Knot, that
//! delegates to
//!
//! - `valid.`: signed by Knot, with its DS in the root;
//! - `tampered.`: signed beforehand (`kzonesign`), then the signatures of its `_dcv` TXT and
//!   its CAA records altered, served as it is; DS in the root;
//! - `expired.`: signed beforehand as if 40 days ago, every signature expired; DS in the root;
//! - `unsigned.`: no DS in the root (an insecure delegation), not signed;
//! - `broken.`: no DS, and its zone file is missing, so Knot answers SERVFAIL for it;
//! - `signedbroken.`: DS in the root, zone file missing: SERVFAIL in a signed delegation.
//!
//! The root proves the absence of DS records with NSEC, with NSEC3, or with NSEC3 opt-out (as
//! `.com` does), as each test asks. The resolver asks Knot directly and validates to the test
//! root's key, as production validates to the IANA root's. Skipped, with a message, when Knot
//! is not installed (`apt-get install knot knot-dnsutils knot-dnssecutils`, as
//! `scripts/ensure-tools.sh` does).

// A test file: a failed step should stop the test with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::{
    net::{SocketAddr, TcpListener, UdpSocket},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use server::{
    adapters::{dns::HickoryDns, trust_anchor::TrustAnchor},
    domain::{
        br_rules::BrMethod,
        caa::{CaaEvidence, CaaRefusal, CaaRequest},
    },
    ports::dns::{DnsResolver, Dnssec, LookupFailure},
    services::validation::caa_lookup::check_caa,
};

const TOOLS: [&str; 3] = ["knotd", "keymgr", "kzonesign"];
/// Zones Knot signs or that are signed beforehand, and so have keys (and a DS in the root).
const SIGNED: [&str; 4] = ["valid.", "tampered.", "expired.", "signedbroken."];
const CHILDREN: [&str; 6] = [
    "valid.",
    "tampered.",
    "expired.",
    "unsigned.",
    "broken.",
    "signedbroken.",
];

fn tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin".into(), "/usr/bin".into()])
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

fn missing_tools() -> Option<String> {
    let missing: Vec<&str> = TOOLS.into_iter().filter(|t| tool(t).is_none()).collect();
    (!missing.is_empty()).then(|| missing.join(", "))
}

/// How the root zone denies DS records.
#[derive(Debug, Clone, Copy)]
enum Denial {
    Nsec,
    Nsec3,
    /// NSEC3 whose unsigned delegations have no record of their own, only a covering one.
    Nsec3OptOut,
}

const DENIALS: [Denial; 3] = [Denial::Nsec, Denial::Nsec3, Denial::Nsec3OptOut];

/// Skips the calling test, saying why, when Knot is not installed.
macro_rules! knot_or_skip {
    ($denial:expr) => {
        match missing_tools() {
            None => Knot::start($denial),
            Some(missing) => {
                eprintln!(
                    "SKIPPED: the DNSSEC tests need Knot DNS ({missing} missing): \
                     apt-get install -y knot knot-dnsutils knot-dnssecutils"
                );
                return;
            }
        }
    };
}

/// A port free for both UDP and TCP on loopback.
fn free_port() -> u16 {
    loop {
        let udp = UdpSocket::bind("127.0.0.1:0").unwrap();
        let port = udp.local_addr().unwrap().port();
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

fn run(dir: &Path, program: &str, args: &[&str]) -> String {
    let out = Command::new(tool(program).unwrap())
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{program} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn zone_file(zone: &str) -> String {
    let name = zone.trim_end_matches('.');
    format!(
        "$ORIGIN {zone}\n$TTL 300\n@ SOA ns hostmaster 1 3600 900 604800 300\n@ NS ns\n\
         ns A 127.0.0.1\n_dcv TXT \"token-{name}\"\n_other TXT \"untouched\"\n\
         @ CAA 0 issue \"rootline.test\"\n"
    )
}

/// Alters the signatures of the `_dcv` TXT and the apex CAA records of a signed zone file
/// (Knot's dump: one record per line, the signature last), keeping them well-formed base64.
fn tamper(signed: &str) -> String {
    signed
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let owner = fields.first().copied().unwrap_or_default();
            let covers = fields.get(2..4);
            if (owner.starts_with("_dcv.") && covers == Some(&["RRSIG", "TXT"][..]))
                || covers == Some(&["RRSIG", "CAA"][..])
            {
                let (head, sig) = line.rsplit_once(' ').unwrap();
                let first = if sig.starts_with('A') { 'B' } else { 'A' };
                let rest: String = sig.chars().skip(1).collect();
                format!("{head} {first}{rest}\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect()
}

/// A folder of its own, removed when dropped, also when a step of the set-up fails.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Knot {
    child: Child,
    /// Dropped after the child is killed.
    dir: TempDir,
    addr: SocketAddr,
    /// The test root's key, in `keymgr`'s DNSKEY form and as DS records.
    root_dnskey: PathBuf,
    root_ds: PathBuf,
}

impl Drop for Knot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Knot {
    fn start(denial: Denial) -> Self {
        let tmp =
            TempDir(std::env::temp_dir().join(format!("rootline-knot-{}", uuid::Uuid::new_v4())));
        let dir = tmp.0.clone();
        let zones = dir.join("zones");
        std::fs::create_dir_all(&zones).unwrap();
        std::fs::create_dir_all(dir.join("db")).unwrap();
        let port = free_port();
        let d = dir.display();
        let (nsec3, opt_out) = match denial {
            Denial::Nsec => ("off", "off"),
            Denial::Nsec3 => ("on", "off"),
            Denial::Nsec3OptOut => ("on", "on"),
        };
        // One key per zone (a CSK), made beforehand by keymgr (`manual`); NSEC denials below
        // the root, and the root's as asked (NSEC3 without salt or iterations, RFC 9276).
        let mut conf = format!(
            r#"server:
    listen: 127.0.0.1@{port}
    rundir: {d}
database:
    storage: {d}/db
log:
  - target: {d}/knot.log
    any: info
policy:
  - id: csk
    algorithm: ecdsap256sha256
    single-type-signing: on
    manual: on
    nsec3: off
    rrsig-lifetime: 14d
    rrsig-refresh: 7d
  - id: root
    algorithm: ecdsap256sha256
    single-type-signing: on
    manual: on
    nsec3: {nsec3}
    nsec3-opt-out: {opt_out}
    nsec3-iterations: 0
    nsec3-salt-length: 0
    rrsig-lifetime: 14d
    rrsig-refresh: 7d
template:
  - id: default
    storage: {d}/zones
    zonefile-sync: -1
    journal-content: none
zone:
  - domain: .
    file: {d}/zones/root.zone
    dnssec-signing: on
    dnssec-policy: root
"#
        );
        for zone in CHILDREN {
            let name = zone.trim_end_matches('.');
            conf.push_str(&format!(
                "  - domain: {zone}\n    file: {d}/zones/{name}.zone\n"
            ));
            if SIGNED.contains(&zone) {
                conf.push_str("    dnssec-policy: csk\n");
            }
            if zone == "valid." {
                conf.push_str("    dnssec-signing: on\n");
            }
        }
        std::fs::write(dir.join("knot.conf"), conf).unwrap();
        let keymgr = |zone: &str, args: &[&str]| {
            let mut all = vec!["-c", "knot.conf", zone];
            all.extend_from_slice(args);
            run(&dir, "keymgr", &all)
        };

        // Keys first, so that the root can carry the children's DS records. The key of
        // `expired.` was active 40 days ago, when its zone is signed.
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let past = (now - 40 * 86_400).to_string();
        let csk = [
            "generate",
            "algorithm=ecdsap256sha256",
            "ksk=yes",
            "zsk=yes",
        ];
        for zone in [".", "valid.", "tampered.", "signedbroken."] {
            keymgr(zone, &csk);
        }
        let since = [
            format!("created={past}"),
            format!("publish={past}"),
            format!("active={past}"),
        ];
        let mut expired_args: Vec<&str> = csk.to_vec();
        expired_args.extend(since.iter().map(String::as_str));
        keymgr("expired.", &expired_args);

        let mut root = String::from(
            "$ORIGIN .\n$TTL 300\n. SOA ns. hostmaster. 1 3600 900 604800 300\n. NS ns.\n\
             ns. A 127.0.0.1\n",
        );
        for zone in CHILDREN {
            root.push_str(&format!("{zone} NS ns.{zone}\nns.{zone} A 127.0.0.1\n"));
        }
        for zone in SIGNED {
            // SHA-256 digests only: what every validator supports.
            for ds in keymgr(zone, &["ds"])
                .lines()
                .filter(|l| l.contains(" 13 2 "))
            {
                root.push_str(ds);
                root.push('\n');
            }
        }
        std::fs::write(zones.join("root.zone"), root).unwrap();
        for zone in ["valid.", "tampered.", "expired.", "unsigned."] {
            let name = zone.trim_end_matches('.');
            std::fs::write(zones.join(format!("{name}.zone")), zone_file(zone)).unwrap();
        }

        // Signed beforehand, then served as files with Knot's signing off.
        let signed = dir.join("signed");
        std::fs::create_dir_all(&signed).unwrap();
        let out = signed.display().to_string();
        run(
            &dir,
            "kzonesign",
            &["-c", "knot.conf", "-o", &out, "tampered."],
        );
        let text = std::fs::read_to_string(signed.join("tampered.zone")).unwrap();
        std::fs::write(zones.join("tampered.zone"), tamper(&text)).unwrap();
        let signed_at = (now - 40 * 86_400 + 3600).to_string();
        run(
            &dir,
            "kzonesign",
            &["-c", "knot.conf", "-o", &out, "-t", &signed_at, "expired."],
        );
        std::fs::copy(signed.join("expired.zone"), zones.join("expired.zone")).unwrap();

        let root_dnskey = dir.join("root.dnskey");
        std::fs::write(&root_dnskey, keymgr(".", &["dnskey"])).unwrap();
        let root_ds = dir.join("root.ds");
        std::fs::write(&root_ds, keymgr(".", &["ds"])).unwrap();

        let child = Command::new(tool("knotd").unwrap())
            .args(["-c", "knot.conf"])
            .current_dir(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        Self {
            child,
            dir: tmp,
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
            root_dnskey,
            root_ds,
        }
    }

    /// Waits until Knot serves the signed root and the children.
    async fn ready(self) -> Self {
        let plain = HickoryDns::new(Some(self.addr)).with_query_timeout(Duration::from_millis(300));
        for _ in 0..100 {
            let valid = plain.txt("_dcv.valid").await.unwrap_or_default();
            let unsigned = plain.txt("_dcv.unsigned").await.unwrap_or_default();
            if !valid.is_empty() && !unsigned.is_empty() {
                return self;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let log = std::fs::read_to_string(self.dir.0.join("knot.log")).unwrap_or_default();
        panic!("Knot did not start serving the test zones:\n{log}");
    }

    /// A resolver validating to the test root's key, as production validates to IANA's.
    fn validating(&self) -> HickoryDns {
        HickoryDns::validating(
            Some(self.addr),
            TrustAnchor::from_file(&self.root_dnskey).unwrap(),
        )
    }
}

async fn caa(dns: &dyn DnsResolver, name: &str) -> Result<CaaEvidence, CaaRefusal> {
    let request = CaaRequest {
        account_uri: "acct:1@rootline.test",
        method: BrMethod::DnsChange,
    };
    check_caa(dns, &["rootline.test".to_owned()], request, name, false).await
}

#[tokio::test]
async fn a_validly_signed_zone_answers_txt_and_caa_as_secure() {
    let knot = knot_or_skip!(Denial::Nsec).ready().await;
    let dns = knot.validating();

    let txt = dns.txt_checked("_dcv.valid").await.unwrap();
    assert_eq!(txt.records, vec!["token-valid".to_owned()]);
    assert_eq!(txt.dnssec, Dnssec::Secure);
    let records = dns.caa_checked("valid").await.unwrap();
    assert_eq!(records.records.len(), 1);
    assert_eq!(records.dnssec, Dnssec::Secure);
    // A name that does not exist is proven absent by signed NSEC records.
    let none = dns.txt_checked("nothing.valid").await.unwrap();
    assert!(none.records.is_empty());
    assert_eq!(none.dnssec, Dnssec::Secure);
    assert_eq!(dns.zone_dnssec("www.valid").await.unwrap(), Dnssec::Secure);

    // DCV reads the value; CAA finds this CA named at the zone's apex.
    assert_eq!(dns.txt("_dcv.valid").await.unwrap(), ["token-valid"]);
    let evidence = caa(&dns, "www.valid").await.unwrap();
    assert_eq!(evidence.relevant_at.as_deref(), Some("valid"));
}

#[tokio::test]
async fn a_tampered_or_expired_signature_is_bogus_and_refuses_dcv_and_caa() {
    let knot = knot_or_skip!(Denial::Nsec).ready().await;
    let dns = knot.validating();
    for zone in ["tampered", "expired"] {
        let txt = dns.txt_checked(&format!("_dcv.{zone}")).await.unwrap_err();
        assert!(
            matches!(txt.failure, LookupFailure::Bogus { .. }),
            "{zone}: {txt}"
        );
        // Never "no records": DCV sees a failed lookup.
        assert!(dns.txt(&format!("_dcv.{zone}")).await.is_err(), "{zone}");
        let records = dns.caa_checked(zone).await.unwrap_err();
        assert!(
            matches!(records.failure, LookupFailure::Bogus { .. }),
            "{zone}: {records}"
        );
        let refusal = caa(&dns, zone).await.unwrap_err();
        assert!(matches!(refusal, CaaRefusal::Lookup(_)), "{zone}");
        assert!(
            refusal
                .to_string()
                .contains("a DNSSEC validation error never counts as permission to issue"),
            "{zone}: {refusal}"
        );
    }
    // The chain to `tampered.` holds: its other records, whose signatures were left alone,
    // are secure. And read without validation, the altered ones are there.
    let other = dns.txt_checked("_other.tampered").await.unwrap();
    assert_eq!(other.records, ["untouched"]);
    assert_eq!(other.dnssec, Dnssec::Secure);
    let plain = HickoryDns::new(Some(knot.addr));
    assert_eq!(
        plain.txt("_dcv.tampered").await.unwrap(),
        ["token-tampered"]
    );
}

#[tokio::test]
async fn an_unsigned_delegation_answers_as_insecure_and_allows_dcv_and_caa() {
    for denial in DENIALS {
        unsigned_delegation(knot_or_skip!(denial).ready().await).await;
    }
}

async fn unsigned_delegation(knot: Knot) {
    let dns = knot.validating();

    let txt = dns.txt_checked("_dcv.unsigned").await.unwrap();
    assert_eq!(txt.records, vec!["token-unsigned".to_owned()]);
    assert_eq!(txt.dnssec, Dnssec::Insecure);
    let records = dns.caa_checked("unsigned").await.unwrap();
    assert_eq!(records.records.len(), 1);
    assert_eq!(records.dnssec, Dnssec::Insecure);
    let none = dns.txt_checked("nothing.unsigned").await.unwrap();
    assert!(none.records.is_empty());
    assert_eq!(none.dnssec, Dnssec::Insecure);
    assert_eq!(dns.zone_dnssec("unsigned").await.unwrap(), Dnssec::Insecure);
    assert_eq!(
        dns.zone_dnssec("www.unsigned").await.unwrap(),
        Dnssec::Insecure
    );

    assert_eq!(dns.txt("_dcv.unsigned").await.unwrap(), ["token-unsigned"]);
    let evidence = caa(&dns, "www.unsigned").await.unwrap();
    assert_eq!(evidence.relevant_at.as_deref(), Some("unsigned"));
}

#[tokio::test]
async fn a_servfail_counts_as_caa_permission_in_an_unsigned_delegation_and_refuses_in_a_signed_one()
{
    for denial in DENIALS {
        servfail(knot_or_skip!(denial).ready().await).await;
    }
}

async fn servfail(knot: Knot) {
    let dns = knot.validating();

    // Knot answers SERVFAIL for a zone it cannot load; the root's signed NSEC record still
    // proves that `broken.` has no DS.
    let failed = dns.caa_checked("broken").await.unwrap_err();
    assert_eq!(failed.failure, LookupFailure::servfail());
    assert_eq!(dns.zone_dnssec("broken").await.unwrap(), Dnssec::Insecure);
    // Retried, outside this CA, proven insecure: the failure counts as permission (BR 3.2.2.8).
    let evidence = caa(&dns, "broken").await.unwrap();
    assert_eq!(evidence.relevant_at, None);
    // DCV has no such rule: a failed TXT lookup is never a value.
    assert!(dns.txt("_dcv.broken").await.is_err());

    // The same failure under a DS record: the zone is signed, so it refuses.
    assert_eq!(
        dns.zone_dnssec("signedbroken").await.unwrap(),
        Dnssec::Secure
    );
    let refusal = caa(&dns, "signedbroken").await.unwrap_err();
    assert!(
        refusal.to_string().contains(
            "the DNS server answered SERVFAIL (asked 2 times); signedbroken is in a zone signed \
             with DNSSEC"
        ),
        "{refusal}"
    );
}

#[tokio::test]
async fn a_resolver_that_does_not_answer_refuses_dcv_and_caa() {
    // A bound socket that never replies, and no TCP listener behind it.
    let silent = UdpSocket::bind("127.0.0.1:0").unwrap();
    let dns = HickoryDns::validating(Some(silent.local_addr().unwrap()), TrustAnchor::iana_root())
        .with_query_timeout(Duration::from_millis(200));
    assert!(dns.txt("_dcv.unsigned").await.is_err());
    let refusal = caa(&dns, "unsigned").await.unwrap_err();
    assert!(matches!(refusal, CaaRefusal::Lookup(_)), "{refusal}");
    let text = refusal.to_string();
    assert!(
        text.contains("no answer in time (asked 2 times)")
            && text.contains("cannot count as permission to issue"),
        "{text}"
    );
}

#[tokio::test]
async fn the_iana_root_anchor_trusts_nothing_a_test_root_signs() {
    let knot = knot_or_skip!(Denial::Nsec).ready().await;
    let dns = HickoryDns::validating(Some(knot.addr), TrustAnchor::iana_root());
    for name in ["_dcv.valid", "_dcv.unsigned"] {
        let e = dns.txt_checked(name).await.unwrap_err();
        assert!(
            matches!(
                e.failure,
                LookupFailure::Bogus { .. } | LookupFailure::Indeterminate { .. }
            ),
            "{name}: {e}"
        );
    }
}

#[tokio::test]
async fn a_ds_trust_anchor_validates_as_the_key_it_names() {
    let knot = knot_or_skip!(Denial::Nsec).ready().await;
    let dns = HickoryDns::validating(
        Some(knot.addr),
        TrustAnchor::from_file(&knot.root_ds).unwrap(),
    );
    let txt = dns.txt_checked("_dcv.valid").await.unwrap();
    assert_eq!(txt.dnssec, Dnssec::Secure);
    let txt = dns.txt_checked("_dcv.unsigned").await.unwrap();
    assert_eq!(txt.dnssec, Dnssec::Insecure);
    assert!(dns.txt_checked("_dcv.tampered").await.is_err());
}

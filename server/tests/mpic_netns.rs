//! Multi-Perspective Issuance Corroboration (TLS BR 3.2.2.9) as it would run: six "hosts" on
//! this machine, each a network namespace joined to the test by its own veth pair and /30,
//! each running `server dns-serve` (its own view of the DNS) and `server perspective serve`
//! (which asks that DNS server), reached over mutual TLS. The test is the primary: it asks a
//! subset of the perspectives through `RemotePerspective` and `corroborate`, with the DNS TXT
//! check of portal domain validation and with a CAA check, while the records files of chosen
//! perspectives' DNS servers are rewritten to give another answer (a simulated hijack).
//!
//! For each day the perspective rules change (`br_rules::Rule::Mpic*`), one second before it
//! and on it, with exactly the perspectives required that day: the allowed number of hijacked
//! perspectives corroborates, one more does not (and the refused outcome names those that saw
//! the hijacked answer, with what they saw), and one perspective too few on the day is refused
//! before anything is asked. Six perspectives outvote two hijacked ones and not three.
//!
//! Without the rights for network namespaces (not root, no `ip`, `ip netns add` refused) the
//! same processes run on distinct loopback addresses (127.0.0.10 to 127.0.0.15); the test says
//! which ran. `ROOTLINE_MPIC_MODE=loopback` forces the fallback.
//!
//! Run: `cargo test -p server --test mpic_netns -- --nocapture` (as root for namespaces).

// A test file: a failed step should stop the test with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::{
    collections::BTreeSet,
    fmt,
    fs::File,
    net::{Ipv4Addr, SocketAddr, TcpListener, UdpSocket},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::Arc,
    time::{Duration, Instant},
};

use chrono::{DateTime, Utc};
use rcgen::{BasicConstraints, CertificateParams, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair};
use rustls::{
    RootCertStore,
    pki_types::{CertificateDer, PrivateKeyDer},
};
use server::{
    domain::{
        br_rules::{self, BrMethod, Rule},
        caa::CaaRequest,
        dcv::txt_matches,
        mpic::Region,
    },
    perspective::{
        client::RemotePerspective,
        corroborate::{Check, CorroborationError, Outcome, Remote, corroborate},
        tls::client_config,
        wire::Who,
    },
    ports::dns::DnsResolver,
    services::validation::caa_lookup::check_caa,
};

/// The hosts' regions, spread so that any first three of them span every region asked for.
const REGIONS: [Region; 6] = [
    Region::Arin,
    Region::Ripe,
    Region::Apnic,
    Region::Arin,
    Region::Ripe,
    Region::Apnic,
];
/// The days the perspective rules change, from the rule table.
const RULE_DAYS: [Rule; 4] = [
    Rule::MpicQuorumBinding,
    Rule::MpicThreeOverTwoRirs,
    Rule::MpicFourPerspectives,
    Rule::MpicFivePerspectives,
];
/// The record portal DCV (DNS TXT, BR 3.2.2.4.7) asks the customer to publish.
const TXT_NAME: &str = "_validation.shop.example.com";
const CAA_NAME: &str = "shop.example.com";
/// This CA's CAA identity, and the one a hijacked perspective sees instead.
const OUR_CA: &str = "rootline.test";
const OTHER_CA: &str = "ca.elsewhere.test";
const ACCOUNT: &str = "https://rootline.test/account/1";
/// The processes answer within this, or the test stops with their logs.
const READY_WITHIN: Duration = Duration::from_secs(60);

/// `PATH`, then where iproute2 lives when `PATH` lacks the sbin folders.
fn tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin".into(), "/sbin".into(), "/usr/bin".into()])
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Runs `ip` with `args`: its output, or why it failed.
fn ip(tool: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new(tool)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("ip {}: {e}", args.join(" ")))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "ip {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// A port free for both UDP and TCP on `addr`.
fn free_port(addr: Ipv4Addr) -> u16 {
    loop {
        let udp = UdpSocket::bind((addr, 0)).unwrap();
        let port = udp.local_addr().unwrap().port();
        if TcpListener::bind((addr, port)).is_ok() {
            return port;
        }
    }
}

/// A CA that issues the certificates of one side of the mutual TLS.
struct TestCa {
    params: CertificateParams,
    key: KeyPair,
    der: CertificateDer<'static>,
    pem: String,
}

/// A certificate and its key, as PEM for a process and as DER for this one.
struct Issued {
    cert_pem: String,
    key_pem: String,
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
}

impl TestCa {
    fn new(name: &str) -> Self {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let key = KeyPair::generate().unwrap();
        let cert = params.self_signed(&key).unwrap();
        Self {
            der: cert.der().clone(),
            pem: cert.pem(),
            params,
            key,
        }
    }

    fn roots(&self) -> RootCertStore {
        let mut store = RootCertStore::empty();
        store.add(self.der.clone()).unwrap();
        store
    }

    /// A certificate for `name` (a host name or an IP address, which becomes an IP SAN).
    fn issue(&self, name: &str, usage: ExtendedKeyUsagePurpose) -> Issued {
        let mut params = CertificateParams::new(vec![name.to_owned()]).unwrap();
        params.extended_key_usages = vec![usage];
        let key = KeyPair::generate().unwrap();
        let issuer = Issuer::from_params(&self.params, &self.key);
        let cert = params.signed_by(&key, &issuer).unwrap();
        Issued {
            cert_pem: cert.pem(),
            key_pem: key.serialize_pem(),
            chain: vec![cert.der().clone()],
            key: PrivateKeyDer::Pkcs8(key.serialize_der().into()),
        }
    }
}

/// How the hosts were made.
enum Mode {
    /// One network namespace per host, host `i` at 10.`octet`.`i`.2 behind its veth pair.
    Namespaces { octet: u8 },
    /// Processes on 127.0.0.10 to 127.0.0.15, because namespaces could not be made.
    Loopback { why: String },
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mode::Namespaces { octet } => write!(
                f,
                "network namespaces rl-mpic-{}-0..5, each behind a veth pair (10.{octet}.<i>.1 \
                 here, 10.{octet}.<i>.2 inside)",
                std::process::id()
            ),
            Mode::Loopback { why } => write!(
                f,
                "loopback addresses 127.0.0.10 to 127.0.0.15 (network namespaces unavailable: \
                 {why})"
            ),
        }
    }
}

/// One host: a DNS server and the perspective that asks it.
struct Host {
    name: String,
    region: Region,
    records: PathBuf,
    remote: Arc<RemotePerspective>,
}

/// The six hosts, and everything made for them: removed on drop, also when the test panics.
struct Lab {
    dir: PathBuf,
    ip: Option<PathBuf>,
    /// Namespaces made, each with the host end of its veth pair.
    namespaces: Vec<(String, String)>,
    /// Each process, by what it is, with its log file.
    children: Vec<(String, Child, PathBuf)>,
    hosts: Vec<Host>,
    mode: Mode,
    /// What the domain's owner published, and what a hijacked perspective sees instead.
    value: String,
    attacker: String,
    identities: Vec<String>,
}

impl Lab {
    async fn start() -> Lab {
        let dir = std::env::temp_dir().join(format!("rootline-mpic-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut lab = Lab {
            dir,
            ip: tool("ip"),
            namespaces: Vec::new(),
            children: Vec::new(),
            hosts: Vec::new(),
            mode: Mode::Loopback { why: String::new() },
            value: format!("rootline-dcv-{}", uuid::Uuid::new_v4().simple()),
            attacker: format!("hijacked-{}", uuid::Uuid::new_v4().simple()),
            identities: vec![OUR_CA.to_owned()],
        };
        // Where each host's DNS server and perspective listen, and in which namespace.
        let places: Vec<(Option<String>, SocketAddr, SocketAddr)> = match lab.make_namespaces() {
            Ok(octet) => {
                lab.mode = Mode::Namespaces { octet };
                lab.namespaces
                    .iter()
                    .enumerate()
                    .map(|(i, (ns, _))| {
                        let inside = Ipv4Addr::new(10, octet, u8::try_from(i).unwrap(), 2);
                        (
                            Some(ns.clone()),
                            SocketAddr::from((inside, 53)),
                            SocketAddr::from((inside, 8443)),
                        )
                    })
                    .collect()
            }
            Err(why) => {
                lab.remove_namespaces();
                lab.mode = Mode::Loopback { why };
                (0..REGIONS.len())
                    .map(|i| {
                        let addr = Ipv4Addr::new(127, 0, 0, 10 + u8::try_from(i).unwrap());
                        (
                            None,
                            SocketAddr::from((addr, free_port(addr))),
                            SocketAddr::from((addr, free_port(addr))),
                        )
                    })
                    .collect()
            }
        };
        eprintln!("MPIC hosts: {}", lab.mode);

        let perspectives_ca = TestCa::new("Rootline test perspectives CA");
        let primary_ca = TestCa::new("Rootline test primary CA");
        let primary_ca_file = lab.dir.join("primary-ca.pem");
        std::fs::write(&primary_ca_file, &primary_ca.pem).unwrap();
        let primary =
            primary_ca.issue("primary.rootline.test", ExtendedKeyUsagePurpose::ClientAuth);
        let tls = client_config(perspectives_ca.roots(), primary.chain, primary.key).unwrap();

        for (i, ((netns, dns, https), region)) in places.into_iter().zip(REGIONS).enumerate() {
            let name = format!("p{i}");
            let records = lab.dir.join(format!("{name}-records.json"));
            let host_ip = https.ip().to_string();
            let issued = perspectives_ca.issue(&host_ip, ExtendedKeyUsagePurpose::ServerAuth);
            let cert = lab.dir.join(format!("{name}-cert.pem"));
            let key = lab.dir.join(format!("{name}-key.pem"));
            std::fs::write(&cert, &issued.cert_pem).unwrap();
            std::fs::write(&key, &issued.key_pem).unwrap();
            let remote = Arc::new(RemotePerspective::new(
                name.clone(),
                region,
                &format!("https://{https}"),
                tls.clone(),
            ));
            lab.hosts.push(Host {
                name: name.clone(),
                region,
                records: records.clone(),
                remote,
            });
            lab.write_records(lab.hosts.len() - 1, false);
            let path = |p: &Path| p.display().to_string();
            lab.spawn(
                &format!("{name}-dns"),
                netns.as_deref(),
                &[
                    "dns-serve".into(),
                    "--listen".into(),
                    dns.to_string(),
                    "--records".into(),
                    path(&records),
                ],
            );
            lab.spawn(
                &format!("{name}-perspective"),
                netns.as_deref(),
                &[
                    "perspective".into(),
                    "serve".into(),
                    "--listen".into(),
                    https.to_string(),
                    "--name".into(),
                    name.clone(),
                    "--region".into(),
                    region.as_str().into(),
                    "--cert".into(),
                    path(&cert),
                    "--key".into(),
                    path(&key),
                    "--client-ca".into(),
                    path(&primary_ca_file),
                    "--dns".into(),
                    dns.to_string(),
                ],
            );
        }
        lab.wait_until_ready().await;
        lab
    }

    /// Makes one namespace per host; `Err` says why it could not, and what was made is in
    /// `namespaces` to be removed.
    fn make_namespaces(&mut self) -> Result<u8, String> {
        if std::env::var("ROOTLINE_MPIC_MODE").as_deref() == Ok("loopback") {
            return Err("ROOTLINE_MPIC_MODE=loopback asks for the fallback".into());
        }
        let Some(tool) = self.ip.clone() else {
            return Err("the `ip` tool (iproute2) is not installed".into());
        };
        remove_stale_namespaces(&tool);
        let octet = free_octet(&tool)?;
        let pid = std::process::id();
        for i in 0..REGIONS.len() {
            let ns = format!("rl-mpic-{pid}-{i}");
            // At most 15 characters: "rlm" + a pid of up to 7 digits + "h" + one digit.
            let outside = format!("rlm{pid}h{i}");
            let inside = format!("rlm{pid}n{i}");
            ip(&tool, &["netns", "add", &ns])?;
            self.namespaces.push((ns.clone(), outside.clone()));
            ip(
                &tool,
                &[
                    "link", "add", &outside, "type", "veth", "peer", "name", &inside,
                ],
            )?;
            ip(&tool, &["link", "set", &inside, "netns", &ns])?;
            ip(
                &tool,
                &[
                    "addr",
                    "add",
                    &format!("10.{octet}.{i}.1/30"),
                    "dev",
                    &outside,
                ],
            )?;
            ip(&tool, &["link", "set", &outside, "up"])?;
            ip(
                &tool,
                &[
                    "-n",
                    &ns,
                    "addr",
                    "add",
                    &format!("10.{octet}.{i}.2/30"),
                    "dev",
                    &inside,
                ],
            )?;
            ip(&tool, &["-n", &ns, "link", "set", &inside, "up"])?;
            ip(&tool, &["-n", &ns, "link", "set", "lo", "up"])?;
            // `ip netns exec` also needs to mount a /sys of the namespace: try it once here.
            ip(&tool, &["netns", "exec", &ns, "true"])?;
        }
        Ok(octet)
    }

    fn remove_namespaces(&mut self) {
        let Some(tool) = &self.ip else { return };
        for (ns, outside) in self.namespaces.drain(..) {
            // Deleting the host end removes the pair at once; the namespace goes after it.
            let _ = ip(tool, &["link", "del", &outside]);
            let _ = ip(tool, &["netns", "del", &ns]);
        }
    }

    /// Starts this binary with `args`, in `netns` when given, logging to a file of `dir`.
    fn spawn(&mut self, label: &str, netns: Option<&str>, args: &[String]) {
        let log = self.dir.join(format!("{label}.log"));
        let out = File::create(&log).unwrap();
        let err = out.try_clone().unwrap();
        let binary = env!("CARGO_BIN_EXE_server");
        let mut command = match (netns, &self.ip) {
            (Some(ns), Some(tool)) => {
                // `ip netns exec` execs the binary in place: the child is the server itself.
                let mut c = Command::new(tool);
                c.args(["netns", "exec", ns, binary]);
                c
            }
            _ => Command::new(binary),
        };
        // The processes read a `Config` from the environment: a developer's ROOTLINE_*
        // settings are not theirs.
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("ROOTLINE_") {
                command.env_remove(name);
            }
        }
        let child = command
            .args(args)
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {label}: {e}"));
        self.children.push((label.to_owned(), child, log));
    }

    /// Waits until every perspective says who it is and sees the published record through
    /// its own DNS server.
    async fn wait_until_ready(&mut self) {
        let started = Instant::now();
        let hosts: Vec<(String, Region, Arc<RemotePerspective>)> = self
            .hosts
            .iter()
            .map(|h| (h.name.clone(), h.region, h.remote.clone()))
            .collect();
        for (name, region, remote) in hosts {
            loop {
                let seen = match remote.who().await {
                    Ok(who) => {
                        assert_eq!(
                            who,
                            Who {
                                name: name.clone(),
                                region
                            }
                        );
                        match remote.txt(TXT_NAME).await {
                            Ok(records) if txt_matches(&records, &self.value) => break,
                            Ok(records) => format!("its DNS gave {records:?}"),
                            Err(e) => e.to_string(),
                        }
                    }
                    Err(e) => e.to_string(),
                };
                if let Some(gone) = self.exited() {
                    panic!("{gone} stopped before {name} was ready\n{}", self.logs());
                }
                if started.elapsed() > READY_WITHIN {
                    panic!("{name} is not ready: {seen}\n{}", self.logs());
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        eprintln!(
            "{} perspectives and their DNS servers ready in {} ms",
            self.hosts.len(),
            started.elapsed().as_millis()
        );
    }

    /// The first process that has stopped, with how.
    fn exited(&mut self) -> Option<String> {
        self.children
            .iter_mut()
            .find_map(|(label, child, _)| match child.try_wait() {
                Ok(Some(status)) => Some(format!("{label} ({status})")),
                _ => None,
            })
    }

    /// The end of every process's log.
    fn logs(&self) -> String {
        let mut text = String::new();
        for (label, _, log) in &self.children {
            let all = std::fs::read_to_string(log).unwrap_or_default();
            let from = all.char_indices().rev().nth(1499).map_or(0, |(i, _)| i);
            let tail = all.get(from..).unwrap_or_default();
            text.push_str(&format!("--- {label} ({}):\n{tail}\n", log.display()));
        }
        text
    }

    /// Rewrites host `i`'s records file, atomically: the owner's value and this CA in CAA, or,
    /// hijacked, the attacker's value and another CA.
    fn write_records(&self, i: usize, hijacked: bool) {
        let host = self.hosts.get(i).unwrap();
        let (txt, ca) = if hijacked {
            (&self.attacker, OTHER_CA)
        } else {
            (&self.value, OUR_CA)
        };
        let records = serde_json::json!({
            "txt": { TXT_NAME: [txt] },
            "caa": { CAA_NAME: [{ "flags": 0, "tag": "issue", "value": ca }] },
        });
        let fresh = host.records.with_extension("json.new");
        std::fs::write(&fresh, records.to_string()).unwrap();
        std::fs::rename(&fresh, &host.records).unwrap();
    }

    /// The hosts of `hijacked` see the hijacked records, the others the owner's.
    fn hijack(&self, hijacked: &BTreeSet<usize>) {
        for i in 0..self.hosts.len() {
            self.write_records(i, hijacked.contains(&i));
        }
    }

    /// The first `n` perspectives.
    fn remotes(&self, n: usize) -> Vec<Arc<dyn Remote>> {
        assert!(n <= self.hosts.len(), "only {} hosts", self.hosts.len());
        self.hosts
            .iter()
            .take(n)
            .map(|h| h.remote.clone() as Arc<dyn Remote>)
            .collect()
    }

    fn check(&self, kind: Kind) -> Check<'_> {
        match kind {
            Kind::Txt => txt_check(&self.value),
            Kind::Caa => caa_check(&self.identities),
        }
    }

    /// Corroborates `kind` at `at` with the first `n` perspectives, `k` of them hijacked, and
    /// checks the outcome is `corroborates`.
    async fn expect(
        &self,
        table: &mut Vec<Row>,
        kind: Kind,
        at: DateTime<Utc>,
        n: usize,
        k: usize,
        corroborates: bool,
    ) {
        assert!(
            distinct_regions(n) >= br_rules::min_distinct_regions(at),
            "the first {n} hosts span too few regions for {at}"
        );
        // Which perspectives are hijacked moves from one scenario to the next.
        let hijacked: BTreeSet<usize> = (0..k).map(|j| (table.len() + j) % n).collect();
        self.hijack(&hijacked);
        let started = Instant::now();
        let outcome = corroborate(&self.remotes(n), at, move || at, self.check(kind))
            .await
            .unwrap_or_else(|e| panic!("{kind} at {at} with {n} perspectives: {e}"));
        let took = started.elapsed();
        let case = format!("{kind} at {at} with {n} perspectives, {k} hijacked");
        assert_eq!(outcome.corroborated, corroborates, "{case}: {outcome:#?}");
        assert_eq!(outcome.asked, n, "{case}");
        let hijacked_names: BTreeSet<String> = hijacked
            .iter()
            .map(|&i| self.hosts.get(i).unwrap().name.clone())
            .collect();
        let disagreeing: BTreeSet<String> = outcome
            .answers
            .iter()
            .filter(|a| !a.corroborated)
            .map(|a| a.perspective.clone())
            .collect();
        if corroborates {
            // The outcome may come before a hijacked perspective answered; an honest one
            // never disagrees.
            assert!(
                disagreeing.is_subset(&hijacked_names),
                "{case}: {outcome:#?}"
            );
        } else {
            // Refused at the first disagreement beyond those allowed: every hijacked
            // perspective has answered, and only they disagreed.
            assert_eq!(disagreeing, hijacked_names, "{case}: {outcome:#?}");
        }
        let sign = match kind {
            Kind::Txt => self.attacker.as_str(),
            Kind::Caa => OTHER_CA,
        };
        for answer in &outcome.answers {
            let host = self
                .hosts
                .iter()
                .find(|h| h.name == answer.perspective)
                .unwrap();
            assert_eq!(answer.region, host.region, "{case}");
            assert_eq!(answer.at, at, "{case}");
            if !answer.corroborated {
                let detail = answer.detail.as_deref().unwrap_or_default();
                assert!(
                    detail.contains(sign),
                    "{case}: {} should say it saw {sign}: {detail}",
                    answer.perspective
                );
            }
        }
        table.push(Row::of(kind, at, n, &hijacked, Ok(&outcome), took));
    }

    /// `n` perspectives, one too few at `at`: refused before anything is asked, naming the
    /// number needed.
    async fn expect_too_few(&self, table: &mut Vec<Row>, at: DateTime<Utc>, n: usize) {
        let needed = br_rules::required_remote_perspectives(at);
        assert_eq!(n + 1, needed, "one too few");
        let started = Instant::now();
        let refused = corroborate(&self.remotes(n), at, move || at, self.check(Kind::Txt))
            .await
            .unwrap_err();
        let took = started.elapsed();
        assert_eq!(
            refused,
            CorroborationError::TooFew {
                needed,
                regions: br_rules::min_distinct_regions(at),
                configured: n,
                configured_regions: distinct_regions(n),
            }
        );
        let message = refused.to_string();
        assert!(
            message.contains(&format!("needs {needed} remote perspectives")),
            "{message}"
        );
        table.push(Row::of(
            Kind::Txt,
            at,
            n,
            &BTreeSet::new(),
            Err(&refused),
            took,
        ));
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        for (_, child, _) in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
        self.remove_namespaces();
        if std::thread::panicking() {
            eprintln!("{}", self.logs());
            eprintln!("The processes' files are kept in {}", self.dir.display());
        } else {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Removes the namespaces of earlier runs whose test process is gone (a run killed before
/// its cleanup).
fn remove_stale_namespaces(tool: &Path) {
    let Ok(list) = ip(tool, &["netns", "list"]) else {
        return;
    };
    for name in list.lines().filter_map(|l| l.split_whitespace().next()) {
        let Some((pid, i)) = name
            .strip_prefix("rl-mpic-")
            .and_then(|rest| rest.split_once('-'))
        else {
            continue;
        };
        if pid.parse::<u32>().is_err() || Path::new("/proc").join(pid).exists() {
            continue;
        }
        // Its servers outlived it (it was killed before its cleanup): stop them by their ids.
        let pids = ip(tool, &["netns", "pids", name]).unwrap_or_default();
        for orphan in pids.split_whitespace().filter(|p| p.parse::<u32>().is_ok()) {
            let _ = Command::new("kill").args(["-KILL", orphan]).status();
        }
        let _ = ip(tool, &["link", "del", &format!("rlm{pid}h{i}")]);
        if ip(tool, &["netns", "del", name]).is_ok() {
            eprintln!("removed the stale namespace {name} (test process {pid} is gone)");
        }
    }
}

/// A second octet for 10.x.0.0/16 that no address or route of this host uses.
fn free_octet(tool: &Path) -> Result<u8, String> {
    let used = format!(
        "{}\n{}",
        ip(tool, &["-4", "-o", "addr", "show"])?,
        ip(tool, &["-4", "route", "show", "table", "all"]).unwrap_or_default()
    );
    (213..=254)
        .chain(100..213)
        .find(|o| {
            let prefix = format!("10.{o}.");
            !used
                .split(|c: char| c.is_whitespace() || c == '/')
                .any(|word| word.starts_with(&prefix))
        })
        .ok_or_else(|| "no free 10.x.0.0/16 for the veth pairs".into())
}

fn distinct_regions(n: usize) -> usize {
    REGIONS.iter().take(n).collect::<BTreeSet<_>>().len()
}

/// Portal DCV's DNS check, run at each perspective: the TXT record holds the random value.
fn txt_check(expected: &str) -> Check<'_> {
    Box::new(move |remote: Arc<dyn Remote>| {
        Box::pin(async move {
            match remote.txt(TXT_NAME).await {
                Ok(seen) if txt_matches(&seen, expected) => Ok(()),
                Ok(seen) => Err(format!("{TXT_NAME} holds {seen:?}")),
                Err(e) => Err(e.to_string()),
            }
        })
    })
}

/// The CAA check, run at each perspective.
fn caa_check(identities: &[String]) -> Check<'_> {
    Box::new(move |remote: Arc<dyn Remote>| {
        Box::pin(async move {
            let resolver: &dyn DnsResolver = &*remote;
            let request = CaaRequest {
                account_uri: ACCOUNT,
                method: BrMethod::DnsChange,
            };
            check_caa(resolver, identities, request, CAA_NAME, false)
                .await
                .map(|_| ())
                .map_err(|refusal| refusal.to_string())
        })
    })
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Txt,
    Caa,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad`, so the table's widths apply.
        f.pad(match self {
            Kind::Txt => "DNS TXT",
            Kind::Caa => "CAA",
        })
    }
}

/// One line of the summary.
struct Row(String);

impl Row {
    fn of(
        kind: Kind,
        at: DateTime<Utc>,
        n: usize,
        hijacked: &BTreeSet<usize>,
        result: Result<&Outcome, &CorroborationError>,
        took: Duration,
    ) -> Row {
        let hijacked = if hijacked.is_empty() {
            "-".to_owned()
        } else {
            hijacked
                .iter()
                .map(|i| format!("p{i}"))
                .collect::<Vec<_>>()
                .join(",")
        };
        let (outcome, issuance) = match result {
            Ok(o) if o.corroborated => (
                format!("corroborated ({} answers)", o.answers.len()),
                "proceeds",
            ),
            Ok(o) => (
                format!("NOT corroborated ({} answers)", o.answers.len()),
                if br_rules::quorum_binding(at) {
                    "refused"
                } else {
                    "not stopped (quorum not binding yet)"
                },
            ),
            Err(CorroborationError::TooFew { needed, .. }) => {
                (format!("TooFew: needs {needed}"), "refused")
            }
        };
        Row(format!(
            "{:<8} {}  {:<17}  {:<11} {:<29} {:<36} {:>5} ms",
            kind,
            at.format("%Y-%m-%d %H:%M:%S"),
            format!("{n} in {} regions", distinct_regions(n)),
            hijacked,
            outcome,
            issuance,
            took.as_millis()
        ))
    }
}

#[tokio::test]
async fn perspectives_on_their_own_hosts_outvote_a_hijack_up_to_the_dated_quorum_and_no_further() {
    let started = Instant::now();
    let lab = Lab::start().await;
    let mut table = Vec::new();
    for rule in RULE_DAYS {
        let day = rule.starts();
        for at in [day - chrono::Duration::seconds(1), day] {
            let n = br_rules::required_remote_perspectives(at);
            let allowed = br_rules::allowed_disagreements(n);
            lab.expect(&mut table, Kind::Txt, at, n, allowed, true)
                .await;
            lab.expect(&mut table, Kind::Txt, at, n, allowed + 1, false)
                .await;
        }
        lab.expect_too_few(
            &mut table,
            day,
            br_rules::required_remote_perspectives(day) - 1,
        )
        .await;
    }
    // More perspectives than required: two of six may disagree, not three.
    let day = Rule::MpicFivePerspectives.starts();
    assert_eq!(br_rules::allowed_disagreements(6), 2);
    lab.expect(&mut table, Kind::Txt, day, 6, 2, true).await;
    lab.expect(&mut table, Kind::Txt, day, 6, 3, false).await;
    // CAA is corroborated the same way: a hijacked perspective sees another CA's issue record.
    let n = br_rules::required_remote_perspectives(day);
    let allowed = br_rules::allowed_disagreements(n);
    lab.expect(&mut table, Kind::Caa, day, n, allowed, true)
        .await;
    lab.expect(&mut table, Kind::Caa, day, n, allowed + 1, false)
        .await;

    eprintln!("\nMPIC scenarios on {}:", lab.mode);
    eprintln!(
        "{:<8} {:<19}  {:<17}  {:<11} {:<29} {:<36} {:>8}",
        "check", "at (UTC)", "perspectives", "hijacked", "outcome", "issuance", "took"
    );
    for Row(line) in &table {
        eprintln!("{line}");
    }
    eprintln!(
        "{} scenarios, {} ms in all (hosts started once)",
        table.len(),
        started.elapsed().as_millis()
    );
}

//! `cargo run --release -p server --bin bench`: the CA's performance figures, side by side in
//! one run. Prints figures; asserts nothing (targets are judged by reading them).
//! With ROOTLINE_PKCS11_MODULE / _TOKEN_LABEL / _PIN set (scripts/bench.sh does it with
//! SoftHSM2), the HSM signer is measured too.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::print_stdout,
    clippy::indexing_slicing
)]

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use chrono::Utc;
use server::{
    adapters::{
        clock::SystemClock, pkcs11::Pkcs11KeyStore, random::OsRandom, softkeys::SoftKeyStore,
    },
    ca::{Authority, CaSettings, SignOptions},
    ports::keys::{KeySpec, KeyStore},
    store::{Store, accounts, authorities, certificates, groups, orders, users},
};

const WINDOW: Duration = Duration::from_secs(3);
/// Requests per group commit in the batched issuance figure.
const BATCH: usize = 256;
/// Concurrent callers of the issuance figures (ROOTLINE_BENCH_CALLERS, default 4): while one
/// waits for its commit, the others keep the cores busy, as concurrent requests do.
fn callers() -> usize {
    std::env::var("ROOTLINE_BENCH_CALLERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4)
}
/// Concurrent client loops of the OCSP figures, the same for both responders.
const OCSP_CLIENTS: usize = 4;

/// Certificates per second from `callers()` concurrent callers, each issuing `batch` requests per
/// `prepare_many` + `issue_many`, and the last certificate issued.
async fn issuance_rate(
    ca: &Arc<Authority>,
    request: &[u8],
    batch: usize,
) -> (f64, server::ca::Issued) {
    let callers = callers();
    let started = Instant::now();
    let mut issued = 0u64;
    let mut last = None;
    while started.elapsed() < WINDOW {
        let tasks: Vec<_> = (0..callers)
            .map(|_| {
                let ca = ca.clone();
                let request = request.to_vec();
                tokio::spawn(async move {
                    // Each request is read at its edge, as a portal or ACME request would be.
                    let csrs: Vec<_> = (0..batch)
                        .map(|_| server::ca::inspect_csr(&request).unwrap())
                        .collect();
                    let requests: Vec<_> = csrs
                        .iter()
                        .map(|csr| {
                            (
                                csr,
                                SignOptions {
                                    profile: "tls-dv",
                                    ..Default::default()
                                },
                            )
                        })
                        .collect();
                    let tokens = ca.prepare_many(&requests).await.unwrap();
                    let tokens = tokens.into_iter().map(|t| t.unwrap()).collect();
                    ca.issue_many(tokens).await.unwrap()
                })
            })
            .collect();
        for t in tasks {
            for cert in t.await.unwrap() {
                last = Some(cert.unwrap());
                issued += 1;
            }
        }
    }
    (
        issued as f64 / started.elapsed().as_secs_f64(),
        last.expect("at least one certificate"),
    )
}

/// Signatures per second with `threads` threads signing for a fixed window.
fn signer_rate(keys: &dyn KeyStore, threads: usize) -> f64 {
    let record = keys.generate("bench", KeySpec::EcP256).expect("key");
    let signer = keys.signer("bench", &record).expect("signer");
    let started = Instant::now();
    let total: u64 = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let signer = signer.clone();
                scope.spawn(move || {
                    let mut n = 0u64;
                    while started.elapsed() < WINDOW {
                        signer
                            .sign(b"a TBS certificate of a typical size, more or less")
                            .expect("sign");
                        n += 1;
                    }
                    n
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("thread")).sum()
    });
    total as f64 / started.elapsed().as_secs_f64()
}

/// ECDSA P-256 verifications per second with `threads` threads, done as the CA checks what
/// its signer returned.
fn verifier_rate(leaf: &server::ca::Issued, threads: usize) -> f64 {
    use x509_parser::prelude::{FromDer, X509Certificate};
    let issuer = leaf.chain.first().expect("the issuing CA");
    let started = Instant::now();
    let total: u64 = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let (_, cert) = X509Certificate::from_der(&leaf.der).expect("leaf");
                    let (_, ca) = X509Certificate::from_der(issuer).expect("CA");
                    let mut n = 0u64;
                    while started.elapsed() < WINDOW {
                        cert.verify_signature(Some(ca.public_key()))
                            .expect("verifies");
                        n += 1;
                    }
                    n
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("thread")).sum()
    });
    total as f64 / started.elapsed().as_secs_f64()
}

fn csr(dir: &std::path::Path) -> Vec<u8> {
    let out = std::process::Command::new("openssl")
        .args([
            "req",
            "-new",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
        ])
        .args(["-keyout", "/dev/null", "-subj", "/CN=www.example.com"])
        .args(["-addext", "subjectAltName=DNS:www.example.com"])
        .current_dir(dir)
        .output()
        .expect("openssl");
    out.stdout
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = std::env::temp_dir().join(format!("rootline-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let soft: Arc<dyn KeyStore> = Arc::new(
        SoftKeyStore::from_secret(b"a benchmark master secret of 32+ characters").unwrap(),
    );

    println!(
        "Rootline CA benchmark ({} cores)",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    );
    println!();
    // One part alone, for a profiler: `bench issuance` or `bench crl`.
    let only = std::env::args().nth(1);
    if only.as_deref() == Some("search") {
        search_figures(&dir).await;
        if std::env::var_os("ROOTLINE_BENCH_KEEP_DATABASE").is_none() {
            let _ = std::fs::remove_dir_all(&dir);
        }
        return;
    }
    if only.is_some() {
        return part(only.as_deref(), &dir, soft).await;
    }
    let soft1 = signer_rate(soft.as_ref(), 1);
    let soft2 = signer_rate(soft.as_ref(), 2);
    println!(
        "raw signer, software P-256      {soft1:>10.0} signatures/s (1 thread)  {soft2:>10.0}/s (2 threads)"
    );
    let hsm = match (
        std::env::var("ROOTLINE_PKCS11_MODULE"),
        std::env::var("ROOTLINE_PKCS11_TOKEN_LABEL"),
        std::env::var("ROOTLINE_PKCS11_PIN"),
    ) {
        (Ok(module), Ok(label), Ok(pin)) => {
            let hsm = Arc::new(
                Pkcs11KeyStore::open(std::path::Path::new(&module), &label, &pin).expect("HSM"),
            );
            let hsm1 = signer_rate(hsm.as_ref(), 1);
            let hsm2 = signer_rate(hsm.as_ref(), 2);
            println!(
                "raw signer, SoftHSM2 P-256      {hsm1:>10.0} signatures/s (1 thread)  {hsm2:>10.0}/s (2 threads)"
            );
            Some((hsm, hsm2))
        }
        _ => {
            println!(
                "raw signer, SoftHSM2 P-256      (skipped: set ROOTLINE_PKCS11_* or run scripts/bench.sh)"
            );
            None
        }
    };

    println!(
        "key + CSR (pki, native), P-256  {:>10.1} ms   RSA-2048 {:>8.0} ms (mean of 10)",
        key_generation_ms(app::pki::KeyAlgorithm::P256, 50),
        key_generation_ms(app::pki::KeyAlgorithm::Rsa2048, 10)
    );

    let (store, ca) = bench_ca(&dir, soft.clone()).await;
    let request = csr(&dir);
    let (single, last) = issuance_rate(&ca, &request, 1).await;
    println!(
        "issuance, prepare+issue, SQLite {single:>10.1} certificates/s, one per transaction ({:.1}% of the raw software signer on 2 threads)",
        100.0 * single / soft2
    );
    let (batched, _) = issuance_rate(&ca, &request, BATCH).await;
    println!(
        "issuance, prepare_many+issue_many {batched:>8.1} certificates/s, {BATCH} per transaction ({:.1}% of the raw software signer on 2 threads)",
        100.0 * batched / soft2
    );

    let leaf = last;
    let verify2 = verifier_rate(&leaf, 2);
    // Every certificate costs one CSR signature check, one signature and one check of that
    // signature; no database or encoding work can make issuance faster than this.
    let ceiling = |signer: f64| 1.0 / (1.0 / signer + 2.0 / verify2);
    println!(
        "raw verifier, P-256             {verify2:>10.0} verifications/s (2 threads): with the software signer, crypto alone caps issuance at {:.0}/s ({:.1}% of the raw signer); batched issuance reaches {:.0}% of that",
        ceiling(soft2),
        100.0 * ceiling(soft2) / soft2,
        100.0 * batched / ceiling(soft2)
    );
    if let Some((hsm, hsm2)) = &hsm {
        let hsm_dir = dir.join("hsm");
        std::fs::create_dir_all(&hsm_dir).unwrap();
        let (_, hsm_ca) = bench_ca(&hsm_dir, hsm.clone()).await;
        let (rate, _) = issuance_rate(&hsm_ca, &request, BATCH).await;
        println!(
            "issuance with SoftHSM2 keys, prepare_many+issue_many {rate:>8.1} certificates/s ({:.1}% of SoftHSM2's raw rate on 2 threads; crypto alone caps it at {:.0}/s, {:.1}% of that rate; reached {:.0}% of the cap)",
            100.0 * rate / hsm2,
            ceiling(*hsm2),
            100.0 * ceiling(*hsm2) / hsm2,
            100.0 * rate / ceiling(*hsm2)
        );
    }
    ocsp_comparison(&ca, &dir, &leaf).await;

    crl_figures(&ca, &store).await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// A fresh SQLite database in `dir` with the CA hierarchy initialised on `keys`.
async fn bench_ca(dir: &std::path::Path, keys: Arc<dyn KeyStore>) -> (Store, Arc<Authority>) {
    let store = Store::connect(&format!(
        "sqlite://{}?mode=rwc",
        dir.join("bench.db").display()
    ))
    .await
    .unwrap();
    store.migrate().await.unwrap();
    let ca = Arc::new(Authority::new(
        store.clone(),
        keys,
        Arc::new(SystemClock),
        Arc::new(OsRandom),
        CaSettings {
            organization: "Rootline Bench".into(),
            country: Some("IN".into()),
            base_url: "http://pki.example.com".into(),
            publicly_trusted: false,
        },
    ));
    ca.init(KeySpec::EcP256).await.unwrap();
    (store, ca)
}

/// One part of the benchmark alone, for a profiler.
async fn part(only: Option<&str>, dir: &std::path::Path, keys: Arc<dyn KeyStore>) {
    let (store, ca) = bench_ca(dir, keys).await;
    match only {
        Some("issuance") => {
            let (batched, _) = issuance_rate(&ca, &csr(dir), BATCH).await;
            println!("issuance, prepare_many+issue_many {batched:>8.1} certificates/s");
        }
        Some("crl") => crl_figures(&ca, &store).await,
        other => println!("unknown part {other:?}: issuance, crl or search"),
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// Seconds to publish a CRL of 100k and then 1M entries, and to read those entries alone.
async fn crl_figures(ca: &Authority, store: &Store) {
    let tls = authorities::find_by_name(store, "tls")
        .await
        .unwrap()
        .unwrap();
    let mut have = 0usize;
    for target in [100_000usize, 1_000_000] {
        let now = Utc::now();
        // On the whole-CA CRL (shard 0): the figures are for one CRL of that size, whichever
        // shard it is.
        certificates::insert_revoked_for_bench(
            store,
            tls.id,
            0,
            have,
            target - have,
            now,
            now + chrono::Duration::days(30),
        )
        .await
        .unwrap();
        have = target;
        let started = Instant::now();
        let der = ca.publish_fresh_crl("tls", 0).await.unwrap();
        let publish = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let entries = certificates::revoked_in_shard(store, tls.id, 0, Utc::now())
            .await
            .unwrap()
            .len();
        println!(
            "CRL with {target:>9} entries    {publish:>10.2} s  ({:.1} MB; reading the {entries} entries alone takes {:.2} s)",
            der.len() as f64 / 1e6,
            started.elapsed().as_secs_f64()
        );
    }
}

/// Milliseconds per key pair + CSR from the in-browser key generation (app::pki), run
/// natively; the browser's wasm is slower (RSA key generation above all).
fn key_generation_ms(algorithm: app::pki::KeyAlgorithm, rounds: u32) -> f64 {
    let request = app::pki::CsrRequest {
        common_name: Some("www.example.com".into()),
        dns_names: vec!["www.example.com".into()],
    };
    let started = Instant::now();
    for _ in 0..rounds {
        app::pki::generate(algorithm, &request).unwrap();
    }
    started.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds)
}

/// How the benchmark's HTTP client treats connections.
#[derive(Clone, Copy)]
enum Connections {
    /// A fresh connection per request, as `openssl ocsp` (the client) does.
    PerRequest,
    /// HTTP/1.1 keep-alive: the connection is used again unless the server closes it (as
    /// `openssl ocsp` the responder does after every answer, HTTP/1.0).
    KeptOpen,
}

/// Reads one HTTP response from `stream`: whether it was a 200 and whether the server keeps
/// the connection open.
async fn read_response(
    stream: &mut tokio::net::TcpStream,
    buf: &mut Vec<u8>,
) -> Option<(bool, bool)> {
    use tokio::io::AsyncReadExt;
    buf.clear();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let ok = head.starts_with("http/1.1 200") || head.starts_with("http/1.0 200");
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    let kept = if head.starts_with("http/1.1") {
        !head.contains("connection: close")
    } else {
        head.contains("connection: keep-alive")
    };
    match length {
        Some(length) => {
            while buf.len() < head_end + length {
                let n = stream.read(&mut chunk).await.ok()?;
                if n == 0 {
                    return None;
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            Some((ok, kept))
        }
        None => {
            stream.read_to_end(buf).await.ok()?;
            Some((ok, false))
        }
    }
}

/// Requests per second from `clients` concurrent loops, each POSTing `request` to `addr` for
/// the benchmark window; the same client for every server measured.
async fn hammer(
    addr: std::net::SocketAddr,
    path: &str,
    request: &[u8],
    clients: usize,
    connections: Connections,
) -> f64 {
    use tokio::io::AsyncWriteExt;
    let connection = match connections {
        Connections::PerRequest => "close",
        Connections::KeptOpen => "keep-alive",
    };
    let mut message = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/ocsp-request\r\nContent-Length: {}\r\nConnection: {connection}\r\n\r\n",
        request.len()
    )
    .into_bytes();
    message.extend_from_slice(request);
    let message = Arc::new(message);
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let message = message.clone();
            tokio::spawn(async move {
                let mut ok = 0u64;
                let mut open: Option<tokio::net::TcpStream> = None;
                let mut buf = Vec::with_capacity(8192);
                while started.elapsed() < WINDOW {
                    let mut stream = match open.take() {
                        Some(stream) => stream,
                        None => match tokio::net::TcpStream::connect(addr).await {
                            Ok(stream) => {
                                let _ = stream.set_nodelay(true);
                                stream
                            }
                            Err(_) => continue,
                        },
                    };
                    if stream.write_all(&message).await.is_err() {
                        continue;
                    }
                    let Some((good, kept)) = read_response(&mut stream, &mut buf).await else {
                        continue;
                    };
                    ok += u64::from(good);
                    if kept && matches!(connections, Connections::KeptOpen) {
                        open = Some(stream);
                    }
                }
                ok
            })
        })
        .collect();
    let mut total = 0;
    for t in tasks {
        total += t.await.unwrap_or(0);
    }
    total as f64 / started.elapsed().as_secs_f64()
}

/// OCSP on loopback: Rootline's responder and `openssl ocsp` as a responder, each asked by the
/// same client for a good certificate of its own CA.
async fn ocsp_comparison(ca: &Arc<Authority>, dir: &std::path::Path, leaf: &server::ca::Issued) {
    use std::process::Command;
    let pem = |der: &[u8]| server::ca::pem_certificate(der);
    std::fs::write(dir.join("leaf.pem"), pem(&leaf.der)).unwrap();
    std::fs::write(
        dir.join("tls.pem"),
        pem(leaf.chain.first().expect("the issuing CA")),
    )
    .unwrap();
    let openssl = |args: &[&str]| {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .expect("openssl");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    openssl(&[
        "ocsp",
        "-issuer",
        "tls.pem",
        "-cert",
        "leaf.pem",
        "-no_nonce",
        "-reqout",
        "ours.req",
    ]);

    let app = axum::Router::new().route(
        "/ocsp",
        axum::routing::post({
            let ca = ca.clone();
            move |body: axum::body::Bytes| {
                let ca = ca.clone();
                async move { ca.ocsp_response(&body).await }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let ours_addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    let ours_request = std::fs::read(dir.join("ours.req")).unwrap();

    // openssl's responder, with a CA, a certificate and an index of its own.
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "oca.key",
        "-out",
        "oca.pem",
        "-subj",
        "/CN=Bench OpenSSL CA",
        "-days",
        "30",
    ]);
    openssl(&[
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "oleaf.key",
        "-out",
        "oleaf.csr",
        "-subj",
        "/CN=bench",
    ]);
    openssl(&[
        "x509",
        "-req",
        "-in",
        "oleaf.csr",
        "-CA",
        "oca.pem",
        "-CAkey",
        "oca.key",
        "-set_serial",
        "0x1234",
        "-days",
        "30",
        "-out",
        "oleaf.pem",
    ]);
    std::fs::write(
        dir.join("index.txt"),
        "V\t351231235959Z\t\t1234\tunknown\t/CN=bench\n",
    )
    .unwrap();
    openssl(&[
        "ocsp",
        "-issuer",
        "oca.pem",
        "-cert",
        "oleaf.pem",
        "-no_nonce",
        "-reqout",
        "theirs.req",
    ]);
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let mut responder = Command::new("openssl")
        .args([
            "ocsp",
            "-index",
            "index.txt",
            "-port",
            &port.to_string(),
            "-rsigner",
            "oca.pem",
            "-rkey",
            "oca.key",
            "-CA",
            "oca.pem",
        ])
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("openssl ocsp responder");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let theirs_addr: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let theirs_request = std::fs::read(dir.join("theirs.req")).unwrap();
    for (connections, label) in [
        (Connections::PerRequest, "a new connection per request"),
        (Connections::KeptOpen, "connections kept open (HTTP/1.1)"),
    ] {
        let ours = hammer(ours_addr, "/ocsp", &ours_request, OCSP_CLIENTS, connections).await;
        let theirs = hammer(theirs_addr, "/", &theirs_request, OCSP_CLIENTS, connections).await;
        println!(
            "OCSP on loopback, {OCSP_CLIENTS} clients, {label:<34} {ours:>10.0} responses/s   openssl ocsp {theirs:>8.0}/s   ({:.1}x)",
            ours / theirs.max(1.0)
        );
    }
    let _ = responder.kill();
    let _ = responder.wait();
}

/// The p-th percentile of sorted samples, as `end2end/bench/portal.bench.ts` computes it.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[i.saturating_sub(1).min(sorted.len() - 1)]
}

/// `bench search`: the order list's database work (the page's query, its count and its main
/// names) over 100,000 orders of one account (ROOTLINE_BENCH_ORDERS), the rows
/// `end2end/bench/portal.bench.ts` seeds. SQLite in a temporary file, or with
/// ROOTLINE_BENCH_POSTGRES_URL (a URL that may create databases) a PostgreSQL database made for
/// the run and dropped after it (kept with ROOTLINE_BENCH_KEEP_DATABASE=1).
async fn search_figures(dir: &std::path::Path) {
    let count: usize = std::env::var("ROOTLINE_BENCH_ORDERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let postgres = std::env::var("ROOTLINE_BENCH_POSTGRES_URL").ok();
    let name = format!("rootline_bench_{}", std::process::id());
    let (store, admin) = match &postgres {
        Some(admin_url) => {
            let admin = Store::connect(admin_url).await.unwrap();
            admin
                .execute_raw(&format!("CREATE DATABASE {name}"))
                .await
                .unwrap();
            let base = admin_url
                .rsplit_once('/')
                .map_or(admin_url.as_str(), |(b, _)| b);
            (
                Store::connect(&format!("{base}/{name}")).await.unwrap(),
                Some(admin),
            )
        }
        None => (
            Store::connect(&format!(
                "sqlite://{}?mode=rwc",
                dir.join("search.db").display()
            ))
            .await
            .unwrap(),
            None,
        ),
    };
    store.migrate().await.unwrap();
    let at = Utc::now();
    let account = accounts::insert(
        &store,
        accounts::NewAccount {
            kind: app::model::AccountKind::Enterprise,
            name: "Bench Marks Ltd",
            country: "IN",
            status: app::model::AccountStatus::Active,
            created_at: at,
        },
    )
    .await
    .unwrap();
    let user = users::insert(
        &store,
        users::NewUser {
            email: "bench@example.com",
            name: "Bench",
            mobile: "",
            status: app::model::user_status::UserStatus::Active,
            is_operator: false,
            created_at: at,
            designation: "",
            employee_id: "",
            lang: None,
        },
    )
    .await
    .unwrap();
    let group = groups::insert(
        &store,
        account.id,
        true,
        groups::GroupFields {
            name: "Default group",
            description: "",
            finance_mode: app::model::groups::FinanceMode::Account,
            spend_limit_minor: None,
            renewal_emails: "",
            restricted: false,
        },
        at,
    )
    .await
    .unwrap();
    let started = Instant::now();
    let tx = store.begin().await.unwrap();
    orders::insert_many_for_bench(&tx, account.id, group.id, user.id, count)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    if store.is_postgres() {
        // What autovacuum does after a bulk load: statistics for the planner, and the
        // visibility map that lets counts read indexes alone.
        store.execute_raw("VACUUM ANALYZE").await.unwrap();
    }
    println!(
        "order list on {}: {count} orders seeded in {:.1} s; times are the page's query, its count and its main names",
        if store.is_postgres() {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        started.elapsed().as_secs_f64()
    );
    let search = |domain: Option<&'static str>,
                  status: Option<&'static str>,
                  tag: Option<&'static str>| orders::Search {
        account_id: account.id,
        domain,
        status,
        tag,
        ..Default::default()
    };
    let cases = [
        ("list, first page", search(None, None, None), 1, 50),
        ("list, page 5000", search(None, None, None), 5000, 20),
        (
            "name search host77777",
            search(Some("host77777"), None, None),
            1,
            20,
        ),
        (
            "status fulfilled + tag tag7",
            search(None, Some("fulfilled"), Some("tag7")),
            1,
            20,
        ),
        (
            "name search host7 (11,111 match)",
            search(Some("host7"), None, None),
            1,
            20,
        ),
        (
            "name search bench-example (all match)",
            search(Some("bench-example"), None, None),
            1,
            20,
        ),
        (
            "name search 77 (two characters: scan)",
            search(Some("77"), None, None),
            1,
            20,
        ),
    ];
    for (label, s, page, runs) in cases {
        let mut samples = Vec::with_capacity(runs);
        let mut total = 0;
        for run in 0..runs + 3 {
            let t0 = Instant::now();
            let (rows, n) = orders::search(&store, &s, page, 10).await.unwrap();
            let ids: Vec<i32> = rows.iter().map(|o| o.id).collect();
            orders::main_names(&store, &ids).await.unwrap();
            // The first three warm the caches, as the portal benchmark's warm-up does.
            if run >= 3 {
                samples.push(t0.elapsed().as_secs_f64() * 1000.0);
            }
            total = n;
        }
        samples.sort_by(f64::total_cmp);
        println!(
            "{label:<40} {total:>7} found  n={runs} p50={:.1} ms p95={:.1} ms max={:.1} ms",
            percentile(&samples, 50.0),
            percentile(&samples, 95.0),
            samples[samples.len() - 1]
        );
    }
    drop(store);
    if std::env::var_os("ROOTLINE_BENCH_KEEP_DATABASE").is_some() {
        // For EXPLAIN ANALYZE on the same rows afterwards.
        println!(
            "kept the database: {}",
            postgres.as_deref().map_or_else(
                || dir.join("search.db").display().to_string(),
                |_| name.clone()
            )
        );
        return;
    }
    if let Some(admin) = admin {
        admin
            .execute_raw(&format!("DROP DATABASE {name} WITH (FORCE)"))
            .await
            .unwrap();
    }
}

//! `cargo run --release -p server --bin bench`: the CA's performance figures, side by side in
//! one run. Prints figures; asserts nothing (targets are judged by reading them).
//! With ROOTLINE_PKCS11_MODULE / _TOKEN_LABEL / _PIN set (scripts/bench.sh does it with
//! SoftHSM2), the HSM signer is measured too.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::print_stdout)]

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use chrono::Utc;
use server::{
    adapters::{
        clock::SystemClock, pkcs11::Pkcs11KeyStore, random::OsRandom, softkeys::SoftKeyStore,
    },
    ca::{Authority, CaSettings, IssueRequest},
    ports::keys::{KeySpec, KeyStore},
    store::{Store, authorities, certificates},
};

const WINDOW: Duration = Duration::from_secs(3);

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
    let soft1 = signer_rate(soft.as_ref(), 1);
    let soft2 = signer_rate(soft.as_ref(), 2);
    println!(
        "raw signer, software P-256      {soft1:>10.0} signatures/s (1 thread)  {soft2:>10.0}/s (2 threads)"
    );
    if let (Ok(module), Ok(label), Ok(pin)) = (
        std::env::var("ROOTLINE_PKCS11_MODULE"),
        std::env::var("ROOTLINE_PKCS11_TOKEN_LABEL"),
        std::env::var("ROOTLINE_PKCS11_PIN"),
    ) {
        let hsm = Pkcs11KeyStore::open(std::path::Path::new(&module), &label, &pin).expect("HSM");
        let hsm1 = signer_rate(&hsm, 1);
        let hsm2 = signer_rate(&hsm, 2);
        println!(
            "raw signer, SoftHSM2 P-256      {hsm1:>10.0} signatures/s (1 thread)  {hsm2:>10.0}/s (2 threads)"
        );
    } else {
        println!(
            "raw signer, SoftHSM2 P-256      (skipped: set ROOTLINE_PKCS11_* or run scripts/bench.sh)"
        );
    }

    let store = Store::connect(&format!(
        "sqlite://{}?mode=rwc",
        dir.join("bench.db").display()
    ))
    .await
    .unwrap();
    store.migrate().await.unwrap();
    let ca = Arc::new(Authority::new(
        store.clone(),
        soft.clone(),
        Arc::new(SystemClock),
        Arc::new(OsRandom),
        CaSettings {
            organization: "Rootline Bench".into(),
            country: Some("IN".into()),
            base_url: "http://pki.example.com".into(),
        },
    ));
    ca.init(KeySpec::EcP256).await.unwrap();
    let request = csr(&dir);
    let started = Instant::now();
    let mut issued = 0u64;
    while started.elapsed() < WINDOW {
        let tasks: Vec<_> = (0..2)
            .map(|_| {
                let ca = ca.clone();
                let request = request.clone();
                tokio::spawn(async move {
                    let token = ca
                        .prepare(IssueRequest {
                            profile: "tls-dv",
                            csr: &request,
                            days: None,
                        })
                        .await
                        .unwrap();
                    ca.issue(token).await.unwrap();
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
            issued += 1;
        }
    }
    let rate = issued as f64 / started.elapsed().as_secs_f64();
    println!(
        "issuance, prepare+issue, SQLite {rate:>10.1} certificates/s ({:.1}% of the raw software signer on 2 threads)",
        100.0 * rate / soft2
    );

    let tls = authorities::find_by_name(&store, "tls")
        .await
        .unwrap()
        .unwrap();
    let mut have = 0usize;
    for target in [100_000usize, 1_000_000] {
        let now = Utc::now();
        certificates::insert_revoked_for_bench(
            &store,
            tls.id,
            have,
            target - have,
            now,
            now + chrono::Duration::days(30),
        )
        .await
        .unwrap();
        have = target;
        let started = Instant::now();
        let der = ca.publish_fresh_crl("tls").await.unwrap();
        println!(
            "CRL with {target:>9} entries    {:>10.2} s  ({:.1} MB)",
            started.elapsed().as_secs_f64(),
            der.len() as f64 / 1e6
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

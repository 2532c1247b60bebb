//! Power loss at any point leaves no signed certificate unknown to the database and no serial
//! used twice: issue in a loop, `kill -9` the process at random moments, restart, and compare
//! what the signer was asked to sign (logged and flushed before each signature) with the
//! database.

// A test file: a failed step should stop the test with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::{
    collections::HashSet,
    process::{Command, Stdio},
    time::Duration,
};

use rand::Rng;
use server::store::{Store, certificates};
use sha2::{Digest, Sha256};

#[tokio::test]
async fn kill_9_during_issuance_loses_no_certificate_and_repeats_no_serial() {
    let dir = std::env::temp_dir().join(format!("rootline-crash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("signed.log");
    let server = |args: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_server"));
        cmd.args(args)
            .env("ROOTLINE_DATA_DIR", &dir)
            .env(
                "ROOTLINE_MASTER_KEY",
                "a master secret of at least thirty-two characters",
            )
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        cmd
    };
    // The hierarchy is made before the log starts, so the log holds issuance signatures only.
    assert!(server(&["ca", "init"]).status().unwrap().success());
    let csr = dir.join("req.csr");
    let made = Command::new("openssl")
        .args([
            "req",
            "-new",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
        ])
        .args([
            "-keyout",
            dir.join("key.pem").to_str().unwrap(),
            "-out",
            csr.to_str().unwrap(),
        ])
        .args([
            "-subj",
            "/CN=www.example.com",
            "-addext",
            "subjectAltName=DNS:www.example.com",
        ])
        .output()
        .unwrap();
    assert!(made.status.success());

    let mut rng = rand::thread_rng();
    for _ in 0..8 {
        let mut child = server(&[
            "ca",
            "issue-many",
            "--profile",
            "tls-dv",
            "--count",
            "1000000",
        ])
        .env("ROOTLINE_TEST_SIGNATURE_LOG", &log)
        .arg("--csr")
        .arg(&csr)
        .spawn()
        .unwrap();
        std::thread::sleep(Duration::from_millis(rng.gen_range(300..1500)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
    }

    let store = Store::connect(&format!(
        "sqlite://{}?mode=rwc",
        dir.join("rootline.db").display()
    ))
    .await
    .unwrap();
    let rows = certificates::all_for_operator(&store).await.unwrap();
    let serials: HashSet<&str> = rows.iter().map(|r| r.serial_hex.as_str()).collect();
    assert_eq!(serials.len(), rows.len(), "a serial was used twice");
    let known: HashSet<String> = rows
        .iter()
        .filter(|r| r.status != certificates::RESERVED)
        .map(|r| hex::encode(Sha256::digest(&r.tbs_der)))
        .collect();
    let signed: Vec<String> = std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let unknown: Vec<&String> = signed.iter().filter(|h| !known.contains(*h)).collect();
    assert!(
        unknown.is_empty(),
        "{} signatures the database does not know (of {})",
        unknown.len(),
        signed.len()
    );
    assert!(
        signed.len() > 8,
        "only {} certificates were signed",
        signed.len()
    );
    let unique_signed: HashSet<&String> = signed.iter().collect();
    assert_eq!(
        unique_signed.len(),
        signed.len(),
        "the same bytes were signed twice"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

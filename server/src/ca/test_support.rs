//! Shared set-up for CA tests: an authority on a fresh database, OpenSSL as the oracle.

use std::{
    path::{Path, PathBuf},
    process::Command,
    sync::Arc,
};

use chrono::{Duration, Utc};

use super::{Authority, CaSettings, SignOptions};
use crate::{
    adapters::{random::OsRandom, softkeys::SoftKeyStore},
    ports::clock::FakeClock,
    store::Store,
};

pub const SECRET: &str = "a master secret of at least thirty-two characters";

/// An authority whose clock stands an hour in the past, so OpenSSL (on the real clock) finds
/// what it makes already valid. Links point at a public-looking name pkilint accepts.
pub fn authority(store: Store, secret: &str) -> Authority {
    authority_at(
        store,
        secret,
        Arc::new(FakeClock::at(Utc::now() - Duration::hours(1))),
    )
}

pub fn authority_at(store: Store, secret: &str, clock: Arc<FakeClock>) -> Authority {
    authority_with(
        store,
        Arc::new(SoftKeyStore::from_secret(secret.as_bytes()).unwrap()),
        clock,
    )
}

/// An authority on any key store (the HSM tests use SoftHSM2).
pub fn authority_with(
    store: Store,
    keys: Arc<dyn crate::ports::keys::KeyStore>,
    clock: Arc<FakeClock>,
) -> Authority {
    Authority::new(
        store,
        keys,
        clock,
        Arc::new(OsRandom),
        CaSettings {
            organization: "Rootline Test".into(),
            country: Some("IN".into()),
            base_url: "http://pki.example.com".into(),
            publicly_trusted: false,
        },
    )
}

/// Runs openssl in a folder; stdout and stderr together.
pub fn openssl(args: &[&str], dir: &Path) -> String {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl runs");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

pub fn temp_dir(prefix: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rootline-{prefix}-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A CSR made by OpenSSL: `key` like `ec:P-256` or `rsa:2048`, subject, SAN, extra args.
pub fn openssl_csr(
    dir: &Path,
    key: &str,
    subject: &str,
    san: Option<&str>,
    extra: &[&str],
) -> Vec<u8> {
    let mut args: Vec<String> = vec!["req".into(), "-new".into(), "-nodes".into()];
    if let Some(curve) = key.strip_prefix("ec:") {
        args.extend([
            "-newkey".into(),
            "ec".into(),
            "-pkeyopt".into(),
            format!("ec_paramgen_curve:{curve}"),
        ]);
    } else {
        args.extend(["-newkey".into(), key.into()]);
    }
    args.extend([
        "-keyout".into(),
        "key.pem".into(),
        "-out".into(),
        "req.csr".into(),
        "-subj".into(),
        subject.into(),
    ]);
    if let Some(san) = san {
        args.extend(["-addext".into(), format!("subjectAltName={san}")]);
    }
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    let out = Command::new("openssl")
        .args(&args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(dir.join("req.csr")).unwrap()
}

/// A P-256 request for www.example.com, the name most tests certify.
pub fn dv_csr(dir: &Path) -> Vec<u8> {
    openssl_csr(
        dir,
        "ec:P-256",
        "/CN=www.example.com",
        Some("DNS:www.example.com"),
        &[],
    )
}

/// `prepare` then `issue` of a tls-dv certificate with the default validity.
pub async fn issue_dv(ca: &Authority, csr: &[u8]) -> super::Issued {
    let token = ca
        .prepare(
            &checked(csr),
            SignOptions {
                profile: "tls-dv",
                days: None,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    ca.issue(token).await.unwrap()
}

/// A request as an edge reads it, for tests that start from its bytes.
pub fn checked(bytes: &[u8]) -> super::CheckedCsr {
    super::CheckedCsr::parse(bytes).unwrap()
}

/// The CRL shard a certificate was issued into, as its record says.
pub async fn crl_shard_of(ca: &Authority, serial_hex: &str) -> i32 {
    crate::store::certificates::find_by_serial(&ca.store, serial_hex)
        .await
        .unwrap()
        .unwrap()
        .crl_shard
}

/// Asserts pkilint (`tool`: `lint_cabf_serverauth_cert`, `lint_cabf_smime_cert`) finds no
/// error or warning in a certificate of type `kind`, written to `dir/leaf.pem`.
pub fn pkilint(dir: &Path, tool: &str, kind: &str, leaf: &[u8]) {
    std::fs::write(dir.join("leaf.pem"), super::list::pem_certificate(leaf)).unwrap();
    let out = Command::new(tool)
        .args(["lint", "-t", kind, "-s", "WARNING", "leaf.pem"])
        .current_dir(dir)
        .output()
        .expect("pkilint is installed (pip install pkilint; `make test` does it)");
    let findings = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && findings.trim().is_empty(),
        "{kind}: {findings}"
    );
}

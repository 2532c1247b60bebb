//! Debian's `lego` against the ACME router served on loopback, over the real services:
//! HTTP-01 through the real fetcher to lego's own challenge server; obtain, renew, revoke;
//! refused without External Account Binding. The certificate verifies with OpenSSL.

use std::{process::Command, sync::Arc};

use super::{Acme, router};
use crate::{
    adapters::http_fetch::PlainHttpFetcher, ca::test_support::temp_dir,
    services::acme::tests::world_with, store::certificates,
};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Runs lego with `args` off the async threads; (success, combined output).
async fn lego(args: Vec<String>) -> (bool, String) {
    tokio::task::spawn_blocking(move || {
        let out = Command::new("lego").args(&args).output().unwrap();
        (
            out.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lego_obtains_renews_and_revokes_over_http_01_with_a_binding_and_not_without() {
    let challenge_port = free_port();
    let fetcher = Arc::new(PlainHttpFetcher::new(
        challenge_port,
        Some("127.0.0.1".parse().unwrap()),
    ));
    let w = world_with(true, Some(fetcher)).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = router(Arc::new(Acme {
        service: w.acme.clone(),
        base: format!("http://{addr}/acme"),
    }));
    tokio::spawn(async move { axum::serve(listener, app).await });
    let dir = temp_dir("acme-lego");
    let eab = w.credential(w.product_id).await;
    let common = |with_eab: bool, path: &str| {
        let mut a: Vec<String> = vec![
            "--accept-tos".into(),
            "--server".into(),
            format!("http://{addr}/acme/directory"),
            "--email".into(),
            "ops@acme.example".into(),
            "--domains".into(),
            "www.example.com".into(),
            "--http".into(),
            "--http.port".into(),
            format!("127.0.0.1:{challenge_port}"),
            "--path".into(),
            dir.join(path).display().to_string(),
        ];
        if with_eab {
            a.extend([
                "--eab".into(),
                "--kid".into(),
                eab.key_id.clone(),
                "--hmac".into(),
                eab.hmac_key.clone(),
            ]);
        }
        a
    };

    let (ok, out) = lego([common(false, "no-eab"), vec!["run".into()]].concat()).await;
    assert!(!ok, "{out}");
    assert!(out.to_lowercase().contains("external account"), "{out}");

    let (ok, out) = lego([common(true, "lego"), vec!["run".into()]].concat()).await;
    assert!(ok, "{out}");
    let crt = dir.join("lego/certificates/www.example.com.crt");
    let bundle = std::fs::read_to_string(&crt).unwrap();
    let (leaf, issuer) = bundle.split_once("-----END CERTIFICATE-----").unwrap();
    std::fs::write(
        dir.join("leaf.pem"),
        format!("{leaf}-----END CERTIFICATE-----\n"),
    )
    .unwrap();
    std::fs::write(dir.join("issuer.pem"), issuer.trim_start()).unwrap();
    let verify = Command::new("openssl")
        .args([
            "verify",
            "-partial_chain",
            "-CAfile",
            "issuer.pem",
            "leaf.pem",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );

    let (ok, out) = lego(
        [
            common(true, "lego"),
            vec![
                "renew".into(),
                "--days".into(),
                "400".into(),
                // lego sleeps up to 8 minutes before an unattended renewal otherwise.
                "--no-random-sleep".into(),
            ],
        ]
        .concat(),
    )
    .await;
    assert!(ok, "{out}");
    let renewed = std::fs::read_to_string(&crt).unwrap();
    assert_ne!(renewed, bundle, "renew replaced the certificate");

    let (ok, out) = lego([common(true, "lego"), vec!["revoke".into()]].concat()).await;
    assert!(ok, "{out}");
    let all = certificates::all_for_operator(&w.h.store).await.unwrap();
    let leaves: Vec<_> = all.iter().filter(|c| c.profile == "tls-dv").collect();
    assert_eq!(leaves.len(), 2, "obtained and renewed");
    assert_eq!(
        leaves.iter().filter(|c| c.revoked_at.is_some()).count(),
        1,
        "the renewed one is revoked"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

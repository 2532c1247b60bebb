//! Debian's `lego` against the ACME router served on loopback, over the real services:
//! HTTP-01 through the real fetcher to lego's own challenge server; obtain, renew, revoke;
//! refused without External Account Binding. The certificate verifies with OpenSSL.

use std::{process::Command, sync::Arc};

use super::{Acme, router};
use crate::{
    adapters::http_fetch::PlainHttpFetcher,
    ca::test_support::temp_dir,
    services::acme::tests::{World, world_with},
    store::certificates,
};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Serves the world's ACME router on a free loopback port; the address.
pub(super) async fn serve_acme(w: &World) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = router(Arc::new(Acme {
        service: w.acme.clone(),
        base: format!("http://{addr}/acme"),
    }));
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

/// `openssl verify` of `leaf` against its issuing CA `issuer` (PEM), written as `leaf.pem` and
/// `issuer.pem` in `dir`.
pub(super) fn openssl_verifies(dir: &std::path::Path, leaf: &str, issuer: &str) {
    std::fs::write(dir.join("leaf.pem"), leaf).unwrap();
    std::fs::write(dir.join("issuer.pem"), issuer).unwrap();
    let verify = Command::new("openssl")
        .args([
            "verify",
            "-partial_chain",
            "-CAfile",
            "issuer.pem",
            "leaf.pem",
        ])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );
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
    let fetcher = Arc::new(
        PlainHttpFetcher::new(challenge_port, Some("127.0.0.1".parse().unwrap()))
            .allowing_private_addresses(true),
    );
    let w = world_with(true, Some(fetcher)).await;
    let addr = serve_acme(&w).await;
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
            // `--flag=value`: a base64url key may start with `-`, which as a separate
            // argument reads as another option.
            a.extend([
                "--eab".into(),
                format!("--kid={}", eab.key_id),
                format!("--hmac={}", eab.hmac_key),
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
    openssl_verifies(
        &dir,
        &format!("{leaf}-----END CERTIFICATE-----\n"),
        issuer.trim_start(),
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

/// Runs certbot with `args` off the async threads, with its state in `dir`; (success,
/// combined output).
async fn certbot(dir: std::path::PathBuf, args: Vec<String>) -> (bool, String) {
    tokio::task::spawn_blocking(move || {
        let out = Command::new("certbot")
            .args(&args)
            .args([
                "--non-interactive",
                "--config-dir",
                &dir.join("config").display().to_string(),
                "--work-dir",
                &dir.join("work").display().to_string(),
                "--logs-dir",
                &dir.join("logs").display().to_string(),
            ])
            .output()
            .unwrap();
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

/// The live certificate and chain certbot keeps for `www.example.com`.
fn certbot_files(dir: &std::path::Path) -> (String, String) {
    let live = dir.join("config/live/www.example.com");
    (
        std::fs::read_to_string(live.join("cert.pem")).unwrap(),
        std::fs::read_to_string(live.join("chain.pem")).unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn certbot_obtains_renews_and_revokes_over_http_01_with_a_binding_and_not_without() {
    let challenge_port = free_port();
    let fetcher = Arc::new(
        PlainHttpFetcher::new(challenge_port, Some("127.0.0.1".parse().unwrap()))
            .allowing_private_addresses(true),
    );
    let w = world_with(true, Some(fetcher)).await;
    let addr = serve_acme(&w).await;
    let dir = temp_dir("acme-certbot");
    let eab = w.credential(w.product_id).await;
    // certbot talks plain HTTP to a directory it is given (as in Boulder's own tests).
    let obtain = |with_eab: bool| {
        let mut a: Vec<String> = [
            "certonly",
            "--standalone",
            "--agree-tos",
            "--email",
            "ops@acme.example",
            "--server",
            &format!("http://{addr}/acme/directory"),
            "-d",
            "www.example.com",
            "--http-01-address",
            "127.0.0.1",
            "--http-01-port",
            &challenge_port.to_string(),
            "--key-type",
            "ecdsa",
        ]
        .map(str::to_owned)
        .to_vec();
        if with_eab {
            // `--flag=value`: a base64url key may start with `-`, which as a separate
            // argument reads as another option.
            a.extend([
                format!("--eab-kid={}", eab.key_id),
                format!("--eab-hmac-key={}", eab.hmac_key),
            ]);
        }
        a
    };

    let (ok, out) = certbot(dir.join("no-eab"), obtain(false)).await;
    assert!(!ok, "{out}");
    assert!(out.to_lowercase().contains("external account"), "{out}");
    let listed = |w: &crate::services::acme::tests::World| {
        let (orders, admin) = (w.orders.clone(), w.admin.clone());
        async move {
            orders
                .orders_page(&admin, &app::model::orders::OrdersQuery::default())
                .await
                .unwrap()
        }
    };
    assert_eq!(listed(&w).await.total, 0, "no account, no order");

    let state = dir.join("certbot");
    let (ok, out) = certbot(state.clone(), obtain(true)).await;
    assert!(ok, "{out}");
    let (leaf, chain) = certbot_files(&state);
    openssl_verifies(&dir, &leaf, &chain);

    // certbot renews from the settings it saved (server, standalone on the same port). Run
    // without a terminal, `renew` first sleeps a random while of up to eight minutes (to
    // spread load on public CAs) unless told not to.
    let (ok, out) = certbot(
        state.clone(),
        vec![
            "renew".into(),
            "--force-renewal".into(),
            "--no-random-sleep-on-renew".into(),
        ],
    )
    .await;
    assert!(ok, "{out}");
    let (renewed, _) = certbot_files(&state);
    assert_ne!(renewed, leaf, "renew replaced the certificate");

    let (ok, out) = certbot(
        state.clone(),
        [
            "revoke",
            "--cert-name",
            "www.example.com",
            "--server",
            &format!("http://{addr}/acme/directory"),
            "--reason",
            "superseded",
            "--no-delete-after-revoke",
        ]
        .map(str::to_owned)
        .to_vec(),
    )
    .await;
    assert!(ok, "{out}");
    let all = certificates::all_for_operator(&w.h.store).await.unwrap();
    let leaves: Vec<_> = all.iter().filter(|c| c.profile == "tls-dv").collect();
    assert_eq!(leaves.len(), 2, "obtained and renewed");
    assert_eq!(
        leaves.iter().filter(|c| c.revoked_at.is_some()).count(),
        1,
        "the renewed one is revoked"
    );

    // Both orders are the portal's: in the administrator's order list, placed through ACME.
    let page = listed(&w).await;
    assert_eq!(page.total, 2, "{:?}", page.orders);
    for o in &page.orders {
        assert_eq!(o.main_name, "www.example.com");
        let row = crate::store::orders::get(&w.h.store, w.admin.account.id, o.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.source, "ACME");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_required_binding_lego_obtains_for_the_operator_account_at_no_charge() {
    let challenge_port = free_port();
    let fetcher = Arc::new(
        PlainHttpFetcher::new(challenge_port, Some("127.0.0.1".parse().unwrap()))
            .allowing_private_addresses(true),
    );
    let w = world_with(false, Some(fetcher)).await;
    let addr = serve_acme(&w).await;
    let directory: serde_json::Value = curl_json(addr, "/acme/directory").await;
    assert_eq!(directory["meta"]["externalAccountRequired"], false);
    let dir = temp_dir("acme-lego-open");
    let (ok, out) = lego(vec![
        "--accept-tos".into(),
        "--server".into(),
        format!("http://{addr}/acme/directory"),
        "--email".into(),
        "ops@acme.example".into(),
        "--domains".into(),
        "open.example.com".into(),
        "--http".into(),
        "--http.port".into(),
        format!("127.0.0.1:{challenge_port}"),
        "--path".into(),
        dir.display().to_string(),
        "run".into(),
    ])
    .await;
    assert!(ok, "{out}");
    assert!(dir.join("certificates/open.example.com.crt").exists());

    // The order is the operator account's, with the public DV product, free; the customer
    // account whose credit the world granted has none.
    let operator_account =
        crate::store::accounts::find_first_of_kind(&w.h.store, app::model::AccountKind::Operator)
            .await
            .unwrap()
            .unwrap();
    let order = crate::store::acme::order_of_order_row(&w.h.store, 1)
        .await
        .unwrap()
        .unwrap();
    let row = crate::store::orders::get(&w.h.store, operator_account.id, order.order_id)
        .await
        .unwrap()
        .expect("the operator account's order");
    assert_eq!(row.source, "ACME");
    assert_eq!(row.status, "fulfilled");
    assert_eq!(row.price_minor, 0);
    assert_eq!(row.product_kind, "dv_single");
    assert!(
        crate::store::orders::get(&w.h.store, w.admin.account.id, order.order_id)
            .await
            .unwrap()
            .is_none()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A GET through curl (no HTTP client crate in the server's dependencies).
async fn curl_json(addr: std::net::SocketAddr, path: &str) -> serde_json::Value {
    let url = format!("http://{addr}{path}");
    let out = tokio::task::spawn_blocking(move || {
        Command::new("curl").args(["-sS", &url]).output().unwrap()
    })
    .await
    .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

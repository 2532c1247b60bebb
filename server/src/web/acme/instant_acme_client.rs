//! `instant-acme`, a Rust ACME client, against the ACME router served on loopback over the
//! real services: DNS-01 through the real resolver to Rootline's test DNS server, and
//! TLS-ALPN-01 through the real TLS prober to a listener this test runs with the client's
//! validation certificate (RFC 8737). The certificates verify with OpenSSL and are orders in
//! the portal's list.

use std::{net::SocketAddr, path::Path, process::Command, sync::Arc};

use hyper::body::Bytes;
use hyper_util::{
    client::legacy::{Client, connect::HttpConnector},
    rt::TokioExecutor,
};
use instant_acme::{
    Account, AuthorizationStatus, BodyWrapper, ChallengeType, ExternalAccountKey, Identifier,
    NewAccount, NewOrder, OrderStatus, RetryPolicy,
};
use rcgen::{CertificateParams, DistinguishedName, DnType, KeyPair};
use tokio::net::TcpListener;

use super::real_clients::{openssl_verifies, serve_acme};
use crate::{
    adapters::{
        dev_dns::DevDns,
        dns::HickoryDns,
        http_fetch::{PlainHttpFetcher, serve_rfc_8737},
    },
    ca::test_support::temp_dir,
    services::acme::{EabCreated, tests::world_over},
};

/// An account made with the portal's binding, speaking plain HTTP on loopback (instant-acme's
/// own client speaks HTTPS only).
async fn account(directory: String, eab: &EabCreated) -> Account {
    let http: Client<HttpConnector, BodyWrapper<Bytes>> =
        Client::builder(TokioExecutor::new()).build_http();
    let hmac = base64::Engine::decode(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        &eab.hmac_key,
    )
    .unwrap();
    let binding = ExternalAccountKey::new(eab.key_id.clone(), &hmac);
    let (account, _) = Account::builder_with_http(Box::new(http))
        .create(
            &NewAccount {
                contact: &["mailto:ops@acme.example"],
                terms_of_service_agreed: true,
                only_return_existing: false,
            },
            directory,
            Some(&binding),
        )
        .await
        .unwrap();
    account
}

/// Orders `name`, lets `prove` answer its one challenge of `kind`, finalizes with a new key
/// and returns the PEM chain.
async fn obtain(
    account: &Account,
    name: &str,
    kind: ChallengeType,
    prove: impl AsyncFnOnce(&instant_acme::KeyAuthorization),
) -> String {
    let ids = [Identifier::Dns(name.into())];
    let mut order = account.new_order(&NewOrder::new(&ids)).await.unwrap();
    {
        let mut authorizations = order.authorizations();
        let mut authz = authorizations.next().await.unwrap().unwrap();
        assert_eq!(authz.status, AuthorizationStatus::Pending);
        let mut challenge = authz.challenge(kind.clone()).unwrap();
        prove(&challenge.key_authorization()).await;
        challenge.set_ready().await.unwrap();
        assert!(authorizations.next().await.is_none(), "one name, one authz");
    }
    let status = order.poll_ready(&RetryPolicy::default()).await.unwrap();
    assert_eq!(status, OrderStatus::Ready, "{name} by {kind:?}");
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(vec![name.to_owned()]).unwrap();
    params.distinguished_name = DistinguishedName::new();
    params.distinguished_name.push(DnType::CommonName, name);
    let csr = params.serialize_request(&key).unwrap();
    order.finalize_csr(csr.der()).await.unwrap();
    order
        .poll_certificate(&RetryPolicy::default())
        .await
        .unwrap()
}

/// `openssl verify` of the chain's leaf against its issuing CA; the leaf's subject line.
fn verify_with_openssl(dir: &Path, chain: &str) -> String {
    let (leaf, issuer) = chain.split_once("-----END CERTIFICATE-----").unwrap();
    openssl_verifies(
        dir,
        &format!("{leaf}-----END CERTIFICATE-----\n"),
        issuer.trim_start(),
    );
    let text = Command::new("openssl")
        .args([
            "x509",
            "-in",
            "leaf.pem",
            "-noout",
            "-ext",
            "subjectAltName",
        ])
        .current_dir(dir)
        .output()
        .unwrap();
    String::from_utf8_lossy(&text.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instant_acme_obtains_certificates_over_dns_01_and_tls_alpn_01() {
    let dir = temp_dir("acme-instant");
    let records = dir.join("records.json");
    std::fs::write(&records, "{}").unwrap();
    let dns = DevDns::bind("127.0.0.1:0".parse().unwrap(), records.clone())
        .await
        .unwrap();
    let dns_addr: SocketAddr = dns.local_addr().unwrap();
    let _dns = dns.spawn();
    let tls_listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let tls_port = tls_listener.local_addr().unwrap().port();
    let fetcher = PlainHttpFetcher::new(9, Some("127.0.0.1".parse().unwrap()))
        .with_tls_port(tls_port)
        .allowing_private_addresses(true);
    let w = world_over(
        true,
        Some(Arc::new(fetcher)),
        Some(Arc::new(HickoryDns::new(Some(dns_addr)))),
    )
    .await;
    let addr = serve_acme(&w).await;
    let eab = w.credential(w.product_id).await;
    let account = account(format!("http://{addr}/acme/directory"), &eab).await;

    let by_dns = obtain(
        &account,
        "dns.example.com",
        ChallengeType::Dns01,
        async |key_authorization| {
            let record = serde_json::json!({
                "txt": {"_acme-challenge.dns.example.com": [key_authorization.dns_value()]}
            });
            std::fs::write(&records, record.to_string()).unwrap();
        },
    )
    .await;
    assert!(
        verify_with_openssl(&dir, &by_dns).contains("DNS:dns.example.com"),
        "{by_dns}"
    );

    let by_tls = obtain(
        &account,
        "tls.example.com",
        ChallengeType::TlsAlpn01,
        async |key_authorization| {
            serve_rfc_8737(
                tls_listener,
                vec![b"acme-tls/1".to_vec()],
                "tls.example.com",
                key_authorization.digest().as_ref(),
            );
        },
    )
    .await;
    assert!(
        verify_with_openssl(&dir, &by_tls).contains("DNS:tls.example.com"),
        "{by_tls}"
    );

    // Both are the portal's orders: listed for the account, from ACME, fulfilled.
    let page = w
        .orders
        .orders_page(&w.admin, &Default::default())
        .await
        .unwrap();
    let mut listed: Vec<_> = page
        .orders
        .iter()
        .map(|o| (o.main_name.as_str(), o.source.as_str(), o.status))
        .collect();
    listed.sort_by_key(|l| l.0);
    assert_eq!(
        listed,
        vec![
            (
                "dns.example.com",
                "ACME",
                app::model::order_status::OrderStatus::Fulfilled
            ),
            (
                "tls.example.com",
                "ACME",
                app::model::order_status::OrderStatus::Fulfilled
            ),
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

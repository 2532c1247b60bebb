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
    obtain_as(account, name, None, kind, prove).await.0
}

/// `obtain` under `profile` (`None`: the order names none): the PEM chain and the profile
/// the server's order object names.
async fn obtain_as(
    account: &Account,
    name: &str,
    profile: Option<&str>,
    kind: ChallengeType,
    prove: impl AsyncFnOnce(&instant_acme::KeyAuthorization),
) -> (String, Option<String>) {
    let ids = [Identifier::Dns(name.into())];
    let new_order = match profile {
        Some(p) => NewOrder::new(&ids).profile(p),
        None => NewOrder::new(&ids),
    };
    let mut order = account.new_order(&new_order).await.unwrap();
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
    let chain = order
        .poll_certificate(&RetryPolicy::default())
        .await
        .unwrap();
    (chain, order.state().profile.clone())
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

/// The codes of pkilint's findings (WARNING and above) on the leaf written by
/// `verify_with_openssl`, as a DV subscriber certificate.
fn pkilint_findings(dir: &Path) -> Vec<String> {
    let out = Command::new("lint_cabf_serverauth_cert")
        .args([
            "lint",
            "-t",
            "DV-FINAL-CERTIFICATE",
            "-s",
            "WARNING",
            "-f",
            "CSV",
            "leaf.pem",
        ])
        .current_dir(dir)
        .output()
        .expect("pkilint is installed (pip install pkilint; `make test` does it)");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').nth(3).map(str::to_owned))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instant_acme_chooses_each_advertised_profile_and_gets_its_certificate() {
    use x509_parser::{
        extensions::ParsedExtension,
        prelude::{FromDer, X509Certificate},
    };
    let dir = temp_dir("acme-profiles");
    let records = dir.join("records.json");
    std::fs::write(&records, "{}").unwrap();
    let dns = DevDns::bind("127.0.0.1:0".parse().unwrap(), records.clone())
        .await
        .unwrap();
    let dns_addr: SocketAddr = dns.local_addr().unwrap();
    let _dns = dns.spawn();
    let w = world_over(true, None, Some(Arc::new(HickoryDns::new(Some(dns_addr))))).await;
    let addr = serve_acme(&w).await;
    let eab = w.credential(w.product_id).await;
    let account = account(format!("http://{addr}/acme/directory"), &eab).await;
    let mut advertised: Vec<&str> = account.profiles().map(|p| p.name).collect();
    advertised.sort_unstable();
    assert_eq!(advertised, ["classic", "shortlived", "tlsserver"]);

    for profile in ["classic", "tlsserver", "shortlived"] {
        let name = format!("{profile}.example.com");
        let (chain, named) = obtain_as(
            &account,
            &name,
            Some(profile),
            ChallengeType::Dns01,
            async |key_authorization| {
                let record = serde_json::json!({
                    "txt": {format!("_acme-challenge.{name}"): [key_authorization.dns_value()]}
                });
                std::fs::write(&records, record.to_string()).unwrap();
            },
        )
        .await;
        assert_eq!(
            named.as_deref(),
            Some(profile),
            "the order names its profile"
        );
        assert!(
            verify_with_openssl(&dir, &chain).contains(&format!("DNS:{name}")),
            "{profile}: {chain}"
        );
        let text = String::from_utf8(
            Command::new("openssl")
                .args(["x509", "-in", "leaf.pem", "-noout", "-text"])
                .current_dir(&dir)
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        // Every profile of a DV product: no subject, so a critical SAN; serverAuth alone;
        // the issuer's certificate URL.
        assert!(
            text.contains("Subject: \n") || text.contains("Subject:\n"),
            "{profile}: {text}"
        );
        assert!(
            text.contains("X509v3 Subject Alternative Name: critical"),
            "{profile}: {text}"
        );
        assert!(
            text.contains("TLS Web Server Authentication"),
            "{profile}: {text}"
        );
        assert!(
            !text.contains("TLS Web Client Authentication"),
            "{profile}: {text}"
        );
        assert!(text.contains("CA Issuers - URI:"), "{profile}: {text}");
        let short = profile == "shortlived";
        assert_eq!(
            text.contains("CRL Distribution Points"),
            !short,
            "{profile}: {text}"
        );
        assert_eq!(text.contains("OCSP - URI:"), !short, "{profile}: {text}");

        let pem = std::fs::read(dir.join("leaf.pem")).unwrap();
        let (_, der) = x509_parser::pem::parse_x509_pem(&pem).unwrap();
        let (_, cert) = X509Certificate::from_der(&der.contents).unwrap();
        let period =
            cert.validity().not_after.timestamp() - cert.validity().not_before.timestamp() + 1;
        let eku = cert
            .extensions()
            .iter()
            .find_map(|e| match e.parsed_extension() {
                ParsedExtension::ExtendedKeyUsage(eku) => Some(eku.clone()),
                _ => None,
            })
            .unwrap();
        assert!(
            eku.server_auth && !eku.client_auth && eku.other.is_empty(),
            "{profile}"
        );
        if short {
            assert_eq!(period, crate::ca::SHORT_LIVED_DAYS * 86_400, "{profile}");
            assert!(period <= 7 * 86_400, "BR 1.6.1: at most 7 days");
            // Microsoft's root program (3.1.10, as pkilint reads it) asks end-entity
            // certificates for a CRL or OCSP pointer; the TLS BRs make both optional here.
            assert_eq!(
                pkilint_findings(&dir),
                ["msft.end_entity.revocation_information_absent"]
            );
        } else {
            assert!(period > 7 * 86_400, "{profile}: the product's validity");
            assert!(pkilint_findings(&dir).is_empty(), "{profile}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

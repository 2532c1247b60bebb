//! A perspective served on its own loopback address over mutual TLS, asked by a primary's
//! client: what it sees comes back, and nobody without the primary's certificate, and no
//! server without the perspectives' CA, gets through.

use std::{net::SocketAddr, sync::Arc};

use rcgen::{BasicConstraints, CertificateParams, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair};
use rustls::{
    RootCertStore,
    pki_types::{CertificateDer, PrivateKeyDer},
};

use super::{
    client::RemotePerspective,
    serve::{Perspective, router},
    tls::{client_config, server_config},
    wire::Who,
};
use crate::{
    domain::mpic::Region,
    ports::{
        dns::{DnsError, DnsResolver, FakeDns},
        http_fetch::{FakeHttp, FetchError, HttpFetcher},
    },
};

/// A CA that issues the certificates of one side.
struct TestCa {
    params: CertificateParams,
    key: KeyPair,
    der: CertificateDer<'static>,
}

impl TestCa {
    fn new(name: &str) -> Self {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let key = KeyPair::generate().unwrap();
        let der = params.self_signed(&key).unwrap().der().clone();
        Self { params, key, der }
    }

    fn roots(&self) -> RootCertStore {
        let mut store = RootCertStore::empty();
        store.add(self.der.clone()).unwrap();
        store
    }

    fn issue(
        &self,
        names: Vec<String>,
        usage: ExtendedKeyUsagePurpose,
    ) -> (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>) {
        let mut params = CertificateParams::new(names).unwrap();
        params.extended_key_usages = vec![usage];
        let key = KeyPair::generate().unwrap();
        let issuer = Issuer::from_params(&self.params, &self.key);
        let cert = params.signed_by(&key, &issuer).unwrap();
        (
            vec![cert.der().clone()],
            PrivateKeyDer::Pkcs8(key.serialize_der().into()),
        )
    }
}

/// Serves a perspective in `region` on 127.0.0.2 with a certificate from `perspectives`,
/// requiring client certificates from `primaries`.
async fn serve(
    perspectives: &TestCa,
    primaries: &TestCa,
    dns: Arc<FakeDns>,
    http: Arc<FakeHttp>,
) -> SocketAddr {
    let (chain, key) = perspectives.issue(
        vec!["127.0.0.2".into()],
        ExtendedKeyUsagePurpose::ServerAuth,
    );
    let config = server_config(chain, key, primaries.roots()).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.2:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = router(Perspective {
        who: Who {
            name: "frankfurt-1".into(),
            region: Region::Ripe,
        },
        dns,
        http,
    });
    tokio::spawn(crate::web::tls::serve(listener, config, app));
    addr
}

fn primary(perspectives: &TestCa, primaries: &TestCa, addr: SocketAddr) -> RemotePerspective {
    let (chain, key) = primaries.issue(
        vec!["primary.rootline.test".into()],
        ExtendedKeyUsagePurpose::ClientAuth,
    );
    let tls = client_config(perspectives.roots(), chain, key).unwrap();
    RemotePerspective::new(
        "frankfurt-1".into(),
        Region::Ripe,
        &format!("https://{addr}"),
        tls,
    )
}

#[tokio::test]
async fn a_perspective_answers_the_primarys_lookups_with_what_it_sees() {
    let (perspectives, primaries) = (TestCa::new("Perspectives"), TestCa::new("Primaries"));
    let dns = Arc::new(FakeDns::default());
    dns.add_txt("_validation.example.com", "seen-from-frankfurt");
    dns.add_caa("example.com", false, "issue", "rootline.test");
    dns.fail("broken.example.com");
    let http = Arc::new(FakeHttp::default());
    http.publish_acme("example.com", "tok", "tok.thumbprint");
    http.publish_tls_alpn("example.com", vec![1, 2, 3]);
    let addr = serve(&perspectives, &primaries, dns, http).await;
    let remote = primary(&perspectives, &primaries, addr);

    assert_eq!(
        remote.who().await.unwrap(),
        Who {
            name: "frankfurt-1".into(),
            region: Region::Ripe
        }
    );
    assert_eq!(
        remote.txt("_validation.example.com").await.unwrap(),
        vec!["seen-from-frankfurt".to_owned()]
    );
    let caa = remote.caa("example.com").await.unwrap();
    assert_eq!(caa.len(), 1);
    assert_eq!(
        (caa[0].tag.as_str(), caa[0].value.as_str()),
        ("issue", "rootline.test")
    );
    assert!(remote.txt("nothing.example.com").await.unwrap().is_empty());
    // A failed lookup there is a failure here, never "no records".
    assert!(matches!(
        remote.caa("broken.example.com").await,
        Err(DnsError::Failed { .. })
    ));
    assert_eq!(
        remote.acme_challenge("example.com", "tok").await.unwrap(),
        "tok.thumbprint"
    );
    assert_eq!(
        remote.acme_tls_alpn("example.com").await.unwrap(),
        vec![1, 2, 3]
    );
    assert!(remote.acme_challenge("example.com", "other").await.is_err());
}

#[tokio::test]
async fn a_client_without_the_primarys_certificate_is_refused_before_any_lookup() {
    let (perspectives, primaries) = (TestCa::new("Perspectives"), TestCa::new("Primaries"));
    let dns = Arc::new(FakeDns::default());
    dns.add_txt("example.com", "secret-ish");
    let addr = serve(
        &perspectives,
        &primaries,
        dns,
        Arc::new(FakeHttp::default()),
    )
    .await;
    // A certificate from another CA: the handshake fails, nothing is looked up.
    let stranger = TestCa::new("Someone else");
    let intruder = primary(&perspectives, &stranger, addr);
    assert!(matches!(
        intruder.txt("example.com").await,
        Err(DnsError::Failed { .. })
    ));
    // No certificate at all.
    let bare = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(perspectives.roots())
    .with_no_client_auth();
    let anonymous = RemotePerspective::new(
        "frankfurt-1".into(),
        Region::Ripe,
        &format!("https://{addr}"),
        bare,
    );
    assert!(anonymous.who().await.is_err());
}

#[tokio::test]
async fn the_primary_refuses_a_perspective_whose_certificate_its_ca_did_not_issue() {
    let (perspectives, primaries) = (TestCa::new("Perspectives"), TestCa::new("Primaries"));
    let impostor = TestCa::new("Impostor");
    let addr = serve(
        &impostor,
        &primaries,
        Arc::new(FakeDns::default()),
        Arc::new(FakeHttp::default()),
    )
    .await;
    let remote = primary(&perspectives, &primaries, addr);
    let refused = remote.who().await.unwrap_err().to_string();
    assert!(refused.contains("frankfurt-1"), "{refused}");
    assert!(matches!(
        remote.validation_file("example.com", "x.txt").await,
        Err(FetchError::Other { .. })
    ));
}

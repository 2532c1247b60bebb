//! `HttpFetcher` for BR 3.2.2.4.18 and ACME: one plain HTTP/1.1 GET of a `/.well-known/`
//! file, no redirects, a size cap and a time limit; and the TLS-ALPN-01 handshake of
//! RFC 8737, which only fetches the certificate the domain's server presents.

use std::{net::IpAddr, sync::Arc, time::Duration};

use async_trait::async_trait;
use http_body_util::BodyExt;
use hyper::{Request, StatusCode, body::Bytes, header};
use hyper_util::rt::TokioIo;
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, SignatureScheme,
    client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier},
    crypto::{WebPkiSupportedAlgorithms, ring},
    pki_types::{CertificateDer, ServerName, SubjectPublicKeyInfoDer, UnixTime},
};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use crate::{
    domain::public_address::is_public,
    ports::http_fetch::{FetchError, HttpFetcher},
};

/// Connecting, and then the whole answer, each within this.
const TIME_LIMIT: Duration = Duration::from_secs(10);
/// A validation file holds a random value; anything longer is not one.
pub const BODY_CAP: usize = 64 * 1024;

pub struct PlainHttpFetcher {
    port: u16,
    /// Where TLS-ALPN-01 connects (443 by the BRs; tests use another).
    tls_port: u16,
    /// Connect here instead of the domain's addresses (tests and local runs), still sending
    /// the domain as the Host header.
    connect_to: Option<IpAddr>,
    /// Whether addresses that are not globally routable may be connected to (labs and
    /// tests); by default a name resolving to one fails.
    allow_private: bool,
    /// Where the domain's addresses are looked up: the DCV resolver, which validates DNSSEC
    /// (BR 3.2.2.4), or a perspective's own. `None`: the system's resolver.
    resolver: Option<Arc<dyn crate::ports::DnsResolver>>,
}

impl PlainHttpFetcher {
    pub fn new(port: u16, connect_to: Option<IpAddr>) -> Self {
        Self {
            port,
            tls_port: 443,
            connect_to,
            allow_private: false,
            resolver: None,
        }
    }

    /// Looks the domain's addresses up with `resolver` instead of the system's.
    pub fn resolving_with(self, resolver: Arc<dyn crate::ports::DnsResolver>) -> Self {
        Self {
            resolver: Some(resolver),
            ..self
        }
    }

    pub fn with_tls_port(self, tls_port: u16) -> Self {
        Self { tls_port, ..self }
    }

    /// Lets validation connect to loopback, private and other non-public addresses
    /// (`ROOTLINE_DCV_ALLOW_PRIVATE_ADDRESSES`).
    pub fn allowing_private_addresses(self, allow_private: bool) -> Self {
        Self {
            allow_private,
            ..self
        }
    }

    async fn connect(&self, domain: &str, port: u16) -> Result<TcpStream, FetchError> {
        let host = if port == 80 {
            domain.to_owned()
        } else {
            format!("{domain}:{port}")
        };
        let failed = |reason: String| FetchError::Connect {
            host: host.clone(),
            reason,
        };
        let attempt = async {
            let addrs: Vec<std::net::SocketAddr> = match (self.connect_to, &self.resolver) {
                (Some(ip), _) => vec![(ip, port).into()],
                (None, Some(resolver)) => resolver
                    .addresses(domain)
                    .await
                    .map_err(|e| failed(format!("the name does not resolve: {e}")))?
                    .into_iter()
                    .map(|ip| (ip, port).into())
                    .collect(),
                (None, None) => tokio::net::lookup_host((domain, port))
                    .await
                    .map_err(|e| failed(format!("the name does not resolve: {e}")))?
                    .collect(),
            };
            // Every address is checked, and only the checked ones are connected to: the
            // name is not resolved again, so it cannot be rebound in between.
            if !self.allow_private
                && let Some(private) = addrs.iter().find(|a| !is_public(a.ip()))
            {
                return Err(failed(format!(
                    "{domain} resolves to {}, which is not a public address; domain validation connects only to globally routable addresses",
                    private.ip()
                )));
            }
            let mut last = failed("the name has no address".into());
            for addr in addrs {
                match TcpStream::connect(addr).await {
                    Ok(stream) => return Ok(stream),
                    Err(e) => last = failed(e.to_string()),
                }
            }
            Err(last)
        };
        tokio::time::timeout(TIME_LIMIT, attempt)
            .await
            .map_err(|_| failed(format!("no connection within {} s", TIME_LIMIT.as_secs())))?
    }

    async fn get(&self, domain: &str, url: &str, path: &str) -> Result<String, FetchError> {
        let other = |reason: String| FetchError::Other {
            url: url.to_owned(),
            reason,
        };
        let stream = self.connect(domain, self.port).await?;
        let exchange = async {
            let (mut sender, connection) =
                hyper::client::conn::http1::handshake(TokioIo::new(stream))
                    .await
                    .map_err(|e| other(e.to_string()))?;
            // The connection is driven alongside this request and closes when it is dropped.
            let driver = tokio::spawn(connection);
            let host = if self.port == 80 {
                domain.to_owned()
            } else {
                format!("{domain}:{}", self.port)
            };
            let request = Request::get(path)
                .header(header::HOST, host)
                .header(header::USER_AGENT, "Rootline-DCV/1")
                .header(header::ACCEPT, "*/*")
                .header(header::CONNECTION, "close")
                .body(http_body_util::Empty::<Bytes>::new())
                .map_err(|e| other(e.to_string()))?;
            let response = sender
                .send_request(request)
                .await
                .map_err(|e| other(e.to_string()))?;
            let status = response.status();
            if status != StatusCode::OK {
                driver.abort();
                return Err(FetchError::Status {
                    url: url.to_owned(),
                    status: status.as_u16(),
                });
            }
            let too_big = || other(format!("the file is larger than {} KiB", BODY_CAP / 1024));
            let declared = response
                .headers()
                .get(header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<usize>().ok());
            if declared.is_some_and(|n| n > BODY_CAP) {
                driver.abort();
                return Err(too_big());
            }
            let mut body = response.into_body();
            let mut bytes = Vec::new();
            while let Some(frame) = body.frame().await {
                let frame = frame.map_err(|e| other(e.to_string()))?;
                if let Some(data) = frame.data_ref() {
                    if bytes.len() + data.len() > BODY_CAP {
                        driver.abort();
                        return Err(too_big());
                    }
                    bytes.extend_from_slice(data);
                }
            }
            driver.abort();
            String::from_utf8(bytes).map_err(|_| other("the file is not UTF-8 text".into()))
        };
        tokio::time::timeout(TIME_LIMIT, exchange)
            .await
            .map_err(|_| other(format!("no answer within {} s", TIME_LIMIT.as_secs())))?
    }
}

/// A DNS host name in ASCII (A-labels): nothing that could change the request's target.
fn plain_host_name(domain: &str) -> bool {
    !domain.is_empty()
        && domain.len() <= 253
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

/// A single path segment of safe characters, so the request can only name a file in
/// `/.well-known/pki-validation/`.
fn plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && name != "."
        && name != ".."
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

#[async_trait]
impl HttpFetcher for PlainHttpFetcher {
    async fn validation_file(&self, domain: &str, file_name: &str) -> Result<String, FetchError> {
        self.well_known(domain, "pki-validation", file_name).await
    }

    async fn acme_challenge(&self, domain: &str, token: &str) -> Result<String, FetchError> {
        self.well_known(domain, "acme-challenge", token).await
    }

    async fn acme_tls_alpn(&self, domain: &str) -> Result<Vec<u8>, FetchError> {
        let domain = domain.trim_end_matches('.').to_ascii_lowercase();
        let host = format!("{domain}:{}", self.tls_port);
        let tls_failed = |reason: String| FetchError::Tls {
            host: host.clone(),
            reason,
        };
        if !plain_host_name(&domain) {
            return Err(tls_failed("not a DNS host name".into()));
        }
        let server_name = ServerName::try_from(domain.clone())
            .map_err(|e| tls_failed(format!("not a server name: {e}")))?;
        let stream = self.connect(&domain, self.tls_port).await?;
        let connector =
            TlsConnector::from(acme_tls_config().map_err(|e| tls_failed(e.to_string()))?);
        let handshake = async {
            let tls = connector
                .connect(server_name, stream)
                .await
                .map_err(|e| tls_failed(e.to_string()))?;
            let (_, session) = tls.get_ref();
            if session.alpn_protocol() != Some(ACME_TLS_1) {
                return Err(tls_failed(
                    "the server did not choose the acme-tls/1 protocol".into(),
                ));
            }
            session
                .peer_certificates()
                .and_then(|chain| chain.first())
                .map(|leaf| leaf.as_ref().to_vec())
                .ok_or_else(|| tls_failed("the server presented no certificate".into()))
        };
        tokio::time::timeout(TIME_LIMIT, handshake)
            .await
            .map_err(|_| tls_failed(format!("no handshake within {} s", TIME_LIMIT.as_secs())))?
    }
}

/// The ALPN protocol of RFC 8737.
const ACME_TLS_1: &[u8] = b"acme-tls/1";

/// A client offering only `acme-tls/1`, over TLS 1.3. The validation certificate is
/// self-signed by design, so no chain is checked here: the challenge's judge reads the
/// certificate's names and acmeIdentifier, while the handshake signature still proves the
/// server holds its key. That signature is checked against the certificate's bare public key:
/// webpki's certificate parser refuses the critical acmeIdentifier extension it does not
/// know, and only TLS 1.3 has such a check in rustls (RFC 8737 allows 1.2 "or higher").
fn acme_tls_config() -> Result<Arc<ClientConfig>, rustls::Error> {
    let provider = Arc::new(ring::default_provider());
    let verifier = Arc::new(AnyServerCertificate {
        algorithms: provider.signature_verification_algorithms,
    });
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13])?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    config.alpn_protocols = vec![ACME_TLS_1.to_vec()];
    Ok(Arc::new(config))
}

#[derive(Debug)]
struct AnyServerCertificate {
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for AnyServerCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    /// Never called: only TLS 1.3 is offered.
    fn verify_tls12_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Err(rustls::Error::General(
            "TLS-ALPN-01 is checked over TLS 1.3 only".into(),
        ))
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        let (_, parsed) = x509_parser::parse_x509_certificate(cert.as_ref())
            .map_err(|_| rustls::Error::InvalidCertificate(CertificateError::BadEncoding))?;
        let spki = SubjectPublicKeyInfoDer::from(parsed.tbs_certificate.subject_pki.raw);
        rustls::crypto::verify_tls13_signature_with_raw_key(message, &spki, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

impl PlainHttpFetcher {
    /// GET `/.well-known/<folder>/<file_name>` of the domain, after checking that neither
    /// name can change the request's target.
    async fn well_known(
        &self,
        domain: &str,
        folder: &str,
        file_name: &str,
    ) -> Result<String, FetchError> {
        let domain = domain.trim_end_matches('.').to_ascii_lowercase();
        let path = format!("/.well-known/{folder}/{file_name}");
        let url = if self.port == 80 {
            format!("http://{domain}{path}")
        } else {
            format!("http://{domain}:{}{path}", self.port)
        };
        if !plain_host_name(&domain) {
            return Err(FetchError::Other {
                url,
                reason: "not a DNS host name".into(),
            });
        }
        if !plain_file_name(file_name) {
            return Err(FetchError::Other {
                url,
                reason: "not a plain file name".into(),
            });
        }
        self.get(&domain, &url, &path).await
    }
}

/// A TLS-ALPN-01 responder for tests: on `listener`, offering `alpn`, it presents RFC 8737's
/// certificate for `name` with `digest` in its critical acmeIdentifier. The certificate is
/// loaded without rustls' own checks, which refuse that extension (real responders do the
/// same). Returns the certificate's DER and the SNI names clients sent.
#[cfg(test)]
pub(crate) fn serve_rfc_8737(
    listener: tokio::net::TcpListener,
    alpn: Vec<Vec<u8>>,
    name: &str,
    digest: &[u8],
) -> (Vec<u8>, Arc<std::sync::Mutex<Vec<String>>>) {
    let mut params = rcgen::CertificateParams::new(vec![name.to_owned()]).unwrap();
    params.custom_extensions = vec![rcgen::CustomExtension::new_acme_identifier(digest)];
    let key = rcgen::KeyPair::generate().unwrap();
    let cert = params.self_signed(&key).unwrap();
    let der = cert.der().to_vec();
    let provider = Arc::new(ring::default_provider());
    let signing = provider
        .key_provider
        .load_private_key(rustls::pki_types::PrivateKeyDer::Pkcs8(
            key.serialize_der().into(),
        ))
        .unwrap();
    let certified = rustls::sign::CertifiedKey::new(vec![cert.der().clone()], signing);
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_cert_resolver(Arc::new(rustls::sign::SingleCertAndKey::from(certified)));
    config.alpn_protocols = alpn;
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let names = seen.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            if let Ok(mut tls) = acceptor.accept(stream).await {
                if let Some(sni) = tls.get_ref().1.server_name() {
                    names.lock().unwrap().push(sni.to_owned());
                }
                let _ = tokio::io::AsyncWriteExt::shutdown(&mut tls).await;
            }
        }
    });
    (der, seen)
}

#[cfg(test)]
mod tests {
    use std::net::SocketAddr;

    use axum::{
        Router,
        http::HeaderMap,
        response::{IntoResponse, Redirect},
        routing::get,
    };

    use super::*;

    async fn serve() -> SocketAddr {
        let app = Router::new()
            .route(
                "/.well-known/pki-validation/good.txt",
                get(|headers: HeaderMap| async move {
                    let host = headers
                        .get("host")
                        .and_then(|h| h.to_str().ok())
                        .unwrap_or("")
                        .to_owned();
                    format!("token-123\nhost={host}")
                }),
            )
            .route(
                "/.well-known/pki-validation/moved.txt",
                get(|| async { Redirect::permanent("/.well-known/pki-validation/good.txt") }),
            )
            .route(
                "/.well-known/pki-validation/big.txt",
                get(|| async { "x".repeat(BODY_CAP + 1) }),
            )
            .route(
                "/.well-known/pki-validation/streamed.txt",
                get(|| async {
                    let chunks = (0..80).map(|_| Ok::<_, std::io::Error>("y".repeat(1024)));
                    axum::body::Body::from_stream(futures_util::stream::iter(chunks))
                        .into_response()
                }),
            );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        addr
    }

    /// A fetcher for the test server on loopback, which the operator's setting allows.
    fn fetcher(addr: SocketAddr) -> PlainHttpFetcher {
        PlainHttpFetcher::new(addr.port(), Some(addr.ip())).allowing_private_addresses(true)
    }

    #[tokio::test]
    async fn the_domains_addresses_come_from_the_dcv_resolver_and_a_failed_lookup_connects_nowhere()
    {
        let addr = serve().await;
        let dns = Arc::new(crate::ports::dns::FakeDns::default());
        dns.add_address("www.example.com", addr.ip());
        dns.fail("bogus.example.com");
        let fetcher = PlainHttpFetcher::new(addr.port(), None)
            .allowing_private_addresses(true)
            .resolving_with(dns.clone());
        let body = fetcher
            .validation_file("www.example.com", "good.txt")
            .await
            .unwrap();
        assert!(body.starts_with("token-123"), "{body}");
        // The system would resolve `localhost`; the DCV resolver has no address for it.
        let e = fetcher
            .validation_file("localhost", "good.txt")
            .await
            .unwrap_err();
        assert!(
            matches!(&e, FetchError::Connect { reason, .. } if reason.contains("no address")),
            "{e:?}"
        );
        // A failed (e.g. DNSSEC-bogus) lookup is a failed validation, never a fallback.
        let e = fetcher
            .validation_file("bogus.example.com", "good.txt")
            .await
            .unwrap_err();
        assert!(
            matches!(&e, FetchError::Connect { reason, .. } if reason.contains("does not resolve")),
            "{e:?}"
        );
        // Addresses the resolver gives are checked as the system's are.
        let strict = PlainHttpFetcher::new(addr.port(), None).resolving_with(dns);
        let e = strict
            .validation_file("www.example.com", "good.txt")
            .await
            .unwrap_err();
        assert!(
            matches!(&e, FetchError::Connect { reason, .. } if reason.contains("not a public address")),
            "{e:?}"
        );
    }

    #[tokio::test]
    async fn a_name_resolving_to_a_non_public_address_is_refused_unless_the_operator_allows_it() {
        let addr = serve().await;
        // `localhost` resolves to loopback through the system's resolver, as a customer's
        // DNS pointing at the CA's own network would.
        let by_default = PlainHttpFetcher::new(addr.port(), None);
        let e = by_default
            .validation_file("localhost", "good.txt")
            .await
            .unwrap_err();
        match &e {
            FetchError::Connect { reason, .. } => assert!(
                reason.contains("localhost resolves to")
                    && (reason.contains("127.0.0.1") || reason.contains("::1"))
                    && reason.contains("not a public address"),
                "{reason}"
            ),
            other => panic!("{other:?}"),
        }
        let e = by_default.acme_tls_alpn("localhost").await.unwrap_err();
        assert!(
            matches!(&e, FetchError::Connect { reason, .. } if reason.contains("not a public address")),
            "{e:?}"
        );
        for ip in ["127.0.0.1", "10.1.2.3", "169.254.169.254", "::1", "fe80::1"] {
            let redirected = PlainHttpFetcher::new(addr.port(), Some(ip.parse().unwrap()));
            let e = redirected
                .validation_file("example.test", "good.txt")
                .await
                .unwrap_err();
            assert!(
                matches!(&e, FetchError::Connect { reason, .. } if reason.contains(ip)),
                "{ip}: {e:?}"
            );
        }
        let allowed =
            PlainHttpFetcher::new(addr.port(), Some(addr.ip())).allowing_private_addresses(true);
        assert!(
            allowed
                .validation_file("localhost", "good.txt")
                .await
                .unwrap()
                .starts_with("token-123")
        );
    }

    #[tokio::test]
    async fn a_200_answer_is_read_with_the_domain_as_host() {
        let addr = serve().await;
        let body = fetcher(addr)
            .validation_file("Shop.Example.test", "good.txt")
            .await
            .unwrap();
        assert_eq!(
            body,
            format!("token-123\nhost=shop.example.test:{}", addr.port())
        );
    }

    #[tokio::test]
    async fn a_missing_file_is_refused_with_its_status() {
        let addr = serve().await;
        let e = fetcher(addr)
            .validation_file("example.test", "absent.txt")
            .await
            .unwrap_err();
        assert_eq!(
            e,
            FetchError::Status {
                url: format!(
                    "http://example.test:{}/.well-known/pki-validation/absent.txt",
                    addr.port()
                ),
                status: 404
            }
        );
    }

    #[tokio::test]
    async fn a_redirect_is_not_followed() {
        let addr = serve().await;
        let e = fetcher(addr)
            .validation_file("example.test", "moved.txt")
            .await
            .unwrap_err();
        assert!(matches!(e, FetchError::Status { status: 308, .. }), "{e:?}");
    }

    #[tokio::test]
    async fn a_body_over_the_cap_is_refused_declared_or_streamed() {
        let addr = serve().await;
        for file in ["big.txt", "streamed.txt"] {
            let e = fetcher(addr)
                .validation_file("example.test", file)
                .await
                .unwrap_err();
            assert!(
                matches!(&e, FetchError::Other { reason, .. } if reason.contains("64 KiB")),
                "{file}: {e:?}"
            );
        }
    }

    #[tokio::test]
    async fn a_closed_port_is_a_connect_error() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        drop(listener);
        let e = fetcher(addr)
            .validation_file("example.test", "good.txt")
            .await
            .unwrap_err();
        assert!(matches!(e, FetchError::Connect { .. }), "{e:?}");
    }

    /// The test responder on a free port, for www.example.test.
    async fn serve_tls(
        alpn: Vec<Vec<u8>>,
    ) -> (SocketAddr, Vec<u8>, Arc<std::sync::Mutex<Vec<String>>>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (der, seen) = serve_rfc_8737(listener, alpn, "www.example.test", &[7; 32]);
        (addr, der, seen)
    }

    #[tokio::test]
    async fn tls_alpn_returns_the_rfc_8737_certificate_shown_over_acme_tls_1_to_the_domain_as_sni()
    {
        let (addr, der, seen) = serve_tls(vec![b"acme-tls/1".to_vec()]).await;
        let f = PlainHttpFetcher::new(9, Some(addr.ip()))
            .with_tls_port(addr.port())
            .allowing_private_addresses(true);
        assert_eq!(f.acme_tls_alpn("WWW.example.test.").await.unwrap(), der);
        // The server notes the name once its side of the handshake completes.
        for _ in 0..100 {
            if !seen.lock().unwrap().is_empty() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert_eq!(*seen.lock().unwrap(), vec!["www.example.test".to_owned()]);
    }

    #[tokio::test]
    async fn tls_alpn_to_a_server_without_acme_tls_1_is_a_tls_error() {
        let (addr, _, _) = serve_tls(vec![b"http/1.1".to_vec()]).await;
        let f = PlainHttpFetcher::new(9, Some(addr.ip()))
            .with_tls_port(addr.port())
            .allowing_private_addresses(true);
        let e = f.acme_tls_alpn("www.example.test").await.unwrap_err();
        assert!(matches!(e, FetchError::Tls { .. }), "{e:?}");
    }

    #[tokio::test]
    async fn tls_alpn_to_a_closed_port_is_a_connect_error_and_a_bad_name_never_connects() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        drop(listener);
        let f = PlainHttpFetcher::new(9, Some(addr.ip()))
            .with_tls_port(addr.port())
            .allowing_private_addresses(true);
        let e = f.acme_tls_alpn("www.example.test").await.unwrap_err();
        assert!(matches!(e, FetchError::Connect { .. }), "{e:?}");
        let e = f.acme_tls_alpn("evil.test/x").await.unwrap_err();
        assert!(matches!(e, FetchError::Tls { .. }), "{e:?}");
    }

    #[tokio::test]
    async fn names_that_could_change_the_target_are_refused_before_connecting() {
        let f = PlainHttpFetcher::new(9, Some("127.0.0.1".parse().unwrap()));
        for (domain, file) in [
            ("example.test", "../secret"),
            ("example.test", "a/b"),
            ("example.test", "a?b"),
            ("example.test", ""),
            ("evil.test/x", "good.txt"),
            ("user@example.test", "good.txt"),
            ("", "good.txt"),
        ] {
            let e = f.validation_file(domain, file).await.unwrap_err();
            assert!(
                matches!(e, FetchError::Other { .. }),
                "{domain} {file}: {e:?}"
            );
        }
    }
}

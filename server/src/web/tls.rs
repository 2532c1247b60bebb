//! The optional HTTPS listener for certificate sign-in. Its TLS asks every browser for a client
//! certificate but requires none and accepts any chain: which certificate signs in whom is the
//! application's decision (by fingerprint), while rustls still checks that the browser holds
//! the certificate's key. Requests then go through the same router, and so the same
//! middleware, as on the plain listener, with the certificate in their extensions.

use std::{net::SocketAddr, path::Path, sync::Arc, time::Duration};

use axum::{Router, body::Body, extract::ConnectInfo, http::Request};
use hyper_util::rt::TokioIo;
use rustls::{
    DigitallySignedStruct, DistinguishedName, SignatureScheme,
    client::danger::HandshakeSignatureValid,
    crypto::{WebPkiSupportedAlgorithms, ring},
    pki_types::{CertificateDer, PrivateKeyDer, UnixTime, pem::PemObject},
    server::danger::{ClientCertVerified, ClientCertVerifier},
};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tower::ServiceExt;

/// The DER of the certificate the browser presented in the TLS handshake.
#[derive(Debug, Clone)]
pub struct PeerCertificate(pub Vec<u8>);

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("{path} holds no certificate")]
    NoCertificate { path: String },
    #[error("TLS configuration: {0}")]
    Config(#[from] rustls::Error),
    #[error("cannot make a self-signed certificate: {0}")]
    SelfSigned(#[from] rcgen::Error),
}

/// A client that stalls its handshake holds a task and a socket no longer than this.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// Asks for a client certificate, takes any (or none), and verifies only the handshake
/// signature that proves the client holds the certificate's key.
#[derive(Debug)]
struct AnyClientCertificate {
    algorithms: WebPkiSupportedAlgorithms,
}

impl ClientCertVerifier for AnyClientCertificate {
    fn offer_client_auth(&self) -> bool {
        true
    }

    fn client_auth_mandatory(&self) -> bool {
        false
    }

    /// No hints: browsers then offer every certificate in their store.
    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &[]
    }

    fn verify_client_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        Ok(ClientCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// The listener's certificate chain and key from PEM files.
pub fn load_pem(
    cert: &Path,
    key: &Path,
) -> Result<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>), TlsError> {
    let read = |path: &Path, e: rustls::pki_types::pem::Error| TlsError::Read {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let chain = CertificateDer::pem_file_iter(cert)
        .map_err(|e| read(cert, e))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| read(cert, e))?;
    if chain.is_empty() {
        return Err(TlsError::NoCertificate {
            path: cert.display().to_string(),
        });
    }
    let key = PrivateKeyDer::from_pem_file(key).map_err(|e| read(key, e))?;
    Ok((chain, key))
}

/// A self-signed certificate for `names` (host names or IP addresses) and its new key.
pub fn self_signed(
    names: Vec<String>,
) -> Result<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>), TlsError> {
    let rcgen::CertifiedKey { cert, signing_key } = rcgen::generate_simple_self_signed(names)?;
    let key = PrivateKeyDer::Pkcs8(signing_key.serialize_der().into());
    Ok((vec![cert.der().clone()], key))
}

/// The TLS side of the listener: ring (as everywhere in the graph), HTTP/1.1, client
/// certificates requested but not required.
pub fn server_config(
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
) -> Result<Arc<rustls::ServerConfig>, TlsError> {
    let provider = Arc::new(ring::default_provider());
    let verifier = Arc::new(AnyClientCertificate {
        algorithms: provider.signature_verification_algorithms,
    });
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_client_cert_verifier(verifier)
        .with_single_cert(chain, key)?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// Accepts connections until the process ends, each on its own task.
pub async fn serve(listener: TcpListener, config: Arc<rustls::ServerConfig>, app: Router) {
    let acceptor = TlsAcceptor::from(config);
    loop {
        let (tcp, remote) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                // Out of file descriptors and the like: pause rather than spin.
                tracing::warn!(error = %e, "HTTPS listener: cannot accept a connection");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        tokio::spawn(connection(acceptor.clone(), tcp, remote, app.clone()));
    }
}

async fn connection(
    acceptor: TlsAcceptor,
    tcp: tokio::net::TcpStream,
    remote: SocketAddr,
    app: Router,
) {
    let tls = match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(tcp)).await {
        Ok(Ok(tls)) => tls,
        Ok(Err(e)) => {
            tracing::debug!(%remote, error = %e, "TLS handshake failed");
            return;
        }
        Err(_) => {
            tracing::debug!(%remote, "TLS handshake timed out");
            return;
        }
    };
    let peer = tls
        .get_ref()
        .1
        .peer_certificates()
        .and_then(<[CertificateDer<'_>]>::first)
        .map(|cert| PeerCertificate(cert.to_vec()));
    let service = hyper::service::service_fn(move |request: Request<hyper::body::Incoming>| {
        let mut request = request.map(Body::new);
        request.extensions_mut().insert(ConnectInfo(remote));
        if let Some(peer) = &peer {
            request.extensions_mut().insert(peer.clone());
        }
        app.clone().oneshot(request)
    });
    if let Err(e) = hyper::server::conn::http1::Builder::new()
        .serve_connection(TokioIo::new(tls), service)
        .await
    {
        tracing::debug!(%remote, error = %e, "HTTPS connection ended with an error");
    }
}

#[cfg(test)]
mod tests {
    use axum::routing::get;
    use rustls::{
        ClientConfig,
        client::danger::{ServerCertVerified, ServerCertVerifier},
        pki_types::ServerName,
    };
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;

    /// The test client trusts whatever the listener presents (it is self-signed).
    #[derive(Debug)]
    struct TrustAnyServer(WebPkiSupportedAlgorithms);

    impl ServerCertVerifier for TrustAnyServer {
        fn verify_server_cert(
            &self,
            _: &CertificateDer<'_>,
            _: &[CertificateDer<'_>],
            _: &ServerName<'_>,
            _: &[u8],
            _: UnixTime,
        ) -> Result<ServerCertVerified, rustls::Error> {
            Ok(ServerCertVerified::assertion())
        }
        fn verify_tls12_signature(
            &self,
            m: &[u8],
            c: &CertificateDer<'_>,
            d: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, rustls::Error> {
            rustls::crypto::verify_tls12_signature(m, c, d, &self.0)
        }
        fn verify_tls13_signature(
            &self,
            m: &[u8],
            c: &CertificateDer<'_>,
            d: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, rustls::Error> {
            rustls::crypto::verify_tls13_signature(m, c, d, &self.0)
        }
        fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
            self.0.supported_schemes()
        }
    }

    /// Answers with the fingerprint of the peer certificate, or "none".
    async fn echo_peer(request: Request<Body>) -> String {
        request
            .extensions()
            .get::<PeerCertificate>()
            .map_or("none".into(), |p| {
                crate::services::identity::certificate_fingerprint(&p.0)
            })
    }

    async fn listener() -> SocketAddr {
        let (chain, key) = self_signed(vec!["127.0.0.1".into()]).unwrap();
        let config = server_config(chain, key).unwrap();
        let tcp = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = tcp.local_addr().unwrap();
        let app = Router::new().route("/", get(echo_peer));
        tokio::spawn(serve(tcp, config, app));
        addr
    }

    /// GET / over TLS, with a client certificate or none; the status line and body.
    async fn get_over_tls(addr: SocketAddr, client: Option<(Vec<u8>, Vec<u8>)>) -> String {
        let provider = Arc::new(ring::default_provider());
        let builder = ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .unwrap()
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(TrustAnyServer(
                provider.signature_verification_algorithms,
            )));
        let config = match client {
            Some((cert, key)) => builder
                .with_client_auth_cert(
                    vec![CertificateDer::from(cert)],
                    PrivateKeyDer::Pkcs8(key.into()),
                )
                .unwrap(),
            None => builder.with_no_client_auth(),
        };
        let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
        let mut tls = tokio_rustls::TlsConnector::from(Arc::new(config))
            .connect(ServerName::try_from("127.0.0.1").unwrap(), tcp)
            .await
            .unwrap();
        tls.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let mut answer = String::new();
        tls.read_to_string(&mut answer).await.unwrap();
        answer
    }

    #[tokio::test]
    async fn the_peer_certificate_reaches_the_request_and_none_is_fine_too() {
        let addr = listener().await;
        let rcgen::CertifiedKey { cert, signing_key } =
            rcgen::generate_simple_self_signed(vec!["asha".to_owned()]).unwrap();
        let der = cert.der().to_vec();
        let with = get_over_tls(addr, Some((der.clone(), signing_key.serialize_der()))).await;
        assert!(with.starts_with("HTTP/1.1 200"), "{with}");
        assert!(
            with.ends_with(&crate::services::identity::certificate_fingerprint(&der)),
            "{with}"
        );
        let without = get_over_tls(addr, None).await;
        assert!(without.starts_with("HTTP/1.1 200"), "{without}");
        assert!(without.ends_with("none"), "{without}");
    }

    /// Presents a certificate with a key of its choosing, matching or not.
    #[derive(Debug)]
    struct Present(Arc<rustls::sign::CertifiedKey>);

    impl rustls::client::ResolvesClientCert for Present {
        fn resolve(
            &self,
            _: &[&[u8]],
            _: &[SignatureScheme],
        ) -> Option<Arc<rustls::sign::CertifiedKey>> {
            Some(self.0.clone())
        }
        fn has_certs(&self) -> bool {
            true
        }
    }

    #[tokio::test]
    async fn a_client_without_the_certificates_key_fails_the_handshake() {
        let addr = listener().await;
        let rcgen::CertifiedKey { cert, .. } =
            rcgen::generate_simple_self_signed(vec!["asha".to_owned()]).unwrap();
        let other_key = rcgen::KeyPair::generate().unwrap();
        let provider = Arc::new(ring::default_provider());
        let signer = provider
            .key_provider
            .load_private_key(PrivateKeyDer::Pkcs8(other_key.serialize_der().into()))
            .unwrap();
        let config = ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .unwrap()
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(TrustAnyServer(
                provider.signature_verification_algorithms,
            )))
            .with_client_cert_resolver(Arc::new(Present(Arc::new(
                rustls::sign::CertifiedKey::new(vec![cert.der().clone()], signer),
            ))));
        let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
        let result = async {
            let mut tls = tokio_rustls::TlsConnector::from(Arc::new(config))
                .connect(ServerName::try_from("127.0.0.1").unwrap(), tcp)
                .await?;
            // TLS 1.3: the server's verdict on the client's signature arrives after the
            // client thinks the handshake is done.
            tls.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .await?;
            let mut answer = String::new();
            tls.read_to_string(&mut answer).await?;
            Ok::<_, std::io::Error>(answer)
        }
        .await;
        let error = result.expect_err("the listener must refuse a signature by another key");
        // rustls checked the CertificateVerify signature against the certificate's key.
        assert!(error.to_string().contains("DecryptError"), "{error}");
    }
}

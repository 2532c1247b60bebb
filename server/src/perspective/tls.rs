//! Mutual TLS between the primary and its perspectives: each side shows a certificate the
//! other's configured CA issued. The perspective refuses a connection without the primary's
//! client certificate before any request is read; the primary refuses a perspective whose
//! server certificate does not chain to the perspectives' CA or does not name its host.

use std::{path::Path, sync::Arc};

use rustls::{
    RootCertStore,
    crypto::ring,
    pki_types::{CertificateDer, PrivateKeyDer, pem::PemObject},
    server::WebPkiClientVerifier,
};

use crate::web::tls::{TlsError, load_pem};

/// The trust anchors in a PEM file.
pub fn roots(path: &Path) -> Result<RootCertStore, TlsError> {
    let read = |e: rustls::pki_types::pem::Error| TlsError::Read {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let mut store = RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(path).map_err(read)? {
        store.add(cert.map_err(read)?)?;
    }
    if store.is_empty() {
        return Err(TlsError::NoCertificate {
            path: path.display().to_string(),
        });
    }
    Ok(store)
}

/// The perspective's side: its certificate and key, and the CA whose client certificates
/// (the primary's) it requires.
pub fn server_config(
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
    client_roots: RootCertStore,
) -> Result<Arc<rustls::ServerConfig>, TlsError> {
    let provider = Arc::new(ring::default_provider());
    let verifier =
        WebPkiClientVerifier::builder_with_provider(Arc::new(client_roots), provider.clone())
            .build()
            .map_err(|e| TlsError::Config(rustls::Error::General(e.to_string())))?;
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_client_cert_verifier(verifier)
        .with_single_cert(chain, key)?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// The primary's side: the perspectives' CA, and the primary's client certificate and key.
pub fn client_config(
    server_roots: RootCertStore,
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
) -> Result<rustls::ClientConfig, TlsError> {
    let provider = Arc::new(ring::default_provider());
    // ALPN is the HTTP connector's to set.
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_root_certificates(server_roots)
        .with_client_auth_cert(chain, key)?)
}

/// The primary's client configuration from PEM files.
pub fn client_config_from_files(
    server_ca: &Path,
    cert: &Path,
    key: &Path,
) -> Result<rustls::ClientConfig, TlsError> {
    let (chain, key) = load_pem(cert, key)?;
    client_config(roots(server_ca)?, chain, key)
}

/// The perspective's server configuration from PEM files.
pub fn server_config_from_files(
    cert: &Path,
    key: &Path,
    client_ca: &Path,
) -> Result<Arc<rustls::ServerConfig>, TlsError> {
    let (chain, key) = load_pem(cert, key)?;
    server_config(chain, key, roots(client_ca)?)
}

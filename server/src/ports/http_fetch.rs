//! What a domain's own server shows for validation: the HTTP file of BR 3.2.2.4.18 and
//! ACME HTTP-01, and the certificate of ACME TLS-ALPN-01 (RFC 8737); with an in-memory fake.

use std::{collections::HashMap, sync::Mutex};

use async_trait::async_trait;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("could not connect to {host}: {reason}")]
    Connect { host: String, reason: String },
    #[error("the TLS handshake with {host} failed: {reason}")]
    Tls { host: String, reason: String },
    #[error("{url} answered HTTP {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: {reason}")]
    Other { url: String, reason: String },
}

#[async_trait]
pub trait HttpFetcher: Send + Sync {
    /// GET `http://<domain>[:port]/.well-known/pki-validation/<file_name>` and return the
    /// body of a 200 answer (bounded in size; redirects not followed).
    async fn validation_file(&self, domain: &str, file_name: &str) -> Result<String, FetchError>;
    /// GET `http://<domain>[:port]/.well-known/acme-challenge/<token>` (RFC 8555 section
    /// 8.3), with the same limits.
    async fn acme_challenge(&self, domain: &str, token: &str) -> Result<String, FetchError>;
    /// Opens TLS to `<domain>:<tls port>` with the domain as SNI and only the `acme-tls/1`
    /// protocol offered (RFC 8737 section 3), and returns the DER of the certificate the
    /// server presents. The caller judges the certificate; this only checks that the server
    /// chose `acme-tls/1` and holds the certificate's key.
    async fn acme_tls_alpn(&self, domain: &str) -> Result<Vec<u8>, FetchError>;
}

/// Files held in memory by (domain, file name).
#[derive(Default)]
pub struct FakeHttp {
    files: Mutex<HashMap<(String, String), String>>,
    tls_alpn: Mutex<HashMap<String, Vec<u8>>>,
}

impl FakeHttp {
    /// Serves `body` as the ACME HTTP-01 answer for `token` at `domain`.
    pub fn publish_acme(&self, domain: &str, token: &str, body: &str) {
        self.publish(domain, &format!("acme-challenge/{token}"), body);
    }

    /// Presents `der` as the TLS-ALPN-01 certificate of `domain`.
    pub fn publish_tls_alpn(&self, domain: &str, der: Vec<u8>) {
        if let Ok(mut c) = self.tls_alpn.lock() {
            c.insert(domain.to_ascii_lowercase(), der);
        }
    }

    pub fn publish(&self, domain: &str, file_name: &str, body: &str) {
        if let Ok(mut f) = self.files.lock() {
            f.insert(
                (domain.to_ascii_lowercase(), file_name.to_owned()),
                body.to_owned(),
            );
        }
    }
}

#[async_trait]
impl HttpFetcher for FakeHttp {
    async fn validation_file(&self, domain: &str, file_name: &str) -> Result<String, FetchError> {
        let url = format!("http://{domain}/.well-known/pki-validation/{file_name}");
        self.files
            .lock()
            .ok()
            .and_then(|f| {
                f.get(&(domain.to_ascii_lowercase(), file_name.to_owned()))
                    .cloned()
            })
            .ok_or(FetchError::Status { url, status: 404 })
    }

    async fn acme_challenge(&self, domain: &str, token: &str) -> Result<String, FetchError> {
        let url = format!("http://{domain}/.well-known/acme-challenge/{token}");
        let key = (
            domain.to_ascii_lowercase(),
            format!("acme-challenge/{token}"),
        );
        self.files
            .lock()
            .ok()
            .and_then(|f| f.get(&key).cloned())
            .ok_or(FetchError::Status { url, status: 404 })
    }

    async fn acme_tls_alpn(&self, domain: &str) -> Result<Vec<u8>, FetchError> {
        self.tls_alpn
            .lock()
            .ok()
            .and_then(|c| c.get(&domain.to_ascii_lowercase()).cloned())
            .ok_or_else(|| FetchError::Connect {
                host: format!("{domain}:443"),
                reason: "connection refused".into(),
            })
    }
}

//! A Certificate Transparency log the CA submits precertificates to (RFC 6962 4.1).

use async_trait::async_trait;
use url::Url;

use crate::transparency::sct::AddChainResponse;

/// A configured log: what the CA knows of it before asking anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CtLogInfo {
    /// The operator's short name for the log, as log lists and the audit log show it.
    pub name: String,
    /// Who runs it: browsers count SCTs from distinct operators.
    pub operator: String,
    /// The log's base URL; `ct/v1/add-pre-chain` is resolved against it.
    pub url: Url,
    /// The log's public key, SubjectPublicKeyInfo DER: every SCT is checked against it.
    pub public_key: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CtSubmitError {
    #[error("log {log}: {reason}")]
    Unreachable { log: String, reason: String },
    #[error("log {log} answered HTTP {status}: {body}")]
    Status {
        log: String,
        status: u16,
        body: String,
    },
    #[error("log {log} answered what RFC 6962 does not describe: {reason}")]
    Garbled { log: String, reason: String },
}

#[async_trait]
pub trait CtLog: Send + Sync {
    fn info(&self) -> &CtLogInfo;
    /// Submits a precertificate and the CA certificates above it, leaf first.
    async fn add_pre_chain(&self, chain: &[Vec<u8>]) -> Result<AddChainResponse, CtSubmitError>;
}

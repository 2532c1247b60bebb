//! Keys of the certificate authorities. A `KeyStore` makes and keeps keys (in an HSM, or
//! encrypted in the database); a `CaSigner` signs with one. Only `ca/` holds a `CaSigner`.

use std::{fmt, sync::Arc};

/// The key types a CA may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySpec {
    EcP256,
    EcP384,
    Rsa3072,
    Rsa4096,
}

impl KeySpec {
    pub const ALL: [KeySpec; 4] = [Self::EcP256, Self::EcP384, Self::Rsa3072, Self::Rsa4096];

    /// The name used on the command line and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EcP256 => "p256",
            Self::EcP384 => "p384",
            Self::Rsa3072 => "rsa3072",
            Self::Rsa4096 => "rsa4096",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The signature algorithm X.509 names for this key type. Here rather than in an adapter
    /// because the CA lays out what it signs with it and every key store opens keys with it.
    pub fn signature_algorithm(self) -> &'static rcgen::SignatureAlgorithm {
        match self {
            Self::EcP256 => &rcgen::PKCS_ECDSA_P256_SHA256,
            Self::EcP384 => &rcgen::PKCS_ECDSA_P384_SHA384,
            Self::Rsa3072 | Self::Rsa4096 => &rcgen::PKCS_RSA_SHA256,
        }
    }
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the database keeps about a key: enough for its store to find it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRecord {
    /// `software` or `pkcs11`.
    pub backend: String,
    pub spec: KeySpec,
    /// The public key as X.509 carries it: the SEC1 point (EC) or the PKCS#1 key (RSA).
    pub public_key: Vec<u8>,
    /// Backend-specific: the encrypted PKCS#8 (software) or the object id (PKCS#11).
    pub handle: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("cannot generate a {spec} key: {reason}")]
    Generate { spec: KeySpec, reason: String },
    #[error("key {label:?} belongs to the {backend} key store, not this one")]
    WrongBackend { label: String, backend: String },
    #[error("cannot open key {label:?}: {reason}")]
    Open { label: String, reason: String },
    #[error("signing failed: {0}")]
    Sign(String),
    #[error("master key: {0}")]
    MasterKey(String),
    #[error("HSM: {0}")]
    Token(String),
}

/// Signs with one CA key. Signatures are what X.509 expects: DER-encoded ECDSA, or RSA
/// PKCS#1 v1.5, over SHA-256 (P-256, RSA) or SHA-384 (P-384).
pub trait CaSigner: Send + Sync {
    fn spec(&self) -> KeySpec;
    fn public_key(&self) -> &[u8];
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, KeyError>;
}

pub trait KeyStore: Send + Sync {
    /// `software` or `pkcs11`, as recorded with each key.
    fn backend(&self) -> &'static str;
    /// Makes a new key under a label. Slow for RSA: call from a blocking task.
    fn generate(&self, label: &str, spec: KeySpec) -> Result<KeyRecord, KeyError>;
    /// Opens a key made by this store.
    fn signer(&self, label: &str, record: &KeyRecord) -> Result<Arc<dyn CaSigner>, KeyError>;
}

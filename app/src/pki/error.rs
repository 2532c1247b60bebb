//! Why a key, CSR or PKCS#12 file could not be made or read, in words for the user.

/// What went wrong, phrased so the wizard can show it as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PkiError {
    #[error("Give a common name or at least one domain name.")]
    MissingName,
    #[error("The common name can be at most 64 characters long.")]
    CommonNameTooLong,
    #[error("The common name cannot contain control characters.")]
    InvalidCommonName,
    #[error("“{0}” is not a valid domain name.")]
    InvalidDnsName(String),
    #[error("This browser could not provide secure random numbers, so no key was made.")]
    Random,
    #[error("The key could not be generated: {0}")]
    KeyGeneration(String),
    #[error("The password must be at least {0} characters long.")]
    PasswordTooShort(usize),
    #[error("This is not a private key in PKCS#8 PEM form (“-----BEGIN PRIVATE KEY-----”).")]
    InvalidPrivateKey,
    #[error("This is not a certificate in PEM form (“-----BEGIN CERTIFICATE-----”).")]
    InvalidCertificate,
    #[error("The certificate does not belong to this private key.")]
    CertificateMismatch,
    #[error(
        "This is not a certificate signing request (PEM “-----BEGIN CERTIFICATE REQUEST-----” or DER)."
    )]
    InvalidCsr,
    #[error("{0} keys are not supported. Use ECDSA P-256 or P-384, or RSA.")]
    UnsupportedKey(String),
    #[error("The CSR is signed with an algorithm Rootline does not check ({0}).")]
    UnsupportedSignature(String),
    #[error("The CSR's signature does not verify.")]
    SignatureInvalid,
    #[error("The file could not be encoded: {0}")]
    Encoding(String),
    /// The browser could not fetch the part of the portal that does the cryptography.
    #[error("The key tools could not be loaded. Check your connection and try again.")]
    Unavailable,
}

impl From<leptos::wasm_split::SplitLoaderError> for PkiError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Self::Unavailable
    }
}

impl From<der::Error> for PkiError {
    fn from(error: der::Error) -> Self {
        Self::Encoding(error.to_string())
    }
}

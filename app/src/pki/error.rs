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

impl PkiError {
    /// What to tell the user, in their language (the `Display` text is the English one, for
    /// logs).
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            Self::MissingName => Msg::new("err-pki-missing-name"),
            Self::CommonNameTooLong => Msg::new("err-pki-common-name-too-long"),
            Self::InvalidCommonName => Msg::new("err-pki-invalid-common-name"),
            Self::InvalidDnsName(name) => Msg::new("err-pki-invalid-dns-name").arg("name", name),
            Self::Random => Msg::new("err-pki-random"),
            Self::KeyGeneration(detail) => Msg::new("err-pki-key-generation").arg("detail", detail),
            Self::PasswordTooShort(min) => Msg::new("err-pki-password-too-short").arg("min", *min),
            Self::InvalidPrivateKey => Msg::new("err-pki-invalid-private-key"),
            Self::InvalidCertificate => Msg::new("err-pki-invalid-certificate"),
            Self::CertificateMismatch => Msg::new("err-pki-certificate-mismatch"),
            Self::InvalidCsr => Msg::new("err-pki-invalid-csr"),
            Self::UnsupportedKey(kind) => Msg::new("err-pki-unsupported-key").arg("kind", kind),
            Self::UnsupportedSignature(algorithm) => {
                Msg::new("err-pki-unsupported-signature").arg("algorithm", algorithm)
            }
            Self::SignatureInvalid => Msg::new("err-pki-signature-invalid"),
            Self::Encoding(detail) => Msg::new("err-pki-encoding").arg("detail", detail),
            Self::Unavailable => Msg::new("err-pki-unavailable"),
        }
    }

    /// [`Self::msg`] in the page's language.
    pub fn text(&self) -> String {
        self.msg().text(crate::i18n::page_lang())
    }
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

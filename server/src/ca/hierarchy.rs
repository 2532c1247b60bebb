//! The hierarchy as data: a root and one issuing CA per purpose. Names are fixed; operators'
//! scripts and the `/ca/<name>.crt` URLs rely on them.

use rcgen::ExtendedKeyUsagePurpose;

use super::extensions::ANY_POLICY;

pub struct CaDefinition {
    pub name: &'static str,
    pub common_name: &'static str,
    /// What the CA may issue for; `None` for the root.
    pub purpose: Option<Purpose>,
    pub validity_days: i64,
    /// certificatePolicies of the CA certificate. The issuing CAs are affiliated with the root
    /// (one operator), so the BRs let them carry anyPolicy; the root carries none.
    pub policies: &'static [&'static [u64]],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    ServerAuth,
    EmailProtection,
    ClientAuth,
    CodeSigning,
    /// id-kp-documentSigning (RFC 9336).
    DocumentSigning,
}

impl Purpose {
    /// The EKU object identifier, dotted.
    pub fn eku_oid(self) -> &'static str {
        match self {
            Self::ServerAuth => "1.3.6.1.5.5.7.3.1",
            Self::ClientAuth => "1.3.6.1.5.5.7.3.2",
            Self::CodeSigning => "1.3.6.1.5.5.7.3.3",
            Self::EmailProtection => "1.3.6.1.5.5.7.3.4",
            Self::DocumentSigning => "1.3.6.1.5.5.7.3.36",
        }
    }

    pub fn eku(self) -> ExtendedKeyUsagePurpose {
        match self {
            Self::ServerAuth => ExtendedKeyUsagePurpose::ServerAuth,
            Self::EmailProtection => ExtendedKeyUsagePurpose::EmailProtection,
            Self::ClientAuth => ExtendedKeyUsagePurpose::ClientAuth,
            Self::CodeSigning => ExtendedKeyUsagePurpose::CodeSigning,
            Self::DocumentSigning => {
                ExtendedKeyUsagePurpose::Other(vec![1, 3, 6, 1, 5, 5, 7, 3, 36])
            }
        }
    }
}

/// Twenty years: within the TLS BR's 9,132-day ceiling for root certificates.
pub const ROOT: CaDefinition = CaDefinition {
    name: "root",
    common_name: "Rootline Root CA",
    purpose: None,
    validity_days: 7305,
    policies: &[],
};

/// The issuing CAs, each signed by the root, valid ten years.
pub const HIERARCHY: [CaDefinition; 5] = [
    CaDefinition {
        name: "tls",
        common_name: "Rootline TLS Issuing CA",
        purpose: Some(Purpose::ServerAuth),
        validity_days: 3653,
        policies: &[ANY_POLICY],
    },
    CaDefinition {
        name: "smime",
        common_name: "Rootline S/MIME Issuing CA",
        purpose: Some(Purpose::EmailProtection),
        validity_days: 3653,
        policies: &[ANY_POLICY],
    },
    CaDefinition {
        name: "client",
        common_name: "Rootline Client Authentication CA",
        purpose: Some(Purpose::ClientAuth),
        validity_days: 3653,
        policies: &[ANY_POLICY],
    },
    CaDefinition {
        name: "codesign",
        common_name: "Rootline Code Signing CA",
        purpose: Some(Purpose::CodeSigning),
        validity_days: 3653,
        policies: &[ANY_POLICY],
    },
    CaDefinition {
        name: "docsign",
        common_name: "Rootline Document Signing CA",
        purpose: Some(Purpose::DocumentSigning),
        validity_days: 3653,
        policies: &[ANY_POLICY],
    },
];

/// The definition of a CA by name.
pub fn definition(name: &str) -> Option<&'static CaDefinition> {
    std::iter::once(&ROOT)
        .chain(HIERARCHY.iter())
        .find(|d| d.name == name)
}

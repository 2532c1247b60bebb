//! Where an issued certificate's row is in issuance, as the CA stores it.

use serde::{Deserialize, Serialize};

/// A serial is reserved before the key is asked to sign, moves to `signing` when the
/// signature is requested, and to `issued` with the certificate's DER.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CertificateStatus {
    Reserved,
    Signing,
    Issued,
}

impl CertificateStatus {
    pub const ALL: [CertificateStatus; 3] = [Self::Reserved, Self::Signing, Self::Issued];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reserved => "reserved",
            Self::Signing => "signing",
            Self::Issued => "issued",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// What an issued certificate is to the people who rely on it: the order pages and the order
/// list show it beside the order's status, which stays "fulfilled" after a revocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CertificateState {
    Valid,
    Expired,
    Revoked,
}

impl CertificateState {
    /// The catalogue key of its word in the user's language.
    pub fn key(self) -> &'static str {
        match self {
            Self::Valid => "certificate-state-valid",
            Self::Expired => "certificate-state-expired",
            Self::Revoked => "certificate-state-revoked",
        }
    }

    /// The catalogue key of its word standing alone, capitalised ("Valid"), as the
    /// certificate's own state badge shows it.
    pub fn title_key(self) -> &'static str {
        match self {
            Self::Valid => "certificate-title-valid",
            Self::Expired => "certificate-title-expired",
            Self::Revoked => "certificate-title-revoked",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Valid => "Valid",
            Self::Expired => "Expired",
            Self::Revoked => "Revoked",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_reads_back_from_its_stored_text() {
        for s in CertificateStatus::ALL {
            assert_eq!(CertificateStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(CertificateStatus::parse("revoked"), None);
    }
}

//! Certificate sign-in (ID-5): the certificates a user registered on their profile, and why a
//! sign-in with one was refused.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// A registered certificate as the profile lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginCertificateView {
    pub id: i32,
    pub label: String,
    pub subject: String,
    pub issuer: String,
    /// The end of the validity period, e.g. `2027-11-21 09:00 UTC`.
    pub valid_until: super::Moment,
    /// SHA-256 of the DER, as colon-separated hex pairs (what `openssl x509 -fingerprint
    /// -sha256` prints).
    pub fingerprint: String,
}

/// The name a user gives a certificate: 1–64 characters on one line.
pub fn label(raw: &str) -> Result<String, Msg> {
    let label = raw.trim();
    if label.is_empty() {
        return Err(Msg::new("err-give-certificate-name-work-laptop"));
    }
    if label.chars().count() > 64 {
        return Err(Msg::new("err-use-most-64-characters-name"));
    }
    if label.chars().any(char::is_control) {
        return Err(Msg::new("err-write-name-one-line-without"));
    }
    super::text::visible(label, "err-what-name")?;
    Ok(label.to_owned())
}

/// Why a certificate sign-in did not open a session. The sign-in page gets the code in its
/// address (`/sign-in?certificate=<code>`) and shows the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CertificateRefusal {
    /// The browser sent no certificate.
    NoCertificate,
    /// Nobody registered this certificate.
    Unknown,
    /// Outside its validity period.
    Expired,
    /// Issued by this CA and revoked.
    Revoked,
    /// Every account of the user deactivated them.
    Deactivated,
    /// The user's account is waiting for approval, or was rejected or suspended.
    AccountUnavailable,
    /// Something failed on the server; the incident is in its log.
    Failed,
}

impl CertificateRefusal {
    pub const ALL: [Self; 7] = [
        Self::NoCertificate,
        Self::Unknown,
        Self::Expired,
        Self::Revoked,
        Self::Deactivated,
        Self::AccountUnavailable,
        Self::Failed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::NoCertificate => "none",
            Self::Unknown => "unknown",
            Self::Expired => "expired",
            Self::Revoked => "revoked",
            Self::Deactivated => "deactivated",
            Self::AccountUnavailable => "unavailable",
            Self::Failed => "failed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// What the user reads, in their language.
    pub fn msg(self) -> Msg {
        Msg::new(match self {
            Self::NoCertificate => "err-cert-sign-in-none",
            Self::Unknown => "err-cert-sign-in-unknown",
            Self::Expired => "err-cert-sign-in-expired",
            Self::Revoked => "err-cert-sign-in-revoked",
            Self::Deactivated => "err-cert-sign-in-deactivated",
            Self::AccountUnavailable => "err-cert-sign-in-unavailable",
            Self::Failed => "err-cert-sign-in-failed",
        })
    }
}

/// A DER certificate as PEM text, for the form's text box when the user picks a binary `.cer`
/// file (the browser reads the file; the server takes the text).
pub fn pem_from_der(der: &[u8]) -> String {
    crate::pki::pem::encode("CERTIFICATE", der)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusal_codes_round_trip_and_unknown_codes_are_none() {
        for r in CertificateRefusal::ALL {
            assert_eq!(CertificateRefusal::from_code(r.code()), Some(r));
            assert!(!r.msg().text(crate::i18n::Lang::Pl).is_empty());
        }
        assert_eq!(CertificateRefusal::from_code("<script>"), None);
    }

    #[test]
    fn labels_are_trimmed_bounded_and_on_one_line() {
        assert_eq!(label("  Work laptop ").as_deref(), Ok("Work laptop"));
        assert!(label("   ").is_err());
        assert!(label(&"x".repeat(65)).is_err());
        assert!(label("two\nlines").is_err());
    }

    #[test]
    fn der_becomes_pem_with_standard_base64_in_64_character_lines() {
        assert_eq!(
            pem_from_der(b"Man"),
            "-----BEGIN CERTIFICATE-----\nTWFu\n-----END CERTIFICATE-----\n"
        );
        assert!(pem_from_der(b"Ma").contains("\nTWE=\n"));
        assert!(pem_from_der(b"M").contains("\nTQ==\n"));
        let long = pem_from_der(&[0xff; 100]);
        let lines: Vec<&str> = long.lines().collect();
        assert_eq!(lines[1].len(), 64);
        assert!(lines[1].chars().all(|c| c == '/'));
    }
}

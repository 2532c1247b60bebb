//! Multi-perspective corroboration (TLS BR 3.2.2.9) as the portal shows it: for a domain, the
//! newest check the remote perspectives repeated, and what each of them saw.

use serde::{Deserialize, Serialize};

/// The check the perspectives repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CorroboratedCheck {
    /// The portal's DNS TXT record (BR 3.2.2.4.7).
    DnsTxt,
    /// The portal's validation file (BR 3.2.2.4.18).
    HttpFile,
    /// ACME http-01 (BR 3.2.2.4.19).
    AcmeHttp01,
    /// ACME dns-01 (BR 3.2.2.4.7).
    AcmeDns01,
    /// ACME tls-alpn-01 (BR 3.2.2.4.20).
    AcmeTlsAlpn01,
    /// The CAA check before issuance (BR 3.2.2.8).
    Caa,
    /// The portal's persistent DNS record (BR 3.2.2.4.22): the same `accounturi` seen.
    DnsPersist,
    /// ACME dns-persist-01 (BR 3.2.2.4.22).
    AcmeDnsPersist01,
    /// The CAA contact addresses an e-mail went to (BR 3.2.2.4.13).
    CaaContactEmail,
    /// The DNS TXT contact addresses an e-mail went to (BR 3.2.2.4.14).
    TxtContactEmail,
}

impl CorroboratedCheck {
    pub const ALL: [CorroboratedCheck; 10] = [
        Self::DnsTxt,
        Self::HttpFile,
        Self::AcmeHttp01,
        Self::AcmeDns01,
        Self::AcmeTlsAlpn01,
        Self::Caa,
        Self::DnsPersist,
        Self::AcmeDnsPersist01,
        Self::CaaContactEmail,
        Self::TxtContactEmail,
    ];

    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DnsTxt => "dns-txt",
            Self::HttpFile => "http-file",
            Self::AcmeHttp01 => "acme-http-01",
            Self::AcmeDns01 => "acme-dns-01",
            Self::AcmeTlsAlpn01 => "acme-tls-alpn-01",
            Self::Caa => "caa",
            Self::DnsPersist => "dns-persist",
            Self::AcmeDnsPersist01 => "acme-dns-persist-01",
            Self::CaaContactEmail => "caa-contact-email",
            Self::TxtContactEmail => "txt-contact-email",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The translation key of its name on the page.
    pub fn key(self) -> &'static str {
        match self {
            Self::DnsTxt => "mpic-check-dns-txt",
            Self::HttpFile => "mpic-check-http-file",
            Self::AcmeHttp01 => "mpic-check-acme-http-01",
            Self::AcmeDns01 => "mpic-check-acme-dns-01",
            Self::AcmeTlsAlpn01 => "mpic-check-acme-tls-alpn-01",
            Self::Caa => "mpic-check-caa",
            Self::DnsPersist => "mpic-check-dns-persist",
            Self::AcmeDnsPersist01 => "mpic-check-acme-dns-persist-01",
            Self::CaaContactEmail => "mpic-check-caa-contact-email",
            Self::TxtContactEmail => "mpic-check-txt-contact-email",
        }
    }
}

/// One remote perspective's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerspectiveAnswerView {
    pub perspective: String,
    /// The RIR service region it runs in (`arin`, `ripe`, …).
    pub region: String,
    pub corroborated: bool,
    /// What it saw instead, when it did not corroborate.
    pub detail: Option<String>,
    pub at: super::Stamp,
}

/// One round of corroboration: a check repeated by the remote perspectives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorroborationView {
    pub check: CorroboratedCheck,
    pub at: super::Stamp,
    /// The perspectives asked; fewer answers mean the outcome was certain before the rest.
    pub asked: u32,
    pub corroborated: bool,
    /// Whether the outcome decided the validation: always on a publicly trusted installation;
    /// on a private one only when enough perspectives for the day's quorum are configured.
    pub enforced: bool,
    pub answers: Vec<PerspectiveAnswerView>,
}

impl CorroborationView {
    /// How many of the answers corroborated.
    pub fn corroborating(&self) -> usize {
        self.answers.iter().filter(|a| a.corroborated).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_reads_back_from_its_stored_name() {
        for check in CorroboratedCheck::ALL {
            assert_eq!(CorroboratedCheck::parse(check.as_str()), Some(check));
        }
        assert_eq!(CorroboratedCheck::parse("dns"), None);
    }
}

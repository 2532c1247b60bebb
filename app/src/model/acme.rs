//! ACME credentials (External Account Binding, INT-2) as the "ACME APIs" settings page shows
//! and makes them.

use serde::{Deserialize, Serialize};

/// An ACME account's status (RFC 8555 7.1.2) as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AcmeAccountStatus {
    Valid,
    Deactivated,
    Revoked,
}

impl AcmeAccountStatus {
    pub const ALL: [AcmeAccountStatus; 3] = [Self::Valid, Self::Deactivated, Self::Revoked];

    /// The RFC 8555 name, stored and sent to clients.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Valid => "valid",
            Self::Deactivated => "deactivated",
            Self::Revoked => "revoked",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// An ACME authorization's status (RFC 8555 7.1.4) as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AcmeAuthzStatus {
    Pending,
    Valid,
    Invalid,
    Deactivated,
    Expired,
    Revoked,
}

impl AcmeAuthzStatus {
    pub const ALL: [AcmeAuthzStatus; 6] = [
        Self::Pending,
        Self::Valid,
        Self::Invalid,
        Self::Deactivated,
        Self::Expired,
        Self::Revoked,
    ];

    /// The RFC 8555 name, stored and sent to clients.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Valid => "valid",
            Self::Invalid => "invalid",
            Self::Deactivated => "deactivated",
            Self::Expired => "expired",
            Self::Revoked => "revoked",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// An ACME challenge's status (RFC 8555 7.1.6) as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AcmeChallengeStatus {
    Pending,
    Processing,
    Valid,
    Invalid,
}

impl AcmeChallengeStatus {
    pub const ALL: [AcmeChallengeStatus; 4] =
        [Self::Pending, Self::Processing, Self::Valid, Self::Invalid];

    /// The RFC 8555 name, stored and sent to clients.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Processing => "processing",
            Self::Valid => "valid",
            Self::Invalid => "invalid",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// The ACME challenge types offered (RFC 8555 8.3, 8.4; RFC 8737;
/// draft-ietf-acme-dns-persist).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AcmeChallengeKind {
    Http01,
    Dns01,
    TlsAlpn01,
    /// A persistent TXT record at `_validation-persist.<name>` naming this CA and the
    /// account (TLS BR 3.2.2.4.22).
    DnsPersist01,
}

impl AcmeChallengeKind {
    pub const ALL: [AcmeChallengeKind; 4] = [
        Self::Http01,
        Self::Dns01,
        Self::TlsAlpn01,
        Self::DnsPersist01,
    ];

    /// The challenge's `type`, stored and sent to clients.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Http01 => "http-01",
            Self::Dns01 => "dns-01",
            Self::TlsAlpn01 => "tls-alpn-01",
            Self::DnsPersist01 => "dns-persist-01",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// A certificate profile an ACME client may choose on newOrder (draft-ietf-acme-profiles),
/// stored with the ACME order. The names are the protocol's, which clients and outside
/// checks match exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AcmeProfile {
    /// The account's product as the portal issues it; the default.
    Classic,
    /// TLS server authentication only, with an empty subject.
    TlsServer,
    /// As `TlsServer`, but a Baseline Requirements short-lived certificate without
    /// revocation information.
    ShortLived,
}

impl AcmeProfile {
    pub const ALL: [AcmeProfile; 3] = [Self::Classic, Self::TlsServer, Self::ShortLived];

    /// The profile's name in the directory, newOrder and the order object; stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Classic => "classic",
            Self::TlsServer => "tlsserver",
            Self::ShortLived => "shortlived",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// The creation form. Ids arrive as text from the `<select>`s and are parsed on the server,
/// which answers a bad one with a field error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcmeCredentialForm {
    /// The e-mail address of the user of the account the ACME client acts as.
    #[serde(default)]
    pub user: String,
    /// A group id; empty for the account's default group.
    #[serde(default)]
    pub group: String,
    #[serde(default)]
    pub product: String,
    /// Comma-separated.
    #[serde(default)]
    pub tags: String,
    /// An organization id for an OV product; empty for DV.
    #[serde(default)]
    pub organization: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcmeCredentialView {
    pub id: i32,
    pub key_id: String,
    pub user: String,
    pub group: String,
    pub product: String,
    /// The organization its OV orders name; empty for DV.
    pub organization: String,
    pub tags: String,
    pub created: super::Moment,
    /// When an ACME account was bound with it; `None` while unused.
    pub bound: Option<super::Moment>,
    pub revoked: Option<super::Moment>,
}

/// A choice in a `<select>`: the value sent and the text shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcmeCredentialsPage {
    pub credentials: Vec<AcmeCredentialView>,
    /// The account's active users' e-mail addresses.
    pub users: Vec<String>,
    /// The account's groups, the default one first.
    pub groups: Vec<Choice>,
    /// The TLS products the account may order.
    pub products: Vec<Choice>,
    /// The account's verified organizations, for OV products.
    pub organizations: Vec<Choice>,
    pub directory_url: String,
}

/// A credential just made: the only time its HMAC key is ever shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcmeCredentialCreated {
    pub key_id: String,
    /// base64url, as certbot's `--eab-hmac-key` and lego's `--hmac` take it.
    pub hmac_key: String,
    pub directory_url: String,
}

impl AcmeCredentialCreated {
    /// The `lego` command line that registers with the credential and obtains a certificate
    /// (HTTP-01 on port 80); the domain and e-mail are placeholders the reader replaces.
    /// Values are joined to their flags with `=`: a base64url key or ID may start with `-`,
    /// which as an argument of its own both clients read as another option.
    pub fn lego_command(&self) -> String {
        format!(
            "lego --server {} --eab --kid={} --hmac={} --email you@example.com --domains www.example.com --http run",
            self.directory_url, self.key_id, self.hmac_key
        )
    }

    pub fn certbot_command(&self) -> String {
        format!(
            "certbot certonly --standalone --server {} --eab-kid={} --eab-hmac-key={} --email you@example.com --agree-tos -d www.example.com",
            self.directory_url, self.key_id, self.hmac_key
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_names_are_exactly_the_advertised_ones_and_read_back() {
        let names: Vec<&str> = AcmeProfile::ALL.iter().map(|p| p.as_str()).collect();
        assert_eq!(names, ["classic", "tlsserver", "shortlived"]);
        for p in AcmeProfile::ALL {
            assert_eq!(AcmeProfile::parse(p.as_str()), Some(p));
        }
        for unknown in ["", "Classic", "short-lived", "tls-server", "default"] {
            assert_eq!(AcmeProfile::parse(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn the_command_lines_carry_the_directory_and_both_halves_of_the_credential() {
        let c = AcmeCredentialCreated {
            key_id: "kid1".into(),
            hmac_key: "hmac1".into(),
            directory_url: "https://ca.example/acme/directory".into(),
        };
        for line in [c.lego_command(), c.certbot_command()] {
            assert!(line.contains("https://ca.example/acme/directory"), "{line}");
            assert!(line.contains("=kid1 "), "{line}");
            assert!(line.contains("=hmac1 "), "{line}");
        }
        assert!(
            c.certbot_command()
                .contains("--eab-kid=kid1 --eab-hmac-key=hmac1")
        );
        assert!(c.lego_command().contains("--eab --kid=kid1 --hmac=hmac1"));
    }

    #[test]
    fn a_key_that_starts_with_a_dash_stays_the_value_of_its_flag() {
        let c = AcmeCredentialCreated {
            key_id: "-kid".into(),
            hmac_key: "-hmac".into(),
            directory_url: "https://ca.example/acme/directory".into(),
        };
        assert!(c.lego_command().contains("--kid=-kid --hmac=-hmac "));
        assert!(
            c.certbot_command()
                .contains("--eab-kid=-kid --eab-hmac-key=-hmac ")
        );
        for line in [c.lego_command(), c.certbot_command()] {
            assert!(
                !line.contains(" -kid") && !line.contains(" -hmac"),
                "{line}"
            );
        }
    }
}

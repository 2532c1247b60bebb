//! Passkeys as the profile and the sign-in pages see them.

use serde::{Deserialize, Serialize};

/// What a stored WebAuthn ceremony is for: its state answers only that step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CeremonyPurpose {
    Register,
    SignIn,
    SecondFactor,
}

impl CeremonyPurpose {
    pub const ALL: [CeremonyPurpose; 3] = [Self::Register, Self::SignIn, Self::SecondFactor];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Register => "register",
            Self::SignIn => "sign_in",
            Self::SecondFactor => "second_factor",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyView {
    pub id: i32,
    pub name: String,
    /// `YYYY-MM-DD`.
    pub added_on: super::Day,
    /// `YYYY-MM-DD HH:MM UTC`, or `None` before its first use.
    pub last_used: Option<super::Moment>,
}

/// A WebAuthn challenge: the options for `navigator.credentials` as JSON, and the token that
/// names the ceremony when the browser's answer comes back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyChallengeView {
    pub ceremony: String,
    pub options: String,
}

/// What the second-factor page offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactorChoicesView {
    pub code: bool,
    pub passkey: bool,
}

/// Whether passkeys can work on the page the browser shows: browsers refuse WebAuthn at an IP
/// address, and the server accepts passkeys only from its configured passkey origin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyAvailability {
    pub available: bool,
    /// Why they are off here, when they are.
    pub why_not: Option<String>,
    /// Where they work (the passkey origin), when that is a place a browser can use them.
    pub works_at: Option<String>,
    /// The catalogue key of `why_not`, for the page in the reader's language (`{ $address }`
    /// is `works_at`).
    #[serde(default)]
    pub why_not_key: Option<String>,
}

/// The host of a `Host` header or URL authority (`host[:port]`, `[v6]:port`), lower-cased, and
/// whether it is an IP address.
fn host_of(authority: &str) -> (String, bool) {
    let authority = authority.trim().to_ascii_lowercase();
    if let Some(rest) = authority.strip_prefix('[') {
        let v6 = rest.split(']').next().unwrap_or_default().to_owned();
        return (v6, true);
    }
    let host = match authority.rsplit_once(':') {
        Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) => h.to_owned(),
        _ => authority,
    };
    let ip = host.parse::<std::net::IpAddr>().is_ok();
    (host, ip)
}

/// The authority (`host[:port]`) of an origin such as `https://pki.example.com`.
fn authority_of(origin: &str) -> &str {
    let rest = origin.split_once("://").map_or(origin, |(_, r)| r);
    rest.split('/').next().unwrap_or_default()
}

/// Whether passkeys can work for a page addressed to `request_host` (the `Host` header), given
/// the server's passkey origin (`None` when passkeys are not set up).
pub fn passkey_availability(
    request_host: Option<&str>,
    passkey_origin: Option<&str>,
) -> PasskeyAvailability {
    let off = |(key, why): (&str, String), works_at: Option<String>| PasskeyAvailability {
        available: false,
        why_not: Some(why),
        why_not_key: Some(key.to_owned()),
        works_at,
    };
    let Some(origin) = passkey_origin.map(|o| o.trim_end_matches('/')) else {
        return off(
            (
                "passkeys-off-not-set-up",
                "Passkeys are not set up on this server.".into(),
            ),
            None,
        );
    };
    let origin_authority = authority_of(origin).to_ascii_lowercase();
    let (origin_host, origin_is_ip) = host_of(&origin_authority);
    let works_at = (!origin_is_ip && !origin_host.is_empty()).then(|| origin.to_owned());
    let request_authority = request_host.unwrap_or_default().trim().to_ascii_lowercase();
    let (_, request_is_ip) = host_of(&request_authority);
    if request_is_ip {
        return off(
            (
                "passkeys-off-ip",
                "Passkeys are off at this address: browsers allow them only at a host name, not \
                 at an IP address."
                    .into(),
            ),
            works_at,
        );
    }
    if request_authority != origin_authority {
        return off(
            match &works_at {
                Some(at) => (
                    "passkeys-off-only-at",
                    format!("Passkeys are off at this address: they work only at {at}."),
                ),
                None => (
                    "passkeys-off-origin-not-host",
                    "Passkeys are off at this address: the server's passkey origin is not \
                     a host name a browser accepts."
                        .into(),
                ),
            },
            works_at,
        );
    }
    if origin_is_ip {
        return off(
            (
                "passkeys-off-origin-ip",
                "Passkeys are off: the server's passkey origin is an IP address, which browsers \
                 refuse. Ask the operator to set ROOTLINE_PASSKEY_ORIGIN to a host name."
                    .into(),
            ),
            None,
        );
    }
    PasskeyAvailability {
        available: true,
        why_not: None,
        works_at: None,
        why_not_key: None,
    }
}

#[cfg(test)]
mod tests {
    use super::passkey_availability;

    #[test]
    fn passkeys_are_offered_at_the_passkey_origins_host() {
        let a = passkey_availability(Some("localhost:3000"), Some("http://localhost:3000/"));
        assert!(a.available);
        assert_eq!(a.why_not, None);
        let b = passkey_availability(Some("PKI.example.com"), Some("https://pki.example.com"));
        assert!(b.available);
    }

    #[test]
    fn passkeys_are_off_at_an_ip_address_with_a_link_to_where_they_work() {
        let a = passkey_availability(Some("127.0.0.1:3000"), Some("http://localhost:3000/"));
        assert!(!a.available);
        assert!(a.why_not.unwrap_or_default().contains("IP address"));
        assert_eq!(a.works_at.as_deref(), Some("http://localhost:3000"));
        let v6 = passkey_availability(Some("[::1]:3000"), Some("http://localhost:3000"));
        assert!(!v6.available);
    }

    #[test]
    fn passkeys_are_off_at_another_host_or_port_than_the_origin() {
        let a = passkey_availability(Some("portal.test:3000"), Some("http://localhost:3000"));
        assert!(!a.available);
        assert_eq!(a.works_at.as_deref(), Some("http://localhost:3000"));
        let b = passkey_availability(Some("localhost:3001"), Some("http://localhost:3000"));
        assert!(!b.available);
    }

    #[test]
    fn passkeys_are_off_when_not_set_up_or_the_origin_is_an_ip_address() {
        assert!(!passkey_availability(Some("localhost"), None).available);
        let a = passkey_availability(Some("10.0.0.1"), Some("http://10.0.0.1"));
        assert!(!a.available);
        assert_eq!(a.works_at, None);
    }
}

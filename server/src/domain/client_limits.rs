//! Limits per client address on the public actions that need no account (and so no per-user
//! throttle): signing up, the delegate's PIN download, tracking links, and domain checks that
//! may send validation mail. Each is counted over a window by one generic throttle.

use std::net::IpAddr;

use chrono::Duration;

/// What is being throttled; each has its own count per client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThrottleScope {
    /// New accounts (each mails an activation link to any address given).
    SignUp,
    /// Delegated certificate downloads (each checks a PIN with Argon2).
    DelegatePin,
    /// Anything done through a tracking link (views, downloads, actions).
    Tracking,
    /// "Verify now" on a domain: DNS and HTTP lookups, or the validation e-mail sent again.
    DomainCheck,
}

impl ThrottleScope {
    /// The name stored with each attempt.
    pub fn code(self) -> &'static str {
        match self {
            Self::SignUp => "sign_up",
            Self::DelegatePin => "delegate_pin",
            Self::Tracking => "tracking",
            Self::DomainCheck => "domain_check",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [
            Self::SignUp,
            Self::DelegatePin,
            Self::Tracking,
            Self::DomainCheck,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    /// Attempts one client may make within [`Self::window`].
    pub fn limit(self) -> u64 {
        match self {
            // A small office signing its colleagues up behind one address stays well within.
            Self::SignUp => 10,
            // Per order, five wrong PINs already lock it; this stops spraying many orders.
            Self::DelegatePin => 20,
            // A person following their links and acting on an order stays well within.
            Self::Tracking => 120,
            Self::DomainCheck => 30,
        }
    }

    pub fn window(self) -> Duration {
        match self {
            Self::SignUp => Duration::hours(1),
            Self::DelegatePin | Self::Tracking | Self::DomainCheck => Duration::minutes(15),
        }
    }
}

/// The longest window: attempts older than this count nowhere and may be deleted.
pub const LONGEST_WINDOW: Duration = Duration::hours(1);

/// Whom an attempt is counted against. An IPv4 address is one client; an IPv6 client usually
/// holds a whole /64, so its attempts count against the /64 (otherwise each of its 2^64
/// addresses would get a fresh allowance).
pub fn client_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let bits = u128::from(v6) & !(u128::MAX >> 64);
                format!("{}/64", std::net::Ipv6Addr::from(bits))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_keys() {
        let cases = [
            ("192.0.2.7", "192.0.2.7"),
            ("::ffff:192.0.2.7", "192.0.2.7"),
            ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
            ("2001:db8:1:2:bbbb::9", "2001:db8:1:2::/64"),
            ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
        ];
        for (ip, key) in cases {
            assert_eq!(client_key(ip.parse().unwrap()), key, "{ip}");
        }
    }

    #[test]
    fn every_window_fits_in_the_longest() {
        for scope in [
            ThrottleScope::SignUp,
            ThrottleScope::DelegatePin,
            ThrottleScope::Tracking,
            ThrottleScope::DomainCheck,
        ] {
            assert!(scope.window() <= LONGEST_WINDOW, "{scope:?}");
            assert!(scope.code().len() <= 32);
        }
    }
}

//! Address ranges of IP restriction rules: a start and an end address of one family,
//! inclusive, start not after end.

use std::net::IpAddr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpRange {
    start: IpAddr,
    end: IpAddr,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RangeError {
    #[error("{0:?} is not an IPv4 or IPv6 address")]
    NotAnAddress(String),
    #[error("the start and end addresses must both be IPv4 or both IPv6")]
    MixedFamilies,
    #[error("the end address must not come before the start address")]
    Backwards,
}

impl RangeError {
    /// What is wrong, as a sentence for the reader in their language.
    pub fn msg(&self) -> app::i18n::Msg {
        use app::i18n::Msg;
        match self {
            Self::NotAnAddress(raw) => Msg::new("err-range-not-an-address").arg("value", raw),
            Self::MixedFamilies => Msg::new("err-range-mixed-families"),
            Self::Backwards => Msg::new("err-range-backwards"),
        }
    }
}

/// Compares addresses of one family; IPv4-mapped IPv6 addresses count as IPv4.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

impl IpRange {
    pub fn parse(start: &str, end: &str) -> Result<Self, (&'static str, RangeError)> {
        let parse = |field: &'static str, raw: &str| {
            raw.trim()
                .parse::<IpAddr>()
                .map(canonical)
                .map_err(|_| (field, RangeError::NotAnAddress(raw.trim().to_owned())))
        };
        let start = parse("start", start)?;
        // An empty end means the single start address.
        let end = if end.trim().is_empty() {
            start
        } else {
            parse("end", end)?
        };
        match (start, end) {
            (IpAddr::V4(a), IpAddr::V4(b)) if a > b => Err(("end", RangeError::Backwards)),
            (IpAddr::V6(a), IpAddr::V6(b)) if a > b => Err(("end", RangeError::Backwards)),
            (IpAddr::V4(_), IpAddr::V4(_)) | (IpAddr::V6(_), IpAddr::V6(_)) => {
                Ok(Self { start, end })
            }
            _ => Err(("end", RangeError::MixedFamilies)),
        }
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.start, self.end, canonical(ip)) {
            (IpAddr::V4(a), IpAddr::V4(b), IpAddr::V4(x)) => a <= x && x <= b,
            (IpAddr::V6(a), IpAddr::V6(b), IpAddr::V6(x)) => a <= x && x <= b,
            _ => false,
        }
    }

    pub fn start(&self) -> IpAddr {
        self.start
    }

    pub fn end(&self) -> IpAddr {
        self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_contain_their_ends_and_nothing_outside() {
        let r = IpRange::parse("10.0.0.10", "10.0.0.20").unwrap();
        for (ip, inside) in [
            ("10.0.0.10", true),
            ("10.0.0.20", true),
            ("10.0.0.15", true),
            ("10.0.0.9", false),
            ("10.0.0.21", false),
            ("::ffff:10.0.0.15", true),
            ("fd00::15", false),
        ] {
            assert_eq!(r.contains(ip.parse().unwrap()), inside, "{ip}");
        }
        let v6 = IpRange::parse("2001:db8::", "2001:db8::ffff").unwrap();
        assert!(v6.contains("2001:db8::1234".parse().unwrap()));
        assert!(!v6.contains("2001:db9::".parse().unwrap()));
        let single = IpRange::parse("192.0.2.7", "").unwrap();
        assert!(single.contains("192.0.2.7".parse().unwrap()));
        assert!(!single.contains("192.0.2.8".parse().unwrap()));
    }

    #[test]
    fn malformed_mixed_and_backwards_ranges_are_refused_on_their_field() {
        assert_eq!(IpRange::parse("10.0.0.300", "").unwrap_err().0, "start");
        assert_eq!(IpRange::parse("10.0.0.1", "ten").unwrap_err().0, "end");
        assert_eq!(
            IpRange::parse("10.0.0.1", "::1").unwrap_err().1,
            RangeError::MixedFamilies
        );
        assert_eq!(
            IpRange::parse("10.0.0.9", "10.0.0.1").unwrap_err().1,
            RangeError::Backwards
        );
    }
}

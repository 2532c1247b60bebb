//! Which client a request comes from when the portal sits behind reverse proxies. Only a
//! proxy the operator trusts may name the client (in `X-Forwarded-For`); anyone else could
//! write any address there and escape every per-client throttle and IP rule.

use std::net::IpAddr;

/// An address block (`192.0.2.0/24`, `2001:db8::/32`, or one address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CidrError {
    #[error("{0:?} is not an IP address or an address block such as 10.0.0.0/8")]
    NotABlock(String),
    #[error("{0:?}: the prefix length is longer than the address")]
    PrefixTooLong(String),
}

/// IPv4-mapped IPv6 addresses count as IPv4 (a dual-stack listener reports them so).
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

impl Cidr {
    pub fn parse(raw: &str) -> Result<Self, CidrError> {
        let raw = raw.trim();
        let bad = || CidrError::NotABlock(raw.to_owned());
        let (address, prefix) = match raw.split_once('/') {
            Some((a, p)) => (a, Some(p.parse::<u8>().map_err(|_| bad())?)),
            None => (raw, None),
        };
        let network = canonical(address.parse::<IpAddr>().map_err(|_| bad())?);
        let bits = match network {
            IpAddr::V4(_) => 32,
            IpAddr::V6(_) => 128,
        };
        let prefix = prefix.unwrap_or(bits);
        if prefix > bits {
            return Err(CidrError::PrefixTooLong(raw.to_owned()));
        }
        Ok(Self { network, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.network, canonical(ip)) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// The proxies whose `X-Forwarded-For` is believed; none by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Cidr>);

impl TrustedProxies {
    /// A comma-separated list of addresses and blocks; empty trusts nobody.
    pub fn parse(list: &str) -> Result<Self, CidrError> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(Cidr::parse)
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    pub fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|c| c.contains(ip))
    }

    /// The client of a request that reached us from `peer` with these `X-Forwarded-For`
    /// values (in header order). From a peer we do not trust, the header is ignored. From a
    /// trusted one, the chain is read from the right — each hop appends the address it saw —
    /// and the first address that is not itself a trusted proxy is the client; whatever stands
    /// left of it was written by the client and may be forged. A chain of trusted proxies
    /// only, or an unreadable entry, leaves the last address we could vouch for.
    pub fn client<'a>(&self, peer: IpAddr, forwarded_for: impl Iterator<Item = &'a str>) -> IpAddr {
        let peer = canonical(peer);
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<&str> = forwarded_for.flat_map(|v| v.split(',')).collect();
        let mut client = peer;
        for hop in hops.iter().rev() {
            let Ok(ip) = hop.trim().parse::<IpAddr>().map(canonical) else {
                return client;
            };
            client = ip;
            if !self.trusts(ip) {
                return ip;
            }
        }
        client
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn blocks_parse_and_contain() {
        let cases = [
            ("10.0.0.0/8", "10.200.1.1", true),
            ("10.0.0.0/8", "11.0.0.1", false),
            ("192.0.2.5", "192.0.2.5", true),
            ("192.0.2.5", "192.0.2.6", false),
            ("0.0.0.0/0", "203.0.113.1", true),
            ("2001:db8::/32", "2001:db8:ffff::1", true),
            ("2001:db8::/32", "2001:db9::1", false),
            ("127.0.0.1", "::ffff:127.0.0.1", true),
            ("10.0.0.0/8", "::1", false),
        ];
        for (block, addr, inside) in cases {
            assert_eq!(
                Cidr::parse(block).unwrap().contains(ip(addr)),
                inside,
                "{block} {addr}"
            );
        }
        assert!(matches!(
            Cidr::parse("10.0.0.0/33"),
            Err(CidrError::PrefixTooLong(_))
        ));
        assert!(matches!(Cidr::parse("proxy"), Err(CidrError::NotABlock(_))));
        assert!(TrustedProxies::parse("10.0.0.1, nonsense").is_err());
        assert_eq!(
            TrustedProxies::parse(" ").unwrap(),
            TrustedProxies::default()
        );
    }

    #[test]
    fn the_header_is_ignored_from_an_untrusted_peer() {
        let proxies = TrustedProxies::parse("10.0.0.1").unwrap();
        assert_eq!(
            proxies.client(ip("203.0.113.9"), ["198.51.100.1"].into_iter()),
            ip("203.0.113.9")
        );
        // Nothing is trusted by default.
        assert_eq!(
            TrustedProxies::default().client(ip("10.0.0.1"), ["198.51.100.1"].into_iter()),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn the_header_is_honoured_from_a_trusted_proxy() {
        let proxies = TrustedProxies::parse("10.0.0.0/8").unwrap();
        assert_eq!(
            proxies.client(ip("10.0.0.1"), ["198.51.100.1"].into_iter()),
            ip("198.51.100.1")
        );
        // Two trusted hops: the client is the first address that is not one of ours.
        assert_eq!(
            proxies.client(ip("10.0.0.1"), ["198.51.100.1, 10.0.0.2"].into_iter()),
            ip("198.51.100.1")
        );
        // No header at all: the proxy itself.
        assert_eq!(
            proxies.client(ip("10.0.0.1"), [].into_iter()),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn spoofed_left_most_entries_are_ignored() {
        let proxies = TrustedProxies::parse("10.0.0.1").unwrap();
        // The client wrote "1.2.3.4" itself; the proxy appended what it saw.
        assert_eq!(
            proxies.client(ip("10.0.0.1"), ["1.2.3.4, 203.0.113.9"].into_iter()),
            ip("203.0.113.9")
        );
        // The same across several header lines.
        assert_eq!(
            proxies.client(ip("10.0.0.1"), ["1.2.3.4", "203.0.113.9"].into_iter()),
            ip("203.0.113.9")
        );
        // Garbage written by the client stops the walk at the last address we vouch for.
        assert_eq!(
            proxies.client(ip("10.0.0.1"), ["not-an-ip, 203.0.113.9"].into_iter()),
            ip("203.0.113.9")
        );
    }
}

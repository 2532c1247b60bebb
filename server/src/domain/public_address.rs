//! Whether an address is globally routable: domain validation connects only to such
//! addresses, so a customer's DNS cannot point the CA's fetcher at its own network
//! (loopback, private ranges, link-local cloud metadata at 169.254.169.254, …). The ranges
//! are IANA's special-purpose registries for IPv4 and IPv6 (RFC 6890 and its updates).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// `true` when `ip` is a public unicast address.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => public_v4(v4),
        IpAddr::V6(v6) => public_v6(v6),
    }
}

fn public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    let special = a == 0 // "this network"
        || a == 10 // private
        || a == 127 // loopback
        || (a == 100 && (64..128).contains(&b)) // shared address space (carrier-grade NAT)
        || (a == 169 && b == 254) // link-local, cloud metadata
        || (a == 172 && (16..32).contains(&b)) // private
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2) // documentation
        || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
        || (a == 192 && b == 168) // private
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || (a == 198 && b == 51 && c == 100) // documentation
        || (a == 203 && b == 0 && c == 113) // documentation
        || a >= 224; // multicast, reserved and broadcast
    !special
}

fn public_v6(ip: Ipv6Addr) -> bool {
    // An IPv4-mapped address reaches the IPv4 address it carries.
    if let Some(v4) = ip.to_ipv4_mapped() {
        return public_v4(v4);
    }
    let s = ip.segments();
    let [s0, s1, ..] = s;
    let special = ip.is_unspecified()
        || ip.is_loopback()
        || s[..6] == [0; 6] // IPv4-compatible (deprecated)
        || (s0 == 0x0064 && s1 == 0xff9b) // NAT64: reaches an IPv4 address, possibly private
        || (s0 == 0x0100 && s[1..4] == [0; 3]) // discard-only
        || (s0 == 0x2001 && s1 < 0x0200) // IETF protocol assignments, Teredo, ORCHID
        || (s0 == 0x2001 && s1 == 0x0db8) // documentation
        || s0 == 0x2002 // 6to4: reaches an IPv4 address, possibly private
        || s0 == 0x3fff // documentation (RFC 9637)
        || (s0 & 0xfe00) == 0xfc00 // unique local
        || (s0 & 0xffc0) == 0xfe80 // link-local
        || (s0 & 0xffc0) == 0xfec0 // site-local (deprecated)
        || (s0 & 0xff00) == 0xff00; // multicast
    !special
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_globally_routable_addresses_are_public() {
        let table = [
            ("8.8.8.8", true),
            ("1.1.1.1", true),
            ("93.184.216.34", true),
            ("172.32.0.1", true),
            ("100.128.0.1", true),
            ("2606:4700:4700::1111", true),
            ("2a00:1450:4001:80b::200e", true),
            ("0.0.0.0", false),
            ("0.1.2.3", false),
            ("127.0.0.1", false),
            ("127.255.255.254", false),
            ("10.0.0.1", false),
            ("172.16.0.1", false),
            ("172.31.255.255", false),
            ("192.168.1.1", false),
            ("169.254.169.254", false),
            ("100.64.0.1", false),
            ("100.127.255.255", false),
            ("192.0.0.8", false),
            ("192.0.2.1", false),
            ("198.18.0.1", false),
            ("198.51.100.7", false),
            ("203.0.113.9", false),
            ("224.0.0.1", false),
            ("239.255.255.250", false),
            ("240.0.0.1", false),
            ("255.255.255.255", false),
            ("::", false),
            ("::1", false),
            ("::ffff:127.0.0.1", false),
            ("::ffff:10.1.2.3", false),
            ("::127.0.0.1", false),
            ("64:ff9b::7f00:1", false),
            ("2001:db8::1", false),
            ("2002:7f00:1::1", false),
            ("fc00::1", false),
            ("fd12:3456::1", false),
            ("fe80::1", false),
            ("febf::1", false),
            ("fec0::1", false),
            ("ff02::1", false),
            ("100::1", false),
            ("2001::1", false),
        ];
        for (ip, public) in table {
            assert_eq!(is_public(ip.parse().unwrap()), public, "{ip}");
        }
        assert!(is_public("::ffff:8.8.8.8".parse().unwrap()));
    }
}

//! DNS names as certificates carry them: the rule the order forms and the CA share.

use crate::i18n::Msg;

/// Top-level names that are never public (RFC 2606, 6761, 6762, ICANN's .internal) or are
/// common internal conventions a public CA must not certify.
pub const NON_PUBLIC_TLDS: &[&str] = &[
    "local",
    "localhost",
    "internal",
    "test",
    "example",
    "invalid",
    "lan",
    "home",
    "corp",
    "intranet",
    "private",
    "localdomain",
    "arpa",
    "onion",
    "alt",
];

fn ldh_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 63
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Checks a DNS name, allowing `*.` as the whole first label when `public`; the error is the
/// rule that was broken.
pub fn check_dns(name: &str, public: bool) -> Result<(), Msg> {
    if name.is_empty() || name.len() > 253 {
        return Err(Msg::new("err-dns-rule-length"));
    }
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(Msg::new("err-dns-rule-lower-case"));
    }
    let mut labels: Vec<&str> = name.split('.').collect();
    if labels.first() == Some(&"*") {
        labels.remove(0);
    }
    if labels.iter().any(|l| !ldh_label(l)) {
        return Err(Msg::new("err-dns-rule-label"));
    }
    if labels.len() < 2 && public {
        return Err(Msg::new("err-dns-rule-two-labels"));
    }
    if let Some(tld) = labels.last() {
        if tld.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Msg::new("err-dns-rule-ip-address"));
        }
        if public && NON_PUBLIC_TLDS.contains(tld) {
            return Err(Msg::new("err-dns-rule-reserved"));
        }
    }
    if !public && name.starts_with("*.") {
        return Err(Msg::new("err-dns-rule-wildcard"));
    }
    Ok(())
}

/// What a user typed as a domain, made canonical: trimmed, lower case, no trailing dot.
pub fn normalize(raw: &str) -> String {
    raw.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// A public domain a user typed (for the domains page and DV orders): canonical and checked.
/// `wildcard` allows a leading `*.`.
pub fn parse_public(raw: &str, wildcard: bool) -> Result<String, Msg> {
    let name = normalize(raw);
    if name.is_empty() {
        return Err(Msg::new("err-enter-domain-name-such-example"));
    }
    if name.starts_with("*.") && !wildcard {
        return Err(Msg::new("err-wildcard-needs-wildcard-product-enter"));
    }
    check_dns(&name, true).map_err(|rule| {
        Msg::new("err-name-not-domain-we-can")
            .arg("name", &name)
            .arg("rule", rule)
    })?;
    Ok(name)
}

/// The name without a leading `*.`: the domain whose control a wildcard needs.
pub fn base_of(name: &str) -> &str {
    name.strip_prefix("*.").unwrap_or(name)
}

/// Whether `name` is `domain` or one of its sub-domains (label-wise, not by text suffix).
pub fn is_within(name: &str, domain: &str) -> bool {
    let name = base_of(name);
    name == domain
        || name
            .strip_suffix(domain)
            .is_some_and(|head| head.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_names_are_canonical_and_checked() {
        assert_eq!(
            parse_public(" WWW.Example.COM. ", false).as_deref(),
            Ok("www.example.com")
        );
        assert!(parse_public("*.example.com", false).is_err());
        assert_eq!(
            parse_public("*.example.com", true).as_deref(),
            Ok("*.example.com")
        );
        for bad in [
            "",
            "localhost",
            "server.corp",
            "a..b.com",
            "-a.com",
            "10.0.0.1",
            "a_b.com",
            "x.*.com",
        ] {
            assert!(parse_public(bad, true).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn a_sub_domain_is_within_its_base_but_a_look_alike_is_not() {
        assert!(is_within("shop.example.com", "example.com"));
        assert!(is_within("*.example.com", "example.com"));
        assert!(is_within("example.com", "example.com"));
        assert!(!is_within("badexample.com", "example.com"));
        assert!(!is_within("example.com", "shop.example.com"));
    }
}

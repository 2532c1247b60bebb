use crate::i18n::Msg;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A syntactically valid mailbox address (RFC 5321 limits, dot-atom local part, LDH domain),
/// normalised to lower case so one mailbox is one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, Msg> {
        let value = raw.trim().to_lowercase();
        if value.is_empty() {
            return Err(Msg::new("err-enter-mail-address"));
        }
        let invalid = || Msg::new("err-enter-mail-address-like-name");
        if value.len() > 254 {
            return Err(Msg::new("err-mail-address-has-most-254"));
        }
        let (local, domain) = value.rsplit_once('@').ok_or_else(invalid)?;
        if local.is_empty() || local.len() > 64 || !valid_local_part(local) {
            return Err(invalid());
        }
        if !valid_domain(domain) {
            return Err(invalid());
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn local_part(&self) -> &str {
        self.0.split('@').next().unwrap_or_default()
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn valid_local_part(local: &str) -> bool {
    const SPECIALS: &str = "!#$%&'*+/=?^_`{|}~-";
    !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || SPECIALS.contains(c))
}

/// A host name of at least two labels, each 1–63 letters, digits or inner hyphens,
/// with a top-level label that is not all digits.
pub fn valid_domain(domain: &str) -> bool {
    if domain.is_empty() || domain.len() > 253 {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let labels_ok = labels.iter().all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    let tld_ok = labels
        .last()
        .is_some_and(|tld| !tld.chars().all(|c| c.is_ascii_digit()));
    labels_ok && tld_ok
}

/// Addresses separated by commas, semicolons or new lines, at most `max` of them.
pub fn email_list(raw: &str, max: usize) -> Result<Vec<String>, Msg> {
    email_items(&email_parts(raw), max)
}

/// The addresses of a list typed with commas, semicolons or new lines between them, as
/// typed (`email_items` checks them).
pub fn email_parts(raw: &str) -> Vec<String> {
    raw.split([',', '\n', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A list of addresses checked: each one valid, lower case, no repeats, at most `max`.
pub fn email_items(parts: &[String], max: usize) -> Result<Vec<String>, Msg> {
    let mut out: Vec<String> = Vec::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let e = Email::parse(part)
            .map_err(|_| Msg::new("err-part-not-mail-address").arg("part", part))?;
        if !out.iter().any(|o| o == e.as_str()) {
            out.push(e.as_str().to_owned());
        }
    }
    if out.len() > max {
        return Err(Msg::new("err-enter-most-max-addresses").arg("max", max));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_lowercases_them() {
        assert_eq!(
            Email::parse(" Asha.Rao+pki@Example.CO.in ")
                .unwrap()
                .as_str(),
            "asha.rao+pki@example.co.in"
        );
    }

    #[test]
    fn refuses_malformed_addresses() {
        for bad in [
            "",
            "plain",
            "@example.com",
            "a@",
            "a@localhost",
            "a@@example.com",
            ".a@example.com",
            "a.@example.com",
            "a..b@example.com",
            "a@-example.com",
            "a@example-.com",
            "a@example..com",
            "a@1.2.3.4",
            "a b@example.com",
            "\"quoted\"@example.com",
            "a@exa_mple.com",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
        let long_local = format!("{}@example.com", "a".repeat(65));
        assert!(Email::parse(&long_local).is_err());
        let long_total = format!("a@{}.com", "b".repeat(250));
        assert!(Email::parse(&long_total).is_err());
    }

    #[test]
    fn local_part_is_what_precedes_the_at_sign() {
        assert_eq!(
            Email::parse("asha@example.com").unwrap().local_part(),
            "asha"
        );
    }
}

//! Which subject names a profile allows. Public TLS names must be syntactically valid DNS
//! names under a public top-level domain; reserved and internal names are refused.

use super::profiles::NameKind;

/// A refusal with the rule that was broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRefusal {
    pub name: String,
    /// In English: the CA's refusals go to its log and to API clients.
    pub reason: String,
}

/// Checks a DNS name, allowing `*.` as the whole first label when `public` (the rule the order
/// forms share).
pub fn check_dns(name: &str, public: bool) -> Result<(), NameRefusal> {
    app::model::dns_name::check_dns(name, public).map_err(|rule| NameRefusal {
        name: name.to_owned(),
        reason: rule.text(app::i18n::Lang::En),
    })
}

/// Checks a mailbox address (the shared `app::model` rule).
pub fn check_mailbox(address: &str) -> Result<(), NameRefusal> {
    match app::model::Email::parse(address) {
        Ok(e) if e.as_str() == address => Ok(()),
        Ok(_) => Err(NameRefusal {
            name: address.to_owned(),
            reason: "mailbox addresses must be in lower case without surrounding spaces".into(),
        }),
        Err(_) => Err(NameRefusal {
            name: address.to_owned(),
            reason: "not a valid mailbox address".into(),
        }),
    }
}

/// Checks every requested name against the profile; at least one name is required.
pub fn check_names(
    kind: NameKind,
    dns: &[String],
    mailboxes: &[String],
    ips: usize,
) -> Result<(), NameRefusal> {
    let none = || NameRefusal {
        name: String::new(),
        reason: "the request names nothing to certify".into(),
    };
    let wrong = |name: &str, reason: &str| NameRefusal {
        name: name.to_owned(),
        reason: reason.to_owned(),
    };
    if ips > 0 && kind != NameKind::Private {
        return Err(wrong(
            "(IP address)",
            "IP addresses are not allowed by this profile",
        ));
    }
    match kind {
        NameKind::PublicDns => {
            if let Some(m) = mailboxes.first() {
                return Err(wrong(
                    m,
                    "mailbox addresses are not allowed in a TLS server certificate",
                ));
            }
            if dns.is_empty() {
                return Err(none());
            }
            dns.iter().try_for_each(|d| check_dns(d, true))
        }
        NameKind::Mailbox => {
            if let Some(d) = dns.first() {
                return Err(wrong(
                    d,
                    "DNS names are not allowed in an S/MIME certificate",
                ));
            }
            if mailboxes.is_empty() {
                return Err(none());
            }
            mailboxes.iter().try_for_each(|m| check_mailbox(m))
        }
        NameKind::None => match dns.first().or(mailboxes.first()) {
            Some(name) => Err(wrong(
                name,
                "this profile certifies an organization; put no names in the request",
            )),
            None => Ok(()),
        },
        NameKind::PrivateDnsOrMailbox => {
            if dns.is_empty() && mailboxes.is_empty() {
                return Err(none());
            }
            dns.iter().try_for_each(|d| check_dns(d, false))?;
            mailboxes.iter().try_for_each(|m| check_mailbox(m))
        }
        NameKind::Private => {
            if dns.is_empty() && mailboxes.is_empty() && ips == 0 {
                return Err(none());
            }
            dns.iter().try_for_each(|d| check_dns(d, false))?;
            mailboxes.iter().try_for_each(|m| check_mailbox(m))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_dns_names_table() {
        let cases = [
            ("www.example.com", true),
            ("*.example.com", true),
            ("xn--bcher-kva.example", false),
            ("example.com", true),
            ("a.b.c.example.co.in", true),
            ("localhost", false),
            ("host.local", false),
            ("intranet.corp", false),
            ("foo_bar.example.com", false),
            ("*.*.example.com", false),
            ("www.*.example.com", false),
            ("-bad.example.com", false),
            ("WWW.EXAMPLE.COM", false),
            ("192.0.2.1", false),
            ("com", false),
            ("", false),
        ];
        for (name, ok) in cases {
            assert_eq!(check_dns(name, true).is_ok(), ok, "{name}");
        }
    }

    #[test]
    fn profiles_accept_only_their_kind_of_name() {
        let dns = vec!["www.example.com".to_owned()];
        let mail = vec!["asha@example.com".to_owned()];
        assert!(check_names(NameKind::PublicDns, &dns, &[], 0).is_ok());
        assert!(check_names(NameKind::PublicDns, &dns, &mail, 0).is_err());
        assert!(check_names(NameKind::PublicDns, &[], &[], 0).is_err());
        assert!(check_names(NameKind::PublicDns, &dns, &[], 1).is_err());
        assert!(check_names(NameKind::Mailbox, &[], &mail, 0).is_ok());
        assert!(check_names(NameKind::Mailbox, &dns, &mail, 0).is_err());
        assert!(check_names(NameKind::Mailbox, &[], &["Asha@Example.com".to_owned()], 0).is_err());
        assert!(
            check_names(
                NameKind::PrivateDnsOrMailbox,
                &["build.corp".to_owned()],
                &mail,
                0
            )
            .is_ok()
        );
        assert!(check_names(NameKind::PrivateDnsOrMailbox, &[], &mail, 1).is_err());
        assert!(check_names(NameKind::Private, &[], &[], 2).is_ok());
        assert!(check_names(NameKind::Private, &["build.corp".to_owned()], &[], 0).is_ok());
        assert!(check_names(NameKind::Private, &[], &[], 0).is_err());
    }
}

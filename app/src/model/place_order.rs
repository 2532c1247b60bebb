//! Placing an order as a command: what every edge asks for — the portal's wizard (from its
//! `OrderForm`), the REST API (from its JSON body), ACME (from newOrder) and a renewal (from
//! the order it renews) — as lists and typed choices rather than the wizard's text fields.
//! The product's rules (public or private names, wildcards, how many) are known only once
//! the product is, so `validate` takes them; services place orders from this command alone.

use super::{
    Email, FieldErrors, dns_name,
    email::email_items,
    orders::{KeySource, NameRules, ValidOrder, check_tags},
    text::{mobile, person_name},
};
use crate::i18n::Msg;

/// A person the order's notices go to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub email: String,
}

/// An order to place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlaceOrder {
    pub product_id: i32,
    pub validity_days: i64,
    /// The names to certify, the main one first, as asked for; `validate` makes them
    /// canonical by the product's rules.
    pub names: Vec<String>,
    /// Also certify `www.` of the main name (free, as one domain).
    pub add_www: bool,
    /// Where the key comes from; `None` when what was chosen is none of them.
    pub key_source: Option<KeySource>,
    /// The PEM CSR, empty when it comes later.
    pub csr_pem: String,
    pub requester: Contact,
    pub requester_phone: String,
    /// The technical contact; both fields empty for none.
    pub technical: Contact,
    /// More addresses that get the order's notices.
    pub extra_emails: Vec<String>,
    pub tags: Vec<String>,
    pub remarks: String,
    pub auto_renew: bool,
    /// Who may download the certificate with a PIN (ORD-10); both fields empty for none.
    pub delegate: Contact,
    /// The group that pays; `None` for the account's default group.
    pub group_id: Option<i32>,
    /// Save as a draft (On Hold) instead of paying now.
    pub draft: bool,
    /// A private product's dynamic subject fields, in `Field::ALL` order.
    pub attributes: Vec<String>,
    /// The organization an OV certificate names (its subject comes from the vetted record).
    pub organization_id: Option<super::OrganizationId>,
    /// The contract signer and certificate approver of an EV order.
    pub signatories: super::ev::Signatories,
}

const MAX_REMARKS: usize = 1000;

/// One name of a private certificate: an internal DNS name or an IP address.
fn private_name(raw: &str) -> Result<String, Msg> {
    let name = dns_name::normalize(raw);
    if name.parse::<std::net::IpAddr>().is_ok() {
        return Ok(name);
    }
    dns_name::check_dns(&name, false).map_err(|rule| {
        Msg::new("err-name-rule")
            .arg("name", &name)
            .arg("rule", rule)
    })?;
    Ok(name)
}

impl PlaceOrder {
    /// The names as entered, canonical, in order, without repeats; how many count; whether
    /// the `www.` variant was added.
    fn parse_names(&self, rules: NameRules) -> Result<(Vec<String>, u32, bool), Msg> {
        let mut names: Vec<String> = Vec::new();
        for raw in self.names.iter().filter(|p| !p.trim().is_empty()) {
            let name = if rules.public {
                dns_name::parse_public(raw, rules.wildcard)?
            } else {
                private_name(raw)?
            };
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let Some(main) = names.first().cloned() else {
            return Err(Msg::new("err-enter-domain-name-certify"));
        };
        let counted = u32::try_from(names.len()).unwrap_or(u32::MAX);
        if counted > rules.max_names {
            return Err(if rules.max_names == 1 && !rules.multi_domain {
                Msg::new("err-product-certifies-one-domain-choose")
            } else {
                Msg::new("err-order-covers-most-max-names").arg("max_names", rules.max_names)
            });
        }
        let mut www_added = false;
        if self.add_www && !main.starts_with("*.") && !main.starts_with("www.") {
            let www = format!("www.{main}");
            if !names.contains(&www) {
                names.insert(1, www);
                www_added = true;
            }
        }
        Ok((names, counted, www_added))
    }

    /// The download delegate, when one is named: both name and e-mail, or neither.
    fn delegate(&self, errors: &mut FieldErrors) -> Option<(String, String)> {
        let (name, email) = (self.delegate.name.trim(), self.delegate.email.trim());
        if name.is_empty() && email.is_empty() {
            return None;
        }
        let name = if name.is_empty() {
            errors.add("delegate_name", Msg::new("err-enter-delegate-s-name-clear"));
            None
        } else {
            errors.check("delegate_name", person_name(name))
        };
        let email = if email.is_empty() {
            errors.add(
                "delegate_email",
                Msg::new("err-enter-delegate-s-mail-clear"),
            );
            None
        } else {
            errors.check(
                "delegate_email",
                Email::parse(email).map(|e| e.as_str().to_owned()),
            )
        };
        name.zip(email)
    }

    pub fn validate(&self, rules: NameRules) -> Result<ValidOrder, FieldErrors> {
        let mut errors = FieldErrors::default();
        if self.product_id <= 0 {
            errors.add("product_id", Msg::new("err-choose-product"));
        }
        if self.validity_days <= 0 {
            errors.add("validity_days", Msg::new("err-choose-validity"));
        }
        // Only OV products name an organization; another product's form may carry one from
        // a product chosen before, which is dropped.
        let organization_id = rules.organization.and(self.organization_id);
        if rules.organization.is_some() && organization_id.is_none() {
            errors.add("organization_id", Msg::new("err-choose-organization"));
        }
        // Only EV orders name signatories; when they are wrong, `errors` says so and the
        // order is refused below.
        let signatories = match rules.organization {
            Some(super::organizations::VettingLevel::Ev) => self.signatories.validate(&mut errors),
            _ => None,
        };
        let requester_name = errors.check("requester_name", person_name(&self.requester.name));
        let requester_email = errors.check(
            "requester_email",
            Email::parse(&self.requester.email).map(|e| e.as_str().to_owned()),
        );
        let requester_phone = if self.requester_phone.trim().is_empty() {
            Some(String::new())
        } else {
            errors.check("requester_phone", mobile(&self.requester_phone))
        };
        let key_source = match self.key_source {
            Some(k) => Some(k),
            None => {
                errors.add(
                    "csr_source",
                    Msg::new("err-choose-how-provide-csr-generate"),
                );
                None
            }
        };
        let csr = self.csr_pem.trim();
        let csr_pem = match key_source {
            Some(KeySource::Later) | None => None,
            Some(_) if csr.is_empty() => {
                errors.add("csr_pem", Msg::new("err-provide-csr-choose-submit-later"));
                None
            }
            Some(_) if !csr.contains("-----BEGIN CERTIFICATE REQUEST-----") => {
                errors.add(
                    "csr_pem",
                    Msg::new("err-not-pem-certificate-signing-request"),
                );
                None
            }
            Some(_) => Some(csr.to_owned()),
        };
        let names = errors.check("names", self.parse_names(rules));
        if self.attributes.len() > super::template::Field::ALL.len()
            || self.attributes.iter().any(|a| a.chars().count() > 128)
        {
            errors.add(
                "attributes",
                Msg::new("err-each-certificate-field-has-most"),
            );
        }
        let tags: Vec<String> = self
            .tags
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        if let Err(e) = check_tags(&tags) {
            errors.add("tags", e);
        }
        let remarks = self.remarks.trim().to_owned();
        if remarks.chars().count() > MAX_REMARKS {
            errors.add("remarks", Msg::new("err-remarks-have-most-1000-characters"));
        }
        let tech_name = if self.technical.name.trim().is_empty() {
            Some(String::new())
        } else {
            errors.check("tech_name", person_name(&self.technical.name))
        };
        let tech_email = if self.technical.email.trim().is_empty() {
            Some(String::new())
        } else {
            errors.check(
                "tech_email",
                Email::parse(&self.technical.email).map(|e| e.as_str().to_owned()),
            )
        };
        let extra_emails = errors.check("extra_emails", email_items(&self.extra_emails, 10));
        let delegate = self.delegate(&mut errors);
        match (
            key_source,
            names,
            requester_name,
            requester_email,
            requester_phone,
            tech_name,
            tech_email,
            extra_emails,
        ) {
            (
                Some(key_source),
                Some((names, counted_names, www_added)),
                Some(requester_name),
                Some(requester_email),
                Some(requester_phone),
                Some(tech_name),
                Some(tech_email),
                Some(extra_emails),
            ) if errors.is_empty() => Ok(ValidOrder {
                key_source,
                csr_pem,
                names,
                counted_names,
                www_added,
                requester_name,
                requester_email,
                requester_phone,
                tags,
                remarks,
                tech_name,
                tech_email,
                extra_emails,
                delegate,
                organization_id,
                signatories,
            }),
            _ => Err(errors),
        }
    }
}

//! Private-CA certificate templates (Client TLS, Mutual TLS, Server TLS): which subject and
//! subjectAltName fields a private product puts in its certificates, each either fixed when
//! the product is made (the same in every certificate) or dynamic (given with each request).

use crate::i18n::Msg;
use std::{collections::BTreeMap, net::IpAddr};

/// The three templates a private product is built on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Template {
    ClientTls,
    MutualTls,
    ServerTls,
}

impl Template {
    pub const ALL: [Template; 3] = [Self::ClientTls, Self::MutualTls, Self::ServerTls];

    /// The CA profile that issues it.
    pub fn profile(self) -> &'static str {
        match self {
            Self::ClientTls => "private-client-tls",
            Self::MutualTls => "private-mutual-tls",
            Self::ServerTls => "private-server-tls",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::ClientTls => "Client TLS",
            Self::MutualTls => "Mutual TLS",
            Self::ServerTls => "Server TLS",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|t| t.label().eq_ignore_ascii_case(s) || t.profile() == s)
    }

    /// The setup a new product starts from: the fields that template needs, all dynamic.
    pub fn default_fields(self) -> Vec<FieldRule> {
        let dynamic = |field, required| FieldRule {
            field,
            mode: Mode::Dynamic { required },
        };
        match self {
            Self::ServerTls => vec![
                dynamic(Field::CommonName, true),
                dynamic(Field::Dns, true),
                dynamic(Field::Ip, false),
            ],
            Self::ClientTls => vec![
                dynamic(Field::CommonName, true),
                dynamic(Field::Email, false),
            ],
            Self::MutualTls => vec![
                dynamic(Field::CommonName, true),
                dynamic(Field::Dns, true),
                dynamic(Field::Ip, false),
            ],
        }
    }
}

/// A subject attribute or a kind of subjectAltName.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Field {
    CommonName,
    Organization,
    OrganizationalUnit,
    Locality,
    State,
    Country,
    Dns,
    Ip,
    Email,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Self::CommonName,
        Self::Organization,
        Self::OrganizationalUnit,
        Self::Locality,
        Self::State,
        Self::Country,
        Self::Dns,
        Self::Ip,
        Self::Email,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::CommonName => "Common name (CN)",
            Self::Organization => "Organization (O)",
            Self::OrganizationalUnit => "Organizational unit (OU)",
            Self::Locality => "Locality (L)",
            Self::State => "State or province (ST)",
            Self::Country => "Country (C)",
            Self::Dns => "DNS names",
            Self::Ip => "IP addresses",
            Self::Email => "E-mail addresses",
        }
    }

    /// Whether the field is a subjectAltName kind, which may hold several values.
    pub fn is_san(self) -> bool {
        matches!(self, Self::Dns | Self::Ip | Self::Email)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Mode {
    /// Set when the product is made; requests cannot change it.
    Fixed(Vec<String>),
    /// Given with each request; `required` refuses a request without it.
    Dynamic { required: bool },
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldRule {
    pub field: Field,
    pub mode: Mode,
}

/// The subject and names a certificate gets from its template, in the CA's terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TemplateSubject {
    /// Subject attributes in X.500 order (C, ST, L, O, OU, CN).
    pub attributes: Vec<(Field, String)>,
    pub dns: Vec<String>,
    pub ips: Vec<IpAddr>,
    pub emails: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("{} is fixed by the product and cannot be given with the request", .0.label())]
    FixedField(Field),
    #[error("{} is not part of this product", .0.label())]
    NotInProduct(Field),
    #[error("{} is required", .0.label())]
    Missing(Field),
    #[error("{} takes one value", .0.label())]
    OneValue(Field),
    #[error("{}: {:?} {}", .field.label(), .value, Msg::new(reason))]
    Invalid {
        field: Field,
        value: String,
        /// The catalogue key of the rule the value breaks.
        reason: &'static str,
    },
    #[error("{} appears twice in the template", .0.label())]
    Repeated(Field),
    #[error("the certificate would name nothing: give a DNS name, IP address or e-mail address")]
    NoNames,
}

impl TemplateError {
    /// What is wrong, for the reader in their language. The field names are the product
    /// form's own (X.509 attribute names), the same in every language.
    pub fn msg(&self) -> Msg {
        match self {
            Self::FixedField(f) => Msg::new("err-template-fixed").arg("field", f.label()),
            Self::NotInProduct(f) => {
                Msg::new("err-template-not-in-product").arg("field", f.label())
            }
            Self::Missing(f) => Msg::new("err-template-missing").arg("field", f.label()),
            Self::OneValue(f) => Msg::new("err-template-one-value").arg("field", f.label()),
            Self::Invalid {
                field,
                value,
                reason,
            } => Msg::new("err-template-invalid")
                .arg("field", field.label())
                .arg("value", value)
                .arg("reason", Msg::new(reason)),
            Self::Repeated(f) => Msg::new("err-template-repeated").arg("field", f.label()),
            Self::NoNames => Msg::new("err-template-no-names"),
        }
    }
}

/// Checks a product's rules on their own: each field once, fixed values valid.
pub fn check_rules(rules: &[FieldRule]) -> Result<(), TemplateError> {
    let mut seen = Vec::new();
    for rule in rules {
        if seen.contains(&rule.field) {
            return Err(TemplateError::Repeated(rule.field));
        }
        seen.push(rule.field);
        if let Mode::Fixed(values) = &rule.mode {
            if values.is_empty() {
                return Err(TemplateError::Missing(rule.field));
            }
            if values.len() > 1 && !rule.field.is_san() {
                return Err(TemplateError::OneValue(rule.field));
            }
            for v in values {
                check_value(rule.field, v)?;
            }
        }
    }
    Ok(())
}

/// Merges a product's fixed values with a request's dynamic ones into the certificate's
/// subject and names. Values are trimmed; empty ones count as absent.
pub fn resolve(
    rules: &[FieldRule],
    given: &BTreeMap<Field, Vec<String>>,
) -> Result<TemplateSubject, TemplateError> {
    check_rules(rules)?;
    for (field, values) in given {
        if values.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        match rules.iter().find(|r| r.field == *field) {
            None => return Err(TemplateError::NotInProduct(*field)),
            Some(FieldRule {
                mode: Mode::Fixed(_),
                ..
            }) => return Err(TemplateError::FixedField(*field)),
            Some(_) => {}
        }
    }
    let mut out = TemplateSubject::default();
    let order = [
        Field::Country,
        Field::State,
        Field::Locality,
        Field::Organization,
        Field::OrganizationalUnit,
        Field::CommonName,
        Field::Dns,
        Field::Ip,
        Field::Email,
    ];
    for field in order {
        let Some(rule) = rules.iter().find(|r| r.field == field) else {
            continue;
        };
        let values: Vec<String> = match &rule.mode {
            Mode::Fixed(values) => values.iter().map(|v| v.trim().to_owned()).collect(),
            Mode::Dynamic { required } => {
                let values: Vec<String> = given
                    .get(&field)
                    .into_iter()
                    .flatten()
                    .map(|v| v.trim().to_owned())
                    .filter(|v| !v.is_empty())
                    .collect();
                if values.is_empty() && *required {
                    return Err(TemplateError::Missing(field));
                }
                values
            }
        };
        if values.len() > 1 && !field.is_san() {
            return Err(TemplateError::OneValue(field));
        }
        for value in values {
            check_value(field, &value)?;
            match field {
                Field::Dns => out.dns.push(value.to_ascii_lowercase()),
                Field::Email => out.emails.push(value),
                Field::Ip => {
                    if let Ok(ip) = value.parse() {
                        out.ips.push(ip);
                    }
                }
                _ => out.attributes.push((field, value)),
            }
        }
    }
    if out.dns.is_empty() && out.ips.is_empty() && out.emails.is_empty() {
        return Err(TemplateError::NoNames);
    }
    Ok(out)
}

fn check_value(field: Field, value: &str) -> Result<(), TemplateError> {
    let invalid = |reason| TemplateError::Invalid {
        field,
        value: value.to_owned(),
        reason,
    };
    let value = value.trim();
    match field {
        Field::Country => {
            if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(invalid("err-template-reason-country"));
            }
        }
        Field::Dns => {
            let ok = !value.is_empty()
                && value.len() <= 253
                && value.split('.').enumerate().all(|(i, label)| {
                    (i == 0 && label == "*")
                        || (!label.is_empty()
                            && label.len() <= 63
                            && !label.starts_with('-')
                            && !label.ends_with('-')
                            && label
                                .bytes()
                                .all(|b| b.is_ascii_alphanumeric() || b == b'-'))
                });
            if !ok || value.parse::<IpAddr>().is_ok() {
                return Err(invalid("err-template-reason-dns"));
            }
        }
        Field::Ip => {
            if value.parse::<IpAddr>().is_err() {
                return Err(invalid("err-template-reason-ip"));
            }
        }
        Field::Email => {
            let ok = value.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty() && domain.contains('.') && !domain.contains('@')
            }) && value.is_ascii()
                && !value.contains(char::is_whitespace);
            if !ok {
                return Err(invalid("err-template-reason-email"));
            }
        }
        _ => {
            if value.is_empty() || value.chars().count() > 64 {
                return Err(invalid("err-template-reason-length"));
            }
            if value.chars().any(char::is_control) {
                return Err(invalid("err-template-reason-control"));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(pairs: &[(Field, &[&str])]) -> BTreeMap<Field, Vec<String>> {
        pairs
            .iter()
            .map(|(f, vs)| (*f, vs.iter().map(|v| (*v).to_owned()).collect()))
            .collect()
    }

    fn rules() -> Vec<FieldRule> {
        vec![
            FieldRule {
                field: Field::Organization,
                mode: Mode::Fixed(vec!["Acme Intranet".into()]),
            },
            FieldRule {
                field: Field::CommonName,
                mode: Mode::Dynamic { required: true },
            },
            FieldRule {
                field: Field::Dns,
                mode: Mode::Dynamic { required: false },
            },
            FieldRule {
                field: Field::Ip,
                mode: Mode::Dynamic { required: false },
            },
        ]
    }

    #[test]
    fn fixed_and_dynamic_values_merge_in_x500_order() {
        let subject = resolve(
            &rules(),
            &given(&[
                (Field::CommonName, &["build server"]),
                (Field::Dns, &["Build.Corp", "ci.corp"]),
                (Field::Ip, &["10.0.0.7", "fd00::7"]),
            ]),
        )
        .unwrap();
        assert_eq!(
            subject.attributes,
            vec![
                (Field::Organization, "Acme Intranet".to_owned()),
                (Field::CommonName, "build server".to_owned())
            ]
        );
        assert_eq!(subject.dns, vec!["build.corp", "ci.corp"]);
        assert_eq!(subject.ips.len(), 2);
    }

    #[test]
    fn requests_cannot_touch_fixed_fields_or_add_fields() {
        let table: Vec<(BTreeMap<Field, Vec<String>>, TemplateError)> = vec![
            (
                given(&[
                    (Field::CommonName, &["x"]),
                    (Field::Dns, &["a.corp"]),
                    (Field::Organization, &["Evil Corp"]),
                ]),
                TemplateError::FixedField(Field::Organization),
            ),
            (
                given(&[(Field::CommonName, &["x"]), (Field::Email, &["a@b.corp"])]),
                TemplateError::NotInProduct(Field::Email),
            ),
            (
                given(&[(Field::Dns, &["a.corp"])]),
                TemplateError::Missing(Field::CommonName),
            ),
            (
                given(&[(Field::CommonName, &["x"])]),
                TemplateError::NoNames,
            ),
            (
                given(&[(Field::CommonName, &["a", "b"]), (Field::Dns, &["a.corp"])]),
                TemplateError::OneValue(Field::CommonName),
            ),
        ];
        for (values, expected) in table {
            assert_eq!(resolve(&rules(), &values), Err(expected));
        }
    }

    #[test]
    fn bad_values_are_refused_with_the_field() {
        let cases: [(Field, &str); 6] = [
            (Field::Dns, "not a name"),
            (Field::Dns, "10.0.0.1"),
            (Field::Ip, "10.0.0.300"),
            (Field::Email, "nobody"),
            (Field::Country, "India"),
            (Field::CommonName, ""),
        ];
        for (field, value) in cases {
            let rules = vec![
                FieldRule {
                    field,
                    mode: Mode::Fixed(vec![value.to_owned()]),
                },
                FieldRule {
                    field: Field::Dns,
                    mode: Mode::Dynamic { required: false },
                },
            ];
            let rules = if field == Field::Dns {
                rules[..1].to_vec()
            } else {
                rules
            };
            assert!(
                matches!(
                    check_rules(&rules),
                    Err(TemplateError::Invalid { .. } | TemplateError::Missing(_))
                ),
                "{field:?} {value:?}"
            );
        }
    }

    #[test]
    fn every_template_starts_from_rules_that_are_valid() {
        for t in Template::ALL {
            check_rules(&t.default_fields()).unwrap();
            assert_eq!(Template::parse(t.label()), Some(t));
        }
    }
}

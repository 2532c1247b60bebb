//! Products and prices (ORD-1): the public DV products the operator sells, the private products
//! an account makes on its own private CA, what the order wizard offers, and the one pricing
//! rule (`quote`) that both the wizard's live price and the server use.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

use super::{
    FieldErrors,
    template::{Field, FieldRule, Mode, Template, check_rules},
};

/// The currencies prices and balances are kept in.
pub const CURRENCIES: [&str; 2] = ["USD", "INR"];

/// The most names a UCC product may ever cover.
pub const MAX_UCC_DOMAINS: u32 = 250;

/// The longest validity any product form accepts, in days; the server applies the cap of the
/// product's profile on the day it is saved (TLS BR for public products).
pub const MAX_VALIDITY_DAYS: i64 = 3653;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProductKind {
    DvSingle,
    DvWildcard,
    DvUcc,
    DvWildcardUcc,
    Private,
    /// S/MIME mailbox-validated (strict): one mailbox address, proven by a link sent to it.
    SmimeMailbox,
    /// Organization-validated TLS: the DV kinds' names, and the subject of a vetted
    /// organization.
    OvSingle,
    OvWildcard,
    OvUcc,
    OvWildcardUcc,
    /// Extended-validation TLS: no wildcards (EV Guidelines 9.8.1), an organization vetted
    /// at EV, and the order's consent, agreement and approval.
    EvSingle,
    EvUcc,
}

impl ProductKind {
    /// The kinds the operator sells.
    pub const PUBLIC: [ProductKind; 10] = [
        Self::DvSingle,
        Self::DvWildcard,
        Self::DvUcc,
        Self::DvWildcardUcc,
        Self::OvSingle,
        Self::OvWildcard,
        Self::OvUcc,
        Self::OvWildcardUcc,
        Self::EvSingle,
        Self::EvUcc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::DvSingle => "dv_single",
            Self::DvWildcard => "dv_wildcard",
            Self::DvUcc => "dv_ucc",
            Self::DvWildcardUcc => "dv_wildcard_ucc",
            Self::Private => "private",
            Self::SmimeMailbox => "smime_mailbox",
            Self::OvSingle => "ov_single",
            Self::OvWildcard => "ov_wildcard",
            Self::OvUcc => "ov_ucc",
            Self::OvWildcardUcc => "ov_wildcard_ucc",
            Self::EvSingle => "ev_single",
            Self::EvUcc => "ev_ucc",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::PUBLIC
            .into_iter()
            .chain([Self::Private, Self::SmimeMailbox])
            .find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::DvSingle => "DV single domain",
            Self::DvWildcard => "DV wildcard",
            Self::DvUcc => "DV UCC (multi-domain)",
            Self::DvWildcardUcc => "DV wildcard UCC",
            Self::Private => "Private",
            Self::SmimeMailbox => "S/MIME mailbox-validated",
            Self::OvSingle => "OV single domain",
            Self::OvWildcard => "OV wildcard",
            Self::OvUcc => "OV multi-domain",
            Self::OvWildcardUcc => "OV multi-domain wildcard",
            Self::EvSingle => "EV single domain",
            Self::EvUcc => "EV multi-domain",
        }
    }

    /// The catalogue key of its name in the reader's language (`label` is the English one
    /// the operator console and the audit log keep).
    pub fn key(self) -> &'static str {
        match self {
            Self::DvSingle => "product-kind-dv-single",
            Self::DvWildcard => "product-kind-dv-wildcard",
            Self::DvUcc => "product-kind-dv-ucc",
            Self::DvWildcardUcc => "product-kind-dv-wildcard-ucc",
            Self::Private => "product-kind-private",
            Self::SmimeMailbox => "product-kind-smime-mailbox",
            Self::OvSingle => "product-kind-ov-single",
            Self::OvWildcard => "product-kind-ov-wildcard",
            Self::OvUcc => "product-kind-ov-ucc",
            Self::OvWildcardUcc => "product-kind-ov-wildcard-ucc",
            Self::EvSingle => "product-kind-ev-single",
            Self::EvUcc => "product-kind-ev-ucc",
        }
    }

    /// Whether the product's names may (wildcard UCC) or must (wildcard) be `*.` names.
    pub fn is_wildcard(self) -> bool {
        matches!(
            self,
            Self::DvWildcard | Self::DvWildcardUcc | Self::OvWildcard | Self::OvWildcardUcc
        )
    }

    /// Whether one certificate covers several names, priced by their number.
    pub fn is_multi_domain(self) -> bool {
        matches!(
            self,
            Self::DvUcc | Self::DvWildcardUcc | Self::OvUcc | Self::OvWildcardUcc | Self::EvUcc
        )
    }

    /// The level an organization must be vetted at for the product to name it; `None` for
    /// products that name no organization (DV, S/MIME mailbox, private).
    pub fn vetting_level(self) -> Option<super::organizations::VettingLevel> {
        use super::organizations::VettingLevel;
        match self {
            Self::OvSingle | Self::OvWildcard | Self::OvUcc | Self::OvWildcardUcc => {
                Some(VettingLevel::Ov)
            }
            Self::EvSingle | Self::EvUcc => Some(VettingLevel::Ev),
            _ => None,
        }
    }

    /// The CA profile a public product's certificates are issued under.
    pub fn public_profile(self) -> &'static str {
        use super::organizations::VettingLevel;
        match self.vetting_level() {
            Some(VettingLevel::Ov) => "tls-ov",
            Some(VettingLevel::Ev) => "tls-ev",
            None => "tls-dv",
        }
    }

    /// Whether the product certifies a mailbox (ordered and activated on the S/MIME pages,
    /// not through the TLS wizard).
    pub fn is_smime(self) -> bool {
        self == Self::SmimeMailbox
    }
}

/// The price of one validity choice in one currency, in minor units (cents, paise).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    pub validity_days: i64,
    pub base_minor: i64,
    /// Each name beyond the included ones (UCC); 0 for other kinds.
    pub per_extra_domain_minor: i64,
}

/// A subject or SAN field a private product's requester fills in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DynamicField {
    pub field: Field,
    pub label: String,
    pub required: bool,
    /// A SAN kind, which may take several values.
    pub multiple: bool,
}

/// What the order wizard shows for one product the account may order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub id: i32,
    pub name: String,
    pub kind: ProductKind,
    /// The validity choices in days, shortest first; only those within today's cap.
    pub validity_days: Vec<i64>,
    pub currency: String,
    /// One per validity choice, in `currency`. Private products cost nothing.
    pub prices: Vec<Price>,
    /// Names the base price covers (1 for single-name kinds).
    pub included_domains: u32,
    /// The most names a certificate may have (1 for single-name kinds).
    pub max_domains: u32,
    pub wildcard: bool,
    pub multi_domain: bool,
    /// Private products: the fields the requester fills in, in the template's order.
    pub dynamic_fields: Vec<DynamicField>,
    /// Private products: orders skip administrator approval.
    pub auto_approve: bool,
}

/// A price for an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub total_minor: i64,
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuoteError {
    #[error("This product is not offered for {days} days; choose one of: {offered}.", offered = join_days(.offered))]
    ValidityNotOffered { days: i64, offered: Vec<i64> },
    #[error("There is no price for {days} days in this currency.")]
    NoPrice { days: i64 },
    #[error("Enter at least one domain.")]
    NoDomains,
    #[error("This product covers exactly one domain.")]
    OneDomainOnly,
    #[error("This product covers at most {max} domains.")]
    TooManyDomains { max: u32 },
    #[error("{0:?} is a wildcard name: choose a wildcard product for it.")]
    WildcardNotAllowed(String),
    #[error(
        "{0:?} is not a wildcard name: a wildcard product covers a name such as *.example.com."
    )]
    WildcardRequired(String),
}

impl QuoteError {
    /// What is wrong, for the reader in their language.
    pub fn msg(&self) -> Msg {
        match self {
            Self::ValidityNotOffered { days, offered } => {
                Msg::new("err-quote-validity-not-offered")
                    .arg("days", *days)
                    .arg(
                        "offered",
                        offered
                            .iter()
                            .map(|d| Msg::new("err-days").arg("days", *d))
                            .collect::<Vec<_>>(),
                    )
            }
            Self::NoPrice { days } => Msg::new("err-quote-no-price").arg("days", *days),
            Self::NoDomains => Msg::new("err-quote-no-domains"),
            Self::OneDomainOnly => Msg::new("err-quote-one-domain-only"),
            Self::TooManyDomains { max } => Msg::new("err-quote-too-many-domains").arg("max", *max),
            Self::WildcardNotAllowed(name) => {
                Msg::new("err-quote-wildcard-not-allowed").arg("name", name)
            }
            Self::WildcardRequired(name) => {
                Msg::new("err-quote-wildcard-required").arg("name", name)
            }
        }
    }
}

fn join_days(days: &[i64]) -> String {
    days.iter()
        .map(|d| format!("{d} days"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The price of an order of `offer` for `validity_days` and `domain_count` names: the base
/// price, plus the per-extra-domain price for each name beyond the included ones (UCC). Single
/// name kinds take exactly one; private products cost nothing and take any number.
pub fn quote(offer: &Offer, validity_days: i64, domain_count: u32) -> Result<Quote, QuoteError> {
    if !offer.validity_days.contains(&validity_days) {
        return Err(QuoteError::ValidityNotOffered {
            days: validity_days,
            offered: offer.validity_days.clone(),
        });
    }
    let free = Quote {
        total_minor: 0,
        currency: offer.currency.clone(),
    };
    if offer.kind == ProductKind::Private {
        return Ok(free);
    }
    if domain_count == 0 {
        return Err(QuoteError::NoDomains);
    }
    if !offer.multi_domain && domain_count != 1 {
        return Err(QuoteError::OneDomainOnly);
    }
    if domain_count > offer.max_domains {
        return Err(QuoteError::TooManyDomains {
            max: offer.max_domains,
        });
    }
    let price = offer
        .prices
        .iter()
        .find(|p| p.validity_days == validity_days)
        .ok_or(QuoteError::NoPrice {
            days: validity_days,
        })?;
    let extra = i64::from(domain_count.saturating_sub(offer.included_domains));
    Ok(Quote {
        total_minor: price
            .base_minor
            .saturating_add(extra.saturating_mul(price.per_extra_domain_minor)),
        ..free
    })
}

/// Whether `names` fit the offer's kind: count limits as in `quote`, and a DV wildcard takes
/// one `*.` name while single and UCC products take none.
pub fn check_names(offer: &Offer, names: &[&str]) -> Result<(), QuoteError> {
    if offer.kind == ProductKind::Private {
        return Ok(());
    }
    let count = u32::try_from(names.len()).unwrap_or(u32::MAX);
    if count == 0 {
        return Err(QuoteError::NoDomains);
    }
    if !offer.multi_domain && count != 1 {
        return Err(QuoteError::OneDomainOnly);
    }
    if count > offer.max_domains {
        return Err(QuoteError::TooManyDomains {
            max: offer.max_domains,
        });
    }
    for name in names {
        let wildcard = name.trim().starts_with("*.");
        let kind = offer.kind;
        if kind.is_wildcard() && !kind.is_multi_domain() && !wildcard {
            return Err(QuoteError::WildcardRequired((*name).to_owned()));
        }
        if !kind.is_wildcard() && wildcard {
            return Err(QuoteError::WildcardNotAllowed((*name).to_owned()));
        }
    }
    Ok(())
}

/// "12", "12.5" or "1,200.50" as minor units (two decimals).
pub fn parse_amount(raw: &str) -> Result<i64, Msg> {
    super::billing::parse_minor_units(raw)
        .ok()
        .flatten()
        .ok_or_else(|| Msg::new("err-enter-amount-such-49-49"))
}

/// Minor units as the plain decimal a price field takes back: `4900` → `49.00`.
pub fn amount_text(minor: i64) -> String {
    super::billing::minor_text(minor)
}

fn validity_list(raw: &str) -> Result<Vec<i64>, Msg> {
    let mut days = Vec::new();
    for part in raw.split([',', ' ', '\n']).filter(|p| !p.trim().is_empty()) {
        let d: i64 = part
            .trim()
            .parse()
            .map_err(|_| Msg::new("err-part-not-number-days").arg("part", part.trim()))?;
        if !(1..=MAX_VALIDITY_DAYS).contains(&d) {
            return Err(Msg::new("err-validity-must-1-max-validity")
                .arg("max_validity_days", MAX_VALIDITY_DAYS));
        }
        if !days.contains(&d) {
            days.push(d);
        }
    }
    if days.is_empty() {
        return Err(Msg::new("err-enter-least-one-validity-days"));
    }
    if days.len() > 8 {
        return Err(Msg::new("err-offer-most-8-validity-choices"));
    }
    days.sort_unstable();
    Ok(days)
}

fn product_name(raw: &str, errors: &mut FieldErrors) -> String {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > 64 || name.chars().any(char::is_control) {
        errors.add("name", Msg::new("err-enter-name-1-64-characters"));
    } else if let Err(message) = super::text::visible(name, "err-what-product-name") {
        errors.add("name", message);
    }
    name.to_owned()
}

fn count(raw: &str, field: &str, errors: &mut FieldErrors) -> u32 {
    match raw.trim().parse::<u32>() {
        Ok(n) if (1..=MAX_UCC_DOMAINS).contains(&n) => n,
        _ => {
            errors.add(
                field,
                Msg::new("err-enter-number-1-max-ucc").arg("max_ucc_domains", MAX_UCC_DOMAINS),
            );
            1
        }
    }
}

/// A public product as the operator's form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicProductForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub name: String,
    /// Validity choices in days, separated by commas, e.g. `90, 199`.
    #[serde(default)]
    pub validity_days: String,
    /// UCC: names the base price covers.
    #[serde(default)]
    pub included_domains: String,
    /// UCC: the most names a certificate may have.
    #[serde(default)]
    pub max_domains: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPublicProduct {
    pub kind: ProductKind,
    pub name: String,
    pub validity_days: Vec<i64>,
    pub included_domains: u32,
    pub max_domains: u32,
}

impl PublicProductForm {
    pub fn validate(&self) -> Result<ValidPublicProduct, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = match ProductKind::parse(self.kind.trim()) {
            Some(k) if k != ProductKind::Private => k,
            _ => {
                errors.add("kind", Msg::new("err-choose-dv-product-type-list"));
                ProductKind::DvSingle
            }
        };
        let name = product_name(&self.name, &mut errors);
        let validity_days = errors
            .check("validity_days", validity_list(&self.validity_days))
            .unwrap_or_default();
        let (included_domains, max_domains) = if kind.is_multi_domain() {
            let included = count(&self.included_domains, "included_domains", &mut errors);
            let max = count(&self.max_domains, "max_domains", &mut errors);
            if max < included {
                errors.add(
                    "max_domains",
                    Msg::new("err-maximum-must-least-number-included"),
                );
            }
            (included, max)
        } else {
            (1, 1)
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidPublicProduct {
            kind,
            name,
            validity_days,
            included_domains,
            max_domains,
        })
    }
}

/// One price as the operator's form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceForm {
    #[serde(default)]
    pub currency: String,
    #[serde(default)]
    pub validity_days: String,
    /// e.g. `49.00`
    #[serde(default)]
    pub base: String,
    /// UCC: e.g. `10.00`; empty for 0.
    #[serde(default)]
    pub per_extra_domain: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPrice {
    pub currency: super::Currency,
    pub validity_days: i64,
    pub base_minor: i64,
    pub per_extra_domain_minor: i64,
}

impl PriceForm {
    pub fn validate(&self) -> Result<ValidPrice, FieldErrors> {
        let mut errors = FieldErrors::new();
        let currency = super::Currency::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(self.currency.trim()))
            .unwrap_or_else(|| {
                errors.add("currency", Msg::new("err-choose-usd-inr"));
                super::Currency::Usd
            });
        let validity_days = match self.validity_days.trim().parse::<i64>() {
            Ok(d) if (1..=MAX_VALIDITY_DAYS).contains(&d) => d,
            _ => {
                errors.add(
                    "validity_days",
                    Msg::new("err-choose-one-product-s-validities"),
                );
                0
            }
        };
        let base_minor = errors.check("base", parse_amount(&self.base)).unwrap_or(0);
        let per_extra_domain_minor = if self.per_extra_domain.trim().is_empty() {
            0
        } else {
            errors
                .check("per_extra_domain", parse_amount(&self.per_extra_domain))
                .unwrap_or(0)
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidPrice {
            currency,
            validity_days,
            base_minor,
            per_extra_domain_minor,
        })
    }
}

/// A public product as the operator console lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicProductView {
    pub id: i32,
    pub kind: ProductKind,
    pub name: String,
    pub active: bool,
    pub validity_days: Vec<i64>,
    pub included_domains: u32,
    pub max_domains: u32,
    /// (currency, price) pairs, by currency then validity.
    pub prices: Vec<(String, Price)>,
}

impl PublicProductView {
    pub fn form(&self) -> PublicProductForm {
        PublicProductForm {
            kind: self.kind.as_str().to_owned(),
            name: self.name.clone(),
            validity_days: self
                .validity_days
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            included_domains: self.included_domains.to_string(),
            max_domains: self.max_domains.to_string(),
        }
    }
}

/// The operator's products page, with today's TLS validity cap for the form's hint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicProductsPage {
    pub products: Vec<PublicProductView>,
    pub tls_cap_days: i64,
}

/// A private CA of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateCaView {
    /// The CA's unique name, e.g. `acct7-intranet`.
    pub name: String,
    /// The CA certificate's subject, e.g. `O=Acme Corp, CN=Acme Corp Intranet CA`.
    pub subject: String,
    /// The account's root: it signs the issuing CAs, not certificates.
    pub is_root: bool,
    pub not_after: super::Day,
}

/// How each template field is set up in the private product form.
pub const FIELD_MODES: [(&str, &str); 4] = [
    ("off", "Not used"),
    ("optional", "Dynamic (optional)"),
    ("required", "Dynamic (required)"),
    ("fixed", "Fixed value"),
];

/// A private product as the account's form sends it. `modes` and `values` follow
/// `Field::ALL`: a mode from `FIELD_MODES` per field, and the fixed value (SAN kinds: several,
/// separated by commas).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateProductForm {
    #[serde(default)]
    pub name: String,
    /// The private CA's name.
    #[serde(default)]
    pub ca: String,
    #[serde(default)]
    pub validity_days: String,
    /// A template's label (e.g. `Server TLS`) or profile name.
    #[serde(default)]
    pub template: String,
    #[serde(default)]
    pub modes: Vec<String>,
    #[serde(default)]
    pub values: Vec<String>,
    /// A checkbox: present when ticked.
    #[serde(default, deserialize_with = "super::form_values::checkbox")]
    pub auto_approve: bool,
    /// One checklist item per line.
    #[serde(default)]
    pub checklist: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPrivateProduct {
    pub name: String,
    pub ca: String,
    pub validity_days: i64,
    pub template: Template,
    pub rules: Vec<FieldRule>,
    pub auto_approve: bool,
    pub checklist: Vec<String>,
}

/// The form field that carries a template field's mode, e.g. `modes[6]` for DNS names.
pub fn field_index(field: Field) -> usize {
    Field::ALL.iter().position(|f| *f == field).unwrap_or(0)
}

/// A form's mode and value for each field, from a product's rules.
pub fn rules_to_form(rules: &[FieldRule]) -> (Vec<String>, Vec<String>) {
    Field::ALL
        .iter()
        .map(|field| match rules.iter().find(|r| r.field == *field) {
            None => ("off".to_owned(), String::new()),
            Some(FieldRule {
                mode: Mode::Dynamic { required },
                ..
            }) => (
                if *required { "required" } else { "optional" }.to_owned(),
                String::new(),
            ),
            Some(FieldRule {
                mode: Mode::Fixed(values),
                ..
            }) => ("fixed".to_owned(), values.join(", ")),
        })
        .unzip()
}

impl PrivateProductForm {
    pub fn validate(&self) -> Result<ValidPrivateProduct, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = product_name(&self.name, &mut errors);
        let ca = self.ca.trim().to_owned();
        if ca.is_empty() {
            errors.add("ca", Msg::new("err-choose-one-private-cas"));
        }
        let validity_days = match self.validity_days.trim().parse::<i64>() {
            Ok(d) if (1..=MAX_VALIDITY_DAYS).contains(&d) => d,
            _ => {
                errors.add(
                    "validity_days",
                    Msg::new("err-enter-validity-1-max-validity")
                        .arg("max_validity_days", MAX_VALIDITY_DAYS),
                );
                0
            }
        };
        let template = Template::parse(self.template.trim()).unwrap_or_else(|| {
            errors.add("template", Msg::new("err-choose-client-tls-mutual-tls"));
            Template::ServerTls
        });
        let mut rules = Vec::new();
        for (i, field) in Field::ALL.into_iter().enumerate() {
            let mode = self.modes.get(i).map_or("off", |m| m.trim());
            let value = self.values.get(i).map_or("", |v| v.trim());
            let key = format!("modes[{i}]");
            match mode {
                "off" | "" => {}
                "optional" | "required" => rules.push(FieldRule {
                    field,
                    mode: Mode::Dynamic {
                        required: mode == "required",
                    },
                }),
                "fixed" => {
                    let values: Vec<String> = if field.is_san() {
                        value
                            .split([',', '\n'])
                            .map(str::trim)
                            .filter(|v| !v.is_empty())
                            .map(str::to_owned)
                            .collect()
                    } else if value.is_empty() {
                        Vec::new()
                    } else {
                        vec![value.to_owned()]
                    };
                    rules.push(FieldRule {
                        field,
                        mode: Mode::Fixed(values),
                    });
                }
                _ => errors.add(&key, Msg::new("err-choose-how-field-set")),
            }
        }
        if let Err(e) = check_rules(&rules) {
            let field = match &e {
                super::template::TemplateError::Invalid { field, .. }
                | super::template::TemplateError::Missing(field)
                | super::template::TemplateError::OneValue(field)
                | super::template::TemplateError::Repeated(field)
                | super::template::TemplateError::FixedField(field)
                | super::template::TemplateError::NotInProduct(field) => *field,
                super::template::TemplateError::NoNames => Field::Dns,
            };
            errors.add(&format!("values[{}]", field_index(field)), e.msg());
        }
        if !rules.iter().any(|r| r.field.is_san()) {
            errors.add("modes", Msg::new("err-use-least-one-dns-names"));
        }
        let checklist: Vec<String> = self
            .checklist
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        if checklist.len() > 20 || checklist.iter().any(|l| l.chars().count() > 200) {
            errors.add("checklist", Msg::new("err-enter-most-20-items-up"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidPrivateProduct {
            name,
            ca,
            validity_days,
            template,
            rules,
            auto_approve: self.auto_approve,
            checklist,
        })
    }
}

/// A private product as the account's products page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateProductView {
    pub id: i32,
    pub name: String,
    pub ca: String,
    pub validity_days: i64,
    pub template: Template,
    pub rules: Vec<FieldRule>,
    pub auto_approve: bool,
    pub checklist: Vec<String>,
    pub active: bool,
}

impl PrivateProductView {
    pub fn form(&self) -> PrivateProductForm {
        let (modes, values) = rules_to_form(&self.rules);
        PrivateProductForm {
            name: self.name.clone(),
            ca: self.ca.clone(),
            validity_days: self.validity_days.to_string(),
            template: self.template.label().to_owned(),
            modes,
            values,
            auto_approve: self.auto_approve,
            checklist: self.checklist.join("\n"),
        }
    }
}

/// The account's private products page: its products, and the CAs a product may use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateProductsPage {
    pub products: Vec<PrivateProductView>,
    /// Issuing private CAs (not the root), by name.
    pub cas: Vec<String>,
}

/// The requester's fields of a private product, from its rules.
pub fn dynamic_fields(rules: &[FieldRule]) -> Vec<DynamicField> {
    rules
        .iter()
        .filter_map(|r| match r.mode {
            Mode::Dynamic { required } => Some(DynamicField {
                field: r.field,
                label: r.field.label().to_owned(),
                required,
                multiple: r.field.is_san(),
            }),
            Mode::Fixed(_) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(kind: ProductKind) -> Offer {
        let (included, max) = if kind.is_multi_domain() {
            (3, 10)
        } else {
            (1, 1)
        };
        Offer {
            id: 1,
            name: kind.label().into(),
            kind,
            validity_days: vec![90, 199],
            currency: "USD".into(),
            prices: vec![
                Price {
                    validity_days: 90,
                    base_minor: 2_000,
                    per_extra_domain_minor: 500,
                },
                Price {
                    validity_days: 199,
                    base_minor: 3_500,
                    per_extra_domain_minor: 800,
                },
            ],
            included_domains: included,
            max_domains: max,
            wildcard: kind.is_wildcard(),
            multi_domain: kind.is_multi_domain(),
            dynamic_fields: Vec::new(),
            auto_approve: false,
        }
    }

    #[test]
    fn quote_adds_the_extra_domain_price_beyond_the_included_names() {
        use ProductKind::*;
        let table: &[(ProductKind, i64, u32, Result<i64, QuoteError>)] = &[
            (DvSingle, 90, 1, Ok(2_000)),
            (DvSingle, 199, 1, Ok(3_500)),
            (DvWildcard, 199, 1, Ok(3_500)),
            (DvSingle, 90, 2, Err(QuoteError::OneDomainOnly)),
            (DvWildcard, 90, 0, Err(QuoteError::NoDomains)),
            (DvUcc, 90, 1, Ok(2_000)),
            (DvUcc, 90, 3, Ok(2_000)),
            (DvUcc, 90, 4, Ok(2_500)),
            (DvUcc, 199, 10, Ok(3_500 + 7 * 800)),
            (
                DvWildcardUcc,
                90,
                11,
                Err(QuoteError::TooManyDomains { max: 10 }),
            ),
            (DvUcc, 90, 0, Err(QuoteError::NoDomains)),
            (
                DvSingle,
                365,
                1,
                Err(QuoteError::ValidityNotOffered {
                    days: 365,
                    offered: vec![90, 199],
                }),
            ),
            (Private, 90, 0, Ok(0)),
            (Private, 90, 5, Ok(0)),
        ];
        for (kind, days, count, expected) in table {
            let got = quote(&offer(*kind), *days, *count).map(|q| q.total_minor);
            assert_eq!(&got, expected, "{kind:?} {days} days, {count} names");
        }
    }

    #[test]
    fn quote_is_in_the_offers_currency_and_needs_a_price() {
        let mut o = offer(ProductKind::DvSingle);
        o.currency = "INR".into();
        assert_eq!(quote(&o, 90, 1).unwrap().currency, "INR");
        o.prices.retain(|p| p.validity_days != 199);
        assert_eq!(quote(&o, 199, 1), Err(QuoteError::NoPrice { days: 199 }));
        let message = QuoteError::ValidityNotOffered {
            days: 365,
            offered: vec![90, 199],
        }
        .to_string();
        assert!(message.contains("90 days, 199 days"), "{message}");
    }

    #[test]
    fn names_must_fit_the_kind() {
        use ProductKind::*;
        let table: &[(ProductKind, &[&str], bool)] = &[
            (DvSingle, &["www.example.com"], true),
            (DvSingle, &["*.example.com"], false),
            (DvSingle, &["a.example.com", "b.example.com"], false),
            (DvWildcard, &["*.example.com"], true),
            (DvWildcard, &["example.com"], false),
            (DvUcc, &["a.example.com", "b.example.com"], true),
            (DvUcc, &["a.example.com", "*.example.com"], false),
            (DvWildcardUcc, &["*.a.example.com", "b.example.com"], true),
            (DvUcc, &[], false),
            (OvWildcard, &["*.example.com"], true),
            (OvWildcard, &["example.com"], false),
            (OvUcc, &["a.example.com", "*.example.com"], false),
            (OvWildcardUcc, &["*.a.example.com", "b.example.com"], true),
            (Private, &["wiki.corp"], true),
        ];
        for (kind, names, ok) in table {
            assert_eq!(
                check_names(&offer(*kind), names).is_ok(),
                *ok,
                "{kind:?} {names:?}"
            );
        }
    }

    #[test]
    fn amounts_parse_to_minor_units() {
        assert_eq!(parse_amount("1,200.5"), Ok(120_050));
        assert_eq!(parse_amount("49"), Ok(4_900));
        for bad in ["", "-1", "1.234", "ten", ".5"] {
            assert!(parse_amount(bad).is_err(), "{bad}");
        }
        assert_eq!(amount_text(120_050), "1200.50");
        assert_eq!(amount_text(5), "0.05");
    }

    #[test]
    fn the_public_product_form_names_each_bad_field() {
        let form = PublicProductForm {
            kind: "ev".into(),
            name: " ".into(),
            validity_days: "90, soon".into(),
            ..Default::default()
        };
        let errors = form.validate().unwrap_err();
        for field in ["kind", "name", "validity_days"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let ucc = PublicProductForm {
            kind: "dv_ucc".into(),
            name: "UCC".into(),
            validity_days: "199, 90, 90".into(),
            included_domains: "5".into(),
            max_domains: "3".into(),
        };
        assert!(ucc.validate().unwrap_err().get("max_domains").is_some());
        let ok = PublicProductForm {
            max_domains: "100".into(),
            ..ucc
        }
        .validate()
        .unwrap();
        assert_eq!(ok.validity_days, [90, 199]);
        assert_eq!((ok.included_domains, ok.max_domains), (5, 100));
        let single = PublicProductForm {
            kind: "dv_single".into(),
            name: "DV".into(),
            validity_days: "199".into(),
            included_domains: "junk".into(),
            max_domains: String::new(),
        }
        .validate()
        .unwrap();
        assert_eq!((single.included_domains, single.max_domains), (1, 1));
    }

    #[test]
    fn the_price_form_takes_a_known_currency_and_amounts() {
        let ok = PriceForm {
            currency: "inr".into(),
            validity_days: "199".into(),
            base: "3,999".into(),
            per_extra_domain: String::new(),
        }
        .validate()
        .unwrap();
        assert_eq!(
            (
                ok.currency,
                ok.validity_days,
                ok.base_minor,
                ok.per_extra_domain_minor
            ),
            (super::super::Currency::Inr, 199, 399_900, 0)
        );
        let errors = PriceForm {
            currency: "EUR".into(),
            validity_days: "x".into(),
            base: "free".into(),
            per_extra_domain: "-1".into(),
        }
        .validate()
        .unwrap_err();
        for field in ["currency", "validity_days", "base", "per_extra_domain"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    fn private_form() -> PrivateProductForm {
        let mut modes = vec!["off".to_owned(); Field::ALL.len()];
        let mut values = vec![String::new(); Field::ALL.len()];
        modes[field_index(Field::CommonName)] = "required".into();
        modes[field_index(Field::Organization)] = "fixed".into();
        values[field_index(Field::Organization)] = "Acme Corp".into();
        modes[field_index(Field::Dns)] = "optional".into();
        modes[field_index(Field::Ip)] = "fixed".into();
        values[field_index(Field::Ip)] = "10.0.0.1, 10.0.0.2".into();
        PrivateProductForm {
            name: "Intranet servers".into(),
            ca: "acct1-intranet".into(),
            validity_days: "365".into(),
            template: "Server TLS".into(),
            modes,
            values,
            auto_approve: true,
            checklist: "Asset tag recorded\n\n  Owner approved ".into(),
        }
    }

    #[test]
    fn a_private_product_form_becomes_field_rules_and_back() {
        let form = private_form();
        let valid = form.validate().unwrap();
        assert_eq!(valid.template, Template::ServerTls);
        assert_eq!(valid.checklist, ["Asset tag recorded", "Owner approved"]);
        assert!(valid.rules.contains(&FieldRule {
            field: Field::Ip,
            mode: Mode::Fixed(vec!["10.0.0.1".into(), "10.0.0.2".into()]),
        }));
        let fields = dynamic_fields(&valid.rules);
        assert_eq!(
            fields
                .iter()
                .map(|f| (f.field, f.required))
                .collect::<Vec<_>>(),
            [(Field::CommonName, true), (Field::Dns, false)]
        );
        let (modes, values) = rules_to_form(&valid.rules);
        assert_eq!(modes, form.modes);
        assert_eq!(values[field_index(Field::Ip)], "10.0.0.1, 10.0.0.2");
    }

    #[test]
    fn a_bad_private_product_form_names_the_field() {
        let mut bad = private_form();
        bad.values[field_index(Field::Organization)] = String::new();
        assert!(
            bad.validate()
                .unwrap_err()
                .get(&format!("values[{}]", field_index(Field::Organization)))
                .is_some()
        );
        let mut bad = private_form();
        bad.modes[field_index(Field::Dns)] = "off".into();
        bad.modes[field_index(Field::Ip)] = "off".into();
        assert!(bad.validate().unwrap_err().get("modes").is_some());
        let bad = PrivateProductForm {
            template: "Code signing".into(),
            validity_days: "0".into(),
            ca: " ".into(),
            ..private_form()
        };
        let errors = bad.validate().unwrap_err();
        for field in ["template", "validity_days", "ca"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }
}

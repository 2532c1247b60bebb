//! Certificate orders as the wizard submits them and the pages show them (ORD-2, ORD-6,
//! ORD-7): the field rules both sides apply, step by step.

use serde::{Deserialize, Serialize};

use super::{
    Email, FieldErrors, dns_name,
    email::email_list,
    order_status::OrderStatus,
    text::{mobile, person_name},
};

/// The wizard's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum WizardStep {
    Product,
    Requester,
    Csr,
    Details,
    Additional,
    Summary,
}

impl WizardStep {
    pub const ALL: [WizardStep; 6] = [
        Self::Product,
        Self::Requester,
        Self::Csr,
        Self::Details,
        Self::Additional,
        Self::Summary,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Product => "Product & validity",
            Self::Requester => "Requester",
            Self::Csr => "CSR",
            Self::Details => "Certificate details",
            Self::Additional => "Additional information",
            Self::Summary => "Summary & payment",
        }
    }

    /// The form fields the step owns, so its errors show beside them.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Self::Product => &["product_id", "validity_days"],
            Self::Requester => &["requester_name", "requester_email", "requester_phone"],
            Self::Csr => &["csr_source", "csr_pem"],
            Self::Details => &["names", "attributes"],
            Self::Additional => &[
                "tags",
                "remarks",
                "tech_name",
                "tech_email",
                "extra_emails",
                "delegate_name",
                "delegate_email",
            ],
            Self::Summary => &["group_id"],
        }
    }
}

/// Where the certificate's key comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeySource {
    /// Generated in the browser; the key never left it.
    Browser,
    Upload,
    Paste,
    /// The CSR is submitted after the order (from the order page or the tracking link).
    Later,
}

impl KeySource {
    pub fn code(self) -> &'static str {
        match self {
            Self::Browser => "browser",
            Self::Upload => "upload",
            Self::Paste => "paste",
            Self::Later => "later",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [Self::Browser, Self::Upload, Self::Paste, Self::Later]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// Everything the wizard collects. Sent whole when the user pays or saves a draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderForm {
    pub product_id: i32,
    pub validity_days: i64,
    pub requester_name: String,
    pub requester_email: String,
    pub requester_phone: String,
    /// `browser`, `upload`, `paste` or `later`.
    pub csr_source: String,
    pub csr_pem: String,
    /// The names to certify, one per line (the first is the main one).
    pub names: String,
    /// Also certify `www.` of the main name (free, as one domain).
    pub add_www: bool,
    /// Reporting tags, separated by commas.
    pub tags: String,
    pub remarks: String,
    pub tech_name: String,
    pub tech_email: String,
    pub extra_emails: String,
    pub auto_renew: bool,
    /// Certificate download delegation (ORD-10): someone else who downloads the certificate
    /// with a PIN sent to them. Both empty for none.
    pub delegate_name: String,
    pub delegate_email: String,
    /// The group that pays; 0 for the account's default group.
    pub group_id: i32,
    /// Save as a draft (On Hold) instead of paying now.
    pub draft: bool,
    /// A private product's dynamic subject fields (and e-mail), in `Field::ALL` order; its DNS
    /// names and IP addresses come from `names`. Empty for public products.
    pub attributes: Vec<String>,
}

/// What the product allows in the names step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameRules {
    /// Publicly-trusted (DV): public names only; otherwise internal names and IPs too.
    pub public: bool,
    pub wildcard: bool,
    /// Names allowed, `www.` variant not counted.
    pub max_names: u32,
    /// A UCC product: more names come by raising the number of domains, not another product.
    pub multi_domain: bool,
}

/// The form after its rules: canonical values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidOrder {
    pub key_source: KeySource,
    pub csr_pem: Option<String>,
    /// Canonical names, the main one first, `www.` variant included when asked.
    pub names: Vec<String>,
    /// How many names count for the price (the `www.` variant does not).
    pub counted_names: u32,
    /// Whether `names[1]` is the `www.` variant the form added.
    pub www_added: bool,
    pub requester_name: String,
    pub requester_email: String,
    pub requester_phone: String,
    pub tags: Vec<String>,
    pub remarks: String,
    pub tech_name: String,
    pub tech_email: String,
    pub extra_emails: Vec<String>,
    /// The download delegate's name and e-mail.
    pub delegate: Option<(String, String)>,
}

const MAX_TAGS: usize = 10;

/// Reporting tags typed with commas between them.
pub fn tag_list(raw: &str) -> Vec<String> {
    raw.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

pub fn check_tags(tags: &[String]) -> Result<(), String> {
    if tags.len() > MAX_TAGS || tags.iter().any(|t| t.chars().count() > 40) {
        Err("Enter at most 10 tags of up to 40 characters each.".into())
    } else {
        Ok(())
    }
}
const MAX_REMARKS: usize = 1000;

/// One name of a private certificate: an internal DNS name or an IP address.
fn private_name(raw: &str) -> Result<String, String> {
    let name = dns_name::normalize(raw);
    if name.parse::<std::net::IpAddr>().is_ok() {
        return Ok(name);
    }
    dns_name::check_dns(&name, false).map_err(|rule| format!("{name}: {rule}."))?;
    Ok(name)
}

impl OrderForm {
    /// The names as entered, canonical, in order, without repeats; how many count; whether
    /// the `www.` variant was added.
    fn parse_names(&self, rules: NameRules) -> Result<(Vec<String>, u32, bool), String> {
        let mut names: Vec<String> = Vec::new();
        for raw in self
            .names
            .split(['\n', ',', ' '])
            .filter(|p| !p.trim().is_empty())
        {
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
            return Err("Enter the domain name to certify.".into());
        };
        let counted = u32::try_from(names.len()).unwrap_or(u32::MAX);
        if counted > rules.max_names {
            return Err(if rules.max_names == 1 && !rules.multi_domain {
                "This product certifies one domain. Choose a UCC product for more.".into()
            } else {
                format!(
                    "This order covers at most {} domains; remove some or raise the number of domains.",
                    rules.max_names
                )
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

    /// The errors of one step (the wizard's Next button), by the same rules as `validate`.
    pub fn step_errors(&self, step: WizardStep, rules: NameRules) -> FieldErrors {
        match self.validate(rules) {
            Ok(_) => FieldErrors::default(),
            Err(all) => FieldErrors(
                all.0
                    .into_iter()
                    .filter(|e| step.fields().contains(&e.field.as_str()))
                    .collect(),
            ),
        }
    }

    /// The download delegate, when one is named: both name and e-mail, or neither.
    fn delegate(&self, errors: &mut FieldErrors) -> Option<(String, String)> {
        let (name, email) = (self.delegate_name.trim(), self.delegate_email.trim());
        if name.is_empty() && email.is_empty() {
            return None;
        }
        let name = if name.is_empty() {
            errors.add(
                "delegate_name",
                "Enter the delegate's name, or clear both fields.",
            );
            None
        } else {
            errors.check("delegate_name", person_name(name))
        };
        let email = if email.is_empty() {
            errors.add(
                "delegate_email",
                "Enter the delegate's e-mail, or clear both fields.",
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
            errors.add("product_id", "Choose a product.");
        }
        if self.validity_days <= 0 {
            errors.add("validity_days", "Choose a validity.");
        }
        let requester_name = errors.check("requester_name", person_name(&self.requester_name));
        let requester_email = errors.check(
            "requester_email",
            Email::parse(&self.requester_email).map(|e| e.as_str().to_owned()),
        );
        let requester_phone = if self.requester_phone.trim().is_empty() {
            Some(String::new())
        } else {
            errors.check("requester_phone", mobile(&self.requester_phone))
        };
        let key_source = match KeySource::parse(&self.csr_source) {
            Some(k) => Some(k),
            None => {
                errors.add(
                    "csr_source",
                    "Choose how to provide the CSR: generate the key here, upload, paste, or later.",
                );
                None
            }
        };
        let csr = self.csr_pem.trim();
        let csr_pem = match key_source {
            Some(KeySource::Later) | None => None,
            Some(_) if csr.is_empty() => {
                errors.add("csr_pem", "Provide the CSR, or choose to submit it later.");
                None
            }
            Some(_) if !csr.contains("-----BEGIN CERTIFICATE REQUEST-----") => {
                errors.add(
                    "csr_pem",
                    "This is not a PEM certificate signing request (it must start with -----BEGIN CERTIFICATE REQUEST-----).",
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
                "Each certificate field has at most 128 characters.",
            );
        }
        let tags = tag_list(&self.tags);
        if let Err(e) = check_tags(&tags) {
            errors.add("tags", e);
        }
        let remarks = self.remarks.trim().to_owned();
        if remarks.chars().count() > MAX_REMARKS {
            errors.add("remarks", "Remarks have at most 1000 characters.");
        }
        let tech_name = if self.tech_name.trim().is_empty() {
            Some(String::new())
        } else {
            errors.check("tech_name", person_name(&self.tech_name))
        };
        let tech_email = if self.tech_email.trim().is_empty() {
            Some(String::new())
        } else {
            errors.check(
                "tech_email",
                Email::parse(&self.tech_email).map(|e| e.as_str().to_owned()),
            )
        };
        let extra_emails = errors.check("extra_emails", email_list(&self.extra_emails, 10));
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
            }),
            _ => Err(errors),
        }
    }
}

/// What the wizard starts from: the products the account may order, the groups the user
/// may pay from, and the user as the default requester.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WizardData {
    pub offers: Vec<super::products::Offer>,
    /// `(group id, "name — balance")`, the default group first.
    pub groups: Vec<(i32, String)>,
    pub requester_name: String,
    pub requester_email: String,
    /// Whether the user's orders wait for an administrator's approval.
    pub needs_approval: bool,
    /// Verified domains the user may pick from.
    pub verified_domains: Vec<String>,
}

impl ValidOrder {
    /// The names the price counts: all but the added `www.` variant.
    pub fn priced_names(&self) -> Vec<&str> {
        self.names
            .iter()
            .enumerate()
            .filter(|(i, _)| !(self.www_added && *i == 1))
            .map(|(_, n)| n.as_str())
            .collect()
    }
}

/// What placing an order led to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacedOrder {
    pub id: i32,
    pub status: OrderStatus,
    pub tracking_url: String,
}

/// One row of the order list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub id: i32,
    /// Where it was placed: `Portal`, `API` or `ACME`.
    pub source: String,
    pub product: String,
    pub main_name: String,
    pub names: u32,
    pub status: OrderStatus,
    pub price: String,
    pub placed_by: String,
    pub created_at: String,
    pub tags: Vec<String>,
}

/// The order list's search (ORD-6). Dates are `YYYY-MM-DD`, inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrdersQuery {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub domain: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub product: String,
    #[serde(default)]
    pub tag: String,
    #[serde(default)]
    pub page: Option<u64>,
}

/// The search after its rules.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidOrdersQuery {
    /// `YYYY-MM-DD`, checked; such strings compare as the dates do.
    pub from: Option<String>,
    pub to: Option<String>,
    pub domain: Option<String>,
    pub status: Option<OrderStatus>,
    pub product: Option<String>,
    pub tag: Option<String>,
    pub page: u64,
}

/// A search date, checked, in its `YYYY-MM-DD` form (such strings compare as the dates do).
fn date(field: &str, raw: &str, errors: &mut FieldErrors) -> Option<String> {
    super::field_errors::calendar_date(field, raw, errors)
        .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn optional(raw: &str) -> Option<String> {
    let t = raw.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

impl OrdersQuery {
    pub fn validate(&self) -> Result<ValidOrdersQuery, FieldErrors> {
        let mut errors = FieldErrors::default();
        let from = date("from", &self.from, &mut errors);
        let to = date("to", &self.to, &mut errors);
        if let (Some(f), Some(t)) = (&from, &to)
            && f > t
        {
            errors.add("to", "The end date is before the start date.");
        }
        let status = match optional(&self.status) {
            None => None,
            Some(code) => match OrderStatus::parse(&code) {
                Some(s) => Some(s),
                None => {
                    errors.add("status", "Choose a status from the list.");
                    None
                }
            },
        };
        let page = errors
            .check("page", super::field_errors::page_number(self.page))
            .unwrap_or(1);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidOrdersQuery {
            from,
            to,
            domain: optional(&self.domain).map(|d| dns_name::normalize(&d)),
            status,
            product: optional(&self.product),
            tag: optional(&self.tag),
            page,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrdersPage {
    pub orders: Vec<OrderSummary>,
    pub page: u64,
    pub pages: u64,
    pub total: u64,
    pub can_order: bool,
}

/// One thing that happened to an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderEventView {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub detail: String,
}

/// One name of an order and how its control stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameProgress {
    pub name: String,
    /// Covered by this verified domain (reuse), when one covers it.
    pub covered_by: Option<String>,
    /// The domain to validate otherwise, with its method and value.
    pub domain: Option<super::domains::DomainView>,
}

/// An order as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub id: i32,
    pub product: String,
    pub private: bool,
    pub validity_days: i64,
    pub status: OrderStatus,
    pub price: String,
    pub group: String,
    pub placed_by: String,
    pub requester_name: String,
    pub requester_email: String,
    pub names: Vec<NameProgress>,
    pub has_csr: bool,
    pub key_source: KeySource,
    pub tags: Vec<String>,
    pub remarks: String,
    pub auto_renew: bool,
    pub reason: Option<String>,
    pub issue_error: Option<String>,
    pub tracking_url: String,
    pub certificate_serial: Option<String>,
    pub created_at: String,
    pub events: Vec<OrderEventView>,
    pub can_approve: bool,
    /// What the approver checks first (a private product's validation checklist).
    pub checklist: Vec<String>,
    pub can_cancel: bool,
    pub can_pay: bool,
    pub tech_name: String,
    pub tech_email: String,
    pub extra_emails: Vec<String>,
    /// The download delegate's e-mail, when one was named.
    pub delegate_email: Option<String>,
    pub certificate: Option<super::order_actions::CertificateView>,
    /// The order this one renews or reissues.
    pub origin: Option<super::order_actions::LinkedOrder>,
    /// The renewals and reissues of this order.
    pub successors: Vec<super::order_actions::LinkedOrder>,
    pub credit_notes: Vec<super::order_actions::CreditNoteView>,
    /// The invoice's number once the order was paid (its PDF is at `/orders/{id}/invoice`).
    pub invoice_number: Option<String>,
    pub can_revoke: bool,
    pub can_reissue: bool,
    pub can_renew: bool,
    pub can_edit: bool,
    /// "Add or remove names": a UCC order with a live certificate; the price of each added
    /// name (`USD 20.00`) when the caller may change them.
    pub change_names_price: Option<String>,
    /// "Renew early (ARI)": an ACME order with a live certificate, not marked yet, for a
    /// caller who may approve orders.
    pub can_renew_early: bool,
    /// When the certificate was marked for early renewal (`YYYY-MM-DD HH:MM UTC`).
    pub renewal_marked: Option<String>,
}

/// Whose tracking link it is, and so what it may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TrackingScope {
    /// The requester's link: while the order is pending it chooses validation methods,
    /// verifies and submits a missing CSR.
    Requester,
    /// An additional recipient's or the technical contact's link: it only reads.
    Viewer,
}

impl TrackingScope {
    pub fn code(self) -> &'static str {
        match self {
            Self::Requester => "requester",
            Self::Viewer => "viewer",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "requester" => Some(Self::Requester),
            "viewer" => Some(Self::Viewer),
            _ => None,
        }
    }
}

/// What the public tracking link shows: the order's steps and nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackingView {
    pub order_id: i32,
    pub product: String,
    pub status: OrderStatus,
    pub names: Vec<NameProgress>,
    pub needs_csr: bool,
    pub approval_pending: bool,
    pub issue_error: Option<String>,
    pub issued: bool,
    pub scope: TrackingScope,
    /// Whether this link may act now: the requester's, on an order still pending.
    pub can_act: bool,
    /// The last day the link works (`YYYY-MM-DD`, UTC), once that is known: the
    /// certificate's expiry, or 30 days after an order ended without one.
    pub works_until: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> OrderForm {
        OrderForm {
            product_id: 1,
            validity_days: 199,
            requester_name: "Asha Rao".into(),
            requester_email: "Asha@Example.com".into(),
            csr_source: "later".into(),
            names: "Example.com".into(),
            ..Default::default()
        }
    }

    const DV: NameRules = NameRules {
        public: true,
        wildcard: false,
        max_names: 1,
        multi_domain: false,
    };

    #[test]
    fn a_complete_form_becomes_canonical_values() {
        let v = OrderForm {
            add_www: true,
            tags: "web, shop ,".into(),
            extra_emails: "a@example.com; b@example.com".into(),
            ..form()
        }
        .validate(DV)
        .unwrap();
        assert_eq!(v.names, vec!["example.com", "www.example.com"]);
        assert_eq!(v.counted_names, 1);
        assert_eq!(v.requester_email, "asha@example.com");
        assert_eq!(v.tags, vec!["web", "shop"]);
        assert_eq!(v.extra_emails.len(), 2);
        assert_eq!(v.key_source, KeySource::Later);
        assert_eq!(v.csr_pem, None);
    }

    #[test]
    fn each_rule_refuses_beside_its_field() {
        let cases: Vec<(OrderForm, &str)> = vec![
            (
                OrderForm {
                    product_id: 0,
                    ..form()
                },
                "product_id",
            ),
            (
                OrderForm {
                    requester_email: "nope".into(),
                    ..form()
                },
                "requester_email",
            ),
            (
                OrderForm {
                    csr_source: "fax".into(),
                    ..form()
                },
                "csr_source",
            ),
            (
                OrderForm {
                    csr_source: "paste".into(),
                    ..form()
                },
                "csr_pem",
            ),
            (
                OrderForm {
                    csr_source: "paste".into(),
                    csr_pem: "hello".into(),
                    ..form()
                },
                "csr_pem",
            ),
            (
                OrderForm {
                    names: "".into(),
                    ..form()
                },
                "names",
            ),
            (
                OrderForm {
                    names: "a.com b.com".into(),
                    ..form()
                },
                "names",
            ),
            (
                OrderForm {
                    names: "*.example.com".into(),
                    ..form()
                },
                "names",
            ),
            (
                OrderForm {
                    names: "intranet.local".into(),
                    ..form()
                },
                "names",
            ),
            (
                OrderForm {
                    extra_emails: "x".into(),
                    ..form()
                },
                "extra_emails",
            ),
            (
                OrderForm {
                    tags: "a,".repeat(11),
                    ..form()
                },
                "tags",
            ),
        ];
        for (f, field) in cases {
            let e = f.validate(DV).err().unwrap_or_default();
            assert!(e.get(field).is_some(), "{field}: {e:?}");
        }
    }

    #[test]
    fn a_ucc_order_over_its_domain_count_is_told_to_raise_the_count_not_to_change_product() {
        let ucc = NameRules {
            max_names: 1,
            multi_domain: true,
            ..DV
        };
        let e = OrderForm {
            names: "a.example.com\nb.example.com".into(),
            ..form()
        }
        .validate(ucc)
        .unwrap_err();
        assert!(
            e.get("names")
                .unwrap()
                .contains("raise the number of domains"),
            "{e:?}"
        );
    }

    #[test]
    fn private_products_take_internal_names_and_addresses() {
        let rules = NameRules {
            public: false,
            wildcard: false,
            max_names: 5,
            multi_domain: false,
        };
        let v = OrderForm {
            names: "db.corp\n10.0.0.5".into(),
            ..form()
        }
        .validate(rules)
        .unwrap();
        assert_eq!(v.names, vec!["db.corp", "10.0.0.5"]);
    }

    #[test]
    fn a_step_shows_only_its_own_errors() {
        let f = OrderForm {
            requester_email: "nope".into(),
            names: "".into(),
            ..form()
        };
        let e = f.step_errors(WizardStep::Requester, DV);
        assert!(e.get("requester_email").is_some());
        assert!(e.get("names").is_none());
    }

    #[test]
    fn the_search_reads_dates_and_statuses() {
        let q = OrdersQuery {
            from: "2026-11-01".into(),
            to: "2026-10-01".into(),
            status: "shipped".into(),
            ..Default::default()
        };
        assert!(
            OrdersQuery {
                from: "2026-02-30".into(),
                ..Default::default()
            }
            .validate()
            .is_err()
        );
        let e = q.validate().err().unwrap_or_default();
        assert!(e.get("to").is_some());
        assert!(e.get("status").is_some());
        let ok = OrdersQuery {
            domain: " Example.COM ".into(),
            status: "on_hold".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(ok.domain.as_deref(), Some("example.com"));
        assert_eq!(ok.status, Some(OrderStatus::OnHold));
    }

    #[test]
    fn tracking_scopes_round_trip_and_junk_is_none() {
        for scope in [TrackingScope::Requester, TrackingScope::Viewer] {
            assert_eq!(TrackingScope::parse(scope.code()), Some(scope));
        }
        assert_eq!(TrackingScope::parse("admin"), None);
    }
}

//! Certificate orders as the wizard submits them and the pages show them (ORD-2, ORD-6,
//! ORD-7): the field rules both sides apply, step by step.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

pub use super::place_order::{Contact, PlaceOrder};
use super::{FieldErrors, dns_name, email::email_parts, order_status::OrderStatus};

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

    /// The catalogue key of the step's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Product => "wizard-step-product",
            Self::Requester => "wizard-step-requester",
            Self::Csr => "wizard-step-csr",
            Self::Details => "wizard-step-details",
            Self::Additional => "wizard-step-additional",
            Self::Summary => "wizard-step-summary",
        }
    }

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
            Self::Product => &["product_id", "validity_days", "organization_id"],
            Self::Requester => &[
                "requester_name",
                "requester_email",
                "requester_phone",
                "signer_name",
                "signer_email",
                "approver_name",
                "approver_email",
            ],
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

/// Where an order was placed. The stored text is the name shown in lists and REST answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderSource {
    Portal,
    Acme,
    /// The REST API.
    Api,
}

impl OrderSource {
    pub const ALL: [OrderSource; 3] = [Self::Portal, Self::Acme, Self::Api];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Portal => "Portal",
            Self::Acme => "ACME",
            Self::Api => "API",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
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
    /// The organization an OV certificate names; 0 for none.
    pub organization_id: i32,
    /// An EV order's contract signer and certificate approver.
    pub signer_name: String,
    pub signer_email: String,
    pub approver_name: String,
    pub approver_email: String,
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
    /// The level an organization must be vetted at (OV products): the order names one.
    pub organization: Option<super::organizations::VettingLevel>,
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
    /// The organization the certificate names (OV products); `None` for the others.
    pub organization_id: Option<super::OrganizationId>,
    /// The contract signer and certificate approver (EV products); `None` for the others.
    pub signatories: Option<super::ev::ValidSignatories>,
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

pub fn check_tags(tags: &[String]) -> Result<(), Msg> {
    if tags.len() > MAX_TAGS || tags.iter().any(|t| t.chars().count() > 40) {
        Err(Msg::new("err-enter-most-10-tags-up"))
    } else {
        Ok(())
    }
}
impl OrderForm {
    /// The form as the command every edge places orders with: its text fields split into
    /// the lists they hold. Nothing is refused here; `validate` says what is wrong.
    pub fn to_command(&self) -> PlaceOrder {
        PlaceOrder {
            product_id: self.product_id,
            validity_days: self.validity_days,
            names: self
                .names
                .split(['\n', ',', ' '])
                .filter(|p| !p.trim().is_empty())
                .map(str::to_owned)
                .collect(),
            add_www: self.add_www,
            key_source: KeySource::parse(&self.csr_source),
            csr_pem: self.csr_pem.clone(),
            requester: Contact {
                name: self.requester_name.clone(),
                email: self.requester_email.clone(),
            },
            requester_phone: self.requester_phone.clone(),
            technical: Contact {
                name: self.tech_name.clone(),
                email: self.tech_email.clone(),
            },
            extra_emails: email_parts(&self.extra_emails),
            tags: tag_list(&self.tags),
            remarks: self.remarks.clone(),
            auto_renew: self.auto_renew,
            delegate: Contact {
                name: self.delegate_name.clone(),
                email: self.delegate_email.clone(),
            },
            group_id: (self.group_id != 0).then_some(self.group_id),
            draft: self.draft,
            attributes: self.attributes.clone(),
            organization_id: (self.organization_id > 0)
                .then_some(super::OrganizationId(self.organization_id)),
            signatories: super::ev::Signatories {
                contract_signer: Contact {
                    name: self.signer_name.clone(),
                    email: self.signer_email.clone(),
                },
                approver: Contact {
                    name: self.approver_name.clone(),
                    email: self.approver_email.clone(),
                },
            },
        }
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

    pub fn validate(&self, rules: NameRules) -> Result<ValidOrder, FieldErrors> {
        self.to_command().validate(rules)
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
    /// The page's one-use token: it places at most one order.
    pub form_token: super::order_form_post::FormToken,
    /// What a browser without JavaScript posted so far under the token.
    pub saved: Option<super::order_form_post::SavedOrderForm>,
    /// The order the token placed already (the page was opened again after paying).
    pub placed_order: Option<i32>,
    /// The organizations an OV order may name, by name.
    pub organizations: Vec<OrganizationChoice>,
    /// The GST rate (basis points) added to the price when the account pays in INR and the
    /// operator is registered for GST.
    #[serde(default)]
    pub gst_rate_bp: Option<u32>,
    /// For a partner's user: whom the order is for, and whom else it could be for.
    #[serde(default)]
    pub order_for: Option<super::sub_accounts::OrderForChoices>,
}

/// An organization an order may name: verified and its vetting not aged out, or sent for
/// vetting (the order then waits for the desk).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationChoice {
    pub id: i32,
    pub name: String,
    /// The level it is verified at; `None` while the desk vets it.
    pub level: Option<super::organizations::VettingLevel>,
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
    /// Where it was placed.
    pub source: OrderSource,
    pub product: String,
    pub main_name: String,
    pub names: u32,
    pub status: OrderStatus,
    /// The issued certificate's state, once there is one: a revoked certificate's order
    /// stays "fulfilled", and the list must still show the revocation.
    pub certificate: Option<super::certificate_status::CertificateState>,
    pub price: super::money::Money,
    pub placed_by: String,
    pub created_at: super::Stamp,
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
    /// `csr`: only the paid orders still waiting for their CSR (`?needs=csr`).
    #[serde(default)]
    pub needs: String,
    /// A number of days: only issued orders whose certificate (not revoked) ends within
    /// that many days from now (`?expiring=30`).
    #[serde(default)]
    pub expiring: String,
    #[serde(default)]
    pub page: Option<u64>,
}

/// Where an OV or EV order stands for an interim DV certificate (the seeds' "Download Interim
/// DV").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InterimDv {
    /// Not an OV or EV order, or not waiting with its names validated and its CSR in.
    NotOffered,
    /// Waiting for vetting or EV answers with its names validated: one may be taken.
    Available,
    /// Taken; it works until the order's own certificate supersedes it.
    Issued,
    /// Revoked as superseded by the order's own certificate.
    Superseded,
}

/// What an order waits for, as the Overview counts it and the list filters by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderNeed {
    /// Paid (accepted or in progress), not an S/MIME order, and no CSR yet.
    Csr,
}

impl OrderNeed {
    /// The URL form (`?needs=csr`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Csr => "csr",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        (code == Self::Csr.code()).then_some(Self::Csr)
    }
}

/// The longest look-ahead the `expiring` filter takes, in days.
pub const MAX_EXPIRING_DAYS: u32 = 397;

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
    pub needs: Option<OrderNeed>,
    /// Days ahead: certificates ending within them.
    pub expiring_days: Option<u32>,
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
            errors.add("to", Msg::new("err-end-date-before-start-date"));
        }
        let status = match optional(&self.status) {
            None => None,
            Some(code) => match OrderStatus::parse(&code) {
                Some(s) => Some(s),
                None => {
                    errors.add("status", Msg::new("err-choose-status-list"));
                    None
                }
            },
        };
        let needs = match optional(&self.needs) {
            None => None,
            Some(code) => {
                let need = OrderNeed::parse(&code);
                if need.is_none() {
                    errors.add("needs", Msg::new("err-only-needs-csr-known"));
                }
                need
            }
        };
        let expiring_days = match optional(&self.expiring) {
            None => None,
            Some(days) => match days.parse::<u32>() {
                Ok(d) if (1..=MAX_EXPIRING_DAYS).contains(&d) => Some(d),
                _ => {
                    errors.add(
                        "expiring",
                        Msg::new("err-give-number-days-1-max")
                            .arg("max_expiring_days", MAX_EXPIRING_DAYS),
                    );
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
            needs,
            expiring_days,
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
    pub at: super::Stamp,
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
    /// The newest check of the name's domain that remote perspectives repeated.
    #[serde(default)]
    pub corroboration: Option<super::corroboration::CorroborationView>,
}

/// What *Verify now* on an order's domain did when it did not fail: a check that finds nothing
/// yet is an error the page shows as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DomainCheck {
    Verified,
    /// The validation e-mail went (again) to the domain's mailbox.
    EmailSent,
}

impl DomainCheck {
    /// The order page's `done` notice after the check.
    pub fn done(self) -> super::order_done::OrderDone {
        match self {
            Self::Verified => super::order_done::OrderDone::Verified,
            Self::EmailSent => super::order_done::OrderDone::Mailed,
        }
    }
}

/// The page an order's tracking link opens, for `token` (the portal's path; mails put the
/// public address in front of it).
pub fn tracking_path(token: &str) -> String {
    format!("/track/{token}")
}

/// An order as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub id: i32,
    pub product: String,
    /// The organization an OV order names: its id and legal name.
    pub organization: Option<(super::OrganizationId, String)>,
    /// The order waits for the vetting desk to verify its organization.
    pub organization_in_vetting: bool,
    /// An EV order's consent, agreement and approval, and who answered; empty for others.
    pub ev_steps: Vec<super::ev::EvStepView>,
    /// The interim DV certificate an OV or EV order may take while it waits.
    pub interim_dv: InterimDv,
    pub private: bool,
    pub validity_days: i64,
    pub status: OrderStatus,
    pub price: super::money::Money,
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
    pub created_at: super::Stamp,
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
    /// name when the caller may change them.
    pub change_names_price: Option<super::money::Money>,
    /// "Renew early (ARI)": an ACME order with a live certificate, not marked yet, for a
    /// caller who may approve orders.
    pub can_renew_early: bool,
    /// When the certificate was marked for early renewal.
    pub renewal_marked: Option<super::Moment>,
    /// The certificate profile an ACME client chose for the order (draft-ietf-acme-profiles).
    pub acme_profile: Option<super::acme::AcmeProfile>,
}

impl OrderView {
    /// An S/MIME order names mailboxes, not domains: its key and CSR come from the mailbox
    /// activation, never from the order page.
    pub fn is_mailbox_order(&self) -> bool {
        self.names.iter().any(|n| n.name.contains('@'))
    }
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
    pub works_until: Option<super::Day>,
    /// The order waits for the vetting desk to verify its organization.
    pub organization_in_vetting: bool,
    /// An EV order's consent, agreement and approval; empty for others.
    pub ev_steps: Vec<super::ev::EvStepView>,
    /// The validation methods the requester may choose today (`DomainsPage::methods`).
    #[serde(default)]
    pub methods: Vec<super::domains::DcvMethod>,
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
        organization: None,
    };

    #[test]
    fn only_an_ov_product_names_the_organization_the_form_carries() {
        let with_organization = OrderForm {
            organization_id: 12,
            ..form()
        };
        let dv = with_organization.validate(DV).expect("a DV order");
        assert_eq!(
            dv.organization_id, None,
            "left from a product chosen before"
        );
        let ov = NameRules {
            organization: Some(crate::model::organizations::VettingLevel::Ov),
            ..DV
        };
        let valid = with_organization.validate(ov).expect("an OV order");
        assert_eq!(
            valid.organization_id,
            Some(crate::model::OrganizationId(12))
        );
        let missing = form().validate(ov).unwrap_err();
        assert!(missing.get("organization_id").is_some(), "{missing:?}");
    }

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
                .to_string()
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
            organization: None,
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
    fn the_search_reads_what_orders_wait_for_and_how_soon_they_expire() {
        let ok = OrdersQuery {
            needs: "csr".into(),
            expiring: "30".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(ok.needs, Some(OrderNeed::Csr));
        assert_eq!(ok.expiring_days, Some(30));
        let e = OrdersQuery {
            needs: "coffee".into(),
            expiring: "0".into(),
            ..Default::default()
        }
        .validate()
        .err()
        .unwrap_or_default();
        assert!(e.get("needs").is_some());
        assert!(e.get("expiring").is_some());
    }

    #[test]
    fn tracking_scopes_round_trip_and_junk_is_none() {
        for scope in [TrackingScope::Requester, TrackingScope::Viewer] {
            assert_eq!(TrackingScope::parse(scope.code()), Some(scope));
        }
        assert_eq!(TrackingScope::parse("admin"), None);
    }
}

//! The REST API's own wire types: a stable contract, mapped from the portal's views so the
//! portal's pages can change without breaking API clients.

use app::i18n::Lang;
use app::model::{
    domains::{DomainStatus, DomainView},
    order_actions::CertificateView,
    orders::{NameProgress, OrderSummary, OrderView},
    products::Offer,
};
use serde::Serialize;
use utoipa::ToSchema;

/// A product the key's user may order, with its validity choices and prices.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductDto {
    pub id: i32,
    pub name: String,
    /// `dv_single`, `dv_wildcard`, `dv_ucc`, `dv_wildcard_ucc`, `private`, `smime_mailbox`.
    pub kind: String,
    pub validity_days: Vec<i64>,
    pub currency: String,
    pub prices: Vec<PriceDto>,
    pub included_domains: u32,
    pub max_domains: u32,
    pub wildcard: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PriceDto {
    pub validity_days: i64,
    /// In minor units of `currency` (cents).
    pub base_minor: i64,
    pub per_extra_domain_minor: i64,
}

impl From<Offer> for ProductDto {
    fn from(o: Offer) -> Self {
        Self {
            id: o.id,
            name: o.name,
            kind: o.kind.as_str().to_owned(),
            validity_days: o.validity_days,
            currency: o.currency,
            prices: o
                .prices
                .into_iter()
                .map(|p| PriceDto {
                    validity_days: p.validity_days,
                    base_minor: p.base_minor,
                    per_extra_domain_minor: p.per_extra_domain_minor,
                })
                .collect(),
            included_domains: o.included_domains,
            max_domains: o.max_domains,
            wildcard: o.wildcard,
        }
    }
}

/// One order in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderSummaryDto {
    pub id: i32,
    /// Where it was placed: `Portal`, `API` or `ACME`.
    pub source: String,
    pub product: String,
    pub main_name: String,
    pub names: u32,
    /// See `Order.status`.
    pub status: String,
    pub price: String,
    pub placed_by: String,
    pub created_at: String,
    pub tags: Vec<String>,
}

impl From<OrderSummary> for OrderSummaryDto {
    fn from(o: OrderSummary) -> Self {
        Self {
            id: o.id,
            source: o.source.as_str().to_owned(),
            product: o.product,
            main_name: o.main_name,
            names: o.names,
            status: o.status.code().to_owned(),
            price: o.price.to_string(),
            placed_by: o.placed_by,
            created_at: o.created_at.as_str().to_owned(),
            tags: o.tags,
        }
    }
}

/// A page of orders, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderListDto {
    pub orders: Vec<OrderSummaryDto>,
    pub page: u64,
    pub per_page: u64,
    pub pages: u64,
    pub total: u64,
}

/// How control of one name of an order stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct NameDto {
    pub name: String,
    /// A verified domain of the account that covers the name, when one does.
    pub covered_by: Option<String>,
    /// The domain to validate otherwise.
    pub validation: Option<DomainDto>,
}

/// A domain of the account and its domain-control validation.
#[derive(Debug, Serialize, ToSchema)]
pub struct DomainDto {
    pub id: i32,
    pub name: String,
    /// `pending`, `verified` or `expired`.
    pub status: String,
    /// `dns_txt`, `http_file` or `email:<mailbox>`.
    pub method: String,
    /// The random value to publish (never shown for e-mail).
    pub value: Option<String>,
    /// The TXT record's name or the file's URL.
    pub location: Option<String>,
    pub verified_at: Option<String>,
    pub dcv_expires_at: Option<String>,
    pub last_error: Option<String>,
}

impl From<DomainView> for DomainDto {
    fn from(d: DomainView) -> Self {
        Self {
            id: d.id,
            name: d.name,
            status: match d.status {
                DomainStatus::Pending => "pending",
                DomainStatus::Verified => "verified",
                DomainStatus::Expired => "expired",
            }
            .to_owned(),
            method: d.method.code(),
            value: d.value,
            location: d.location,
            verified_at: d.verified_at.map(|t| t.as_str().to_owned()),
            dcv_expires_at: d.dcv_expires_at.map(|t| t.as_str().to_owned()),
            last_error: d.last_error,
        }
    }
}

impl From<NameProgress> for NameDto {
    fn from(n: NameProgress) -> Self {
        Self {
            name: n.name,
            covered_by: n.covered_by,
            validation: n.domain.map(DomainDto::from),
        }
    }
}

/// The order's certificate, once issued.
#[derive(Debug, Serialize, ToSchema)]
pub struct CertificateDto {
    /// Hex.
    pub serial: String,
    pub not_before: String,
    pub not_after: String,
    /// `Valid`, `Expired` or `Revoked`.
    pub state: String,
    pub revoked_at: Option<String>,
    pub revocation_reason: Option<String>,
    /// The first day the order may be renewed.
    pub renewable_from: String,
}

impl From<CertificateView> for CertificateDto {
    fn from(c: CertificateView) -> Self {
        Self {
            serial: c.serial,
            not_before: c.not_before.text(Lang::En),
            not_after: c.not_after.text(Lang::En),
            state: c.state.label().to_owned(),
            revoked_at: c.revoked_at.map(|t| t.text(Lang::En)),
            revocation_reason: c.revocation_reason.map(|code| {
                app::model::order_actions::revocation_reason_key(&code)
                    .map_or(code, |key| app::i18n::tr(Lang::En, key))
            }),
            renewable_from: c.renewable_from.text(Lang::En),
        }
    }
}

/// An order with its names, validation and certificate.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderDto {
    pub id: i32,
    pub product: String,
    /// The vetted organization an OV order names (`GET /api/v1/organizations/{id}`).
    pub organization_id: Option<i32>,
    pub validity_days: i64,
    /// `on_hold`, `pending_approval`, `pending_parent_approval`, `accepted`, `in_progress`,
    /// `fulfilled`, `cancelled` or `rejected`.
    pub status: String,
    pub price: String,
    pub group: String,
    pub placed_by: String,
    pub names: Vec<NameDto>,
    pub has_csr: bool,
    pub tags: Vec<String>,
    pub remarks: String,
    pub auto_renew: bool,
    /// Why it was rejected or cancelled.
    pub reason: Option<String>,
    pub issue_error: Option<String>,
    /// The public tracking page (validation and CSR without signing in).
    pub tracking_url: String,
    pub created_at: String,
    pub certificate: Option<CertificateDto>,
    /// The order this one renews or reissues.
    pub origin_order_id: Option<i32>,
    pub can_cancel: bool,
    pub can_revoke: bool,
    pub can_reissue: bool,
    pub can_renew: bool,
}

impl From<OrderView> for OrderDto {
    fn from(o: OrderView) -> Self {
        Self {
            id: o.id,
            product: o.product,
            organization_id: o.organization.map(|(id, _)| id.get()),
            validity_days: o.validity_days,
            status: o.status.code().to_owned(),
            price: o.price.to_string(),
            group: o.group,
            placed_by: o.placed_by,
            names: o.names.into_iter().map(NameDto::from).collect(),
            has_csr: o.has_csr,
            tags: o.tags,
            remarks: o.remarks,
            auto_renew: o.auto_renew,
            reason: o.reason,
            issue_error: o.issue_error,
            tracking_url: o.tracking_url,
            created_at: o.created_at.as_str().to_owned(),
            certificate: o.certificate.map(CertificateDto::from),
            origin_order_id: o.origin.map(|l| l.order_id),
            can_cancel: o.can_cancel,
            can_revoke: o.can_revoke,
            can_reissue: o.can_reissue,
            can_renew: o.can_renew,
        }
    }
}

use app::model::{
    Currency,
    order_status::OrderStatus,
    orders::{KeySource, OrderSource},
    products::ProductKind,
};
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "orders")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub account_id: i32,
    pub group_id: i32,
    pub placed_by: i32,
    pub product_id: i32,
    pub product_name: String,
    pub product_kind: Stored<ProductKind>,
    pub profile: String,
    pub private_ca: Option<String>,
    pub validity_days: i32,
    pub price_minor: i64,
    pub currency: Stored<Currency>,
    pub status: Stored<OrderStatus>,
    pub csr_pem: Option<String>,
    pub key_source: Stored<KeySource>,
    pub requester_name: String,
    pub requester_email: String,
    pub requester_phone: String,
    pub tags: String,
    pub remarks: String,
    pub tech_name: String,
    pub tech_email: String,
    pub extra_emails: String,
    pub auto_renew: bool,
    pub template_values: String,
    pub certificate_id: Option<i32>,
    /// The interim DV certificate taken while the order waited for vetting (OV, EV).
    pub interim_certificate_id: Option<i32>,
    /// When the interim DV certificate was revoked as superseded.
    pub interim_superseded_at: Option<DateTimeUtc>,
    pub issue_error: Option<String>,
    pub reason: Option<String>,
    /// `Portal` or `ACME`: where the order was placed.
    pub source: Stored<OrderSource>,
    /// The vetted organization an OV or EV order names.
    pub organization_id: Option<i32>,
    /// A sub-account's order: the partner that pays the operator for it.
    pub partner_account_id: Option<i32>,
    /// What the partner pays the operator, in the partner's currency.
    pub partner_price_minor: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

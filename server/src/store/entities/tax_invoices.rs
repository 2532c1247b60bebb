use app::model::Currency;
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tax_invoices")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The account charged (for a sub-account's order, the partner).
    pub account_id: i32,
    pub order_id: i32,
    /// The ledger transaction of the charge.
    pub transaction_id: i32,
    pub financial_year: i32,
    pub sequence: i32,
    pub number: String,
    pub currency: Stored<Currency>,
    pub taxable_minor: i64,
    pub cgst_minor: i64,
    pub sgst_minor: i64,
    pub igst_minor: i64,
    pub rate_bp: i32,
    pub sac: String,
    pub seller_gstin: Option<String>,
    pub seller_state: Option<i32>,
    pub buyer_gstin: Option<String>,
    pub buyer_state: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

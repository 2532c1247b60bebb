use app::model::{
    Currency,
    payments::{PaymentProvider, PaymentStatus},
};
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub account_id: i32,
    pub provider: Stored<PaymentProvider>,
    pub provider_payment_id: Option<String>,
    pub amount_minor: i64,
    pub currency: Stored<Currency>,
    pub status: Stored<PaymentStatus>,
    pub checkout_url: Option<String>,
    pub reference: Option<String>,
    /// `YYYY-MM-DD`.
    pub paid_on: Option<String>,
    pub proof_file_name: Option<String>,
    pub proof_content_type: Option<String>,
    pub proof_bytes: Option<Vec<u8>>,
    pub reason: Option<String>,
    pub form_token: String,
    pub created_by_user_id: i32,
    pub ledger_transaction_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
    pub decided_by_user_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

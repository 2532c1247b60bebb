use app::model::{Currency, payments::WithdrawalStatus};
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "withdrawals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub account_id: i32,
    pub amount_minor: i64,
    pub currency: Stored<Currency>,
    pub status: Stored<WithdrawalStatus>,
    pub bank_text: String,
    pub reason: Option<String>,
    pub form_token: String,
    pub requested_by_user_id: i32,
    pub created_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
    pub decided_by_user_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

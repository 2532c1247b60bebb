use app::model::groups::FinanceMode;
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "groups")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub account_id: i32,
    pub name: String,
    pub description: String,
    pub is_default: bool,
    pub finance_mode: Stored<FinanceMode>,
    pub spend_limit_minor: Option<i64>,
    /// Comma-separated addresses that get renewal and expiry notices of the group's orders.
    pub renewal_emails: String,
    pub created_at: DateTimeUtc,
    /// Only the group's members use it.
    pub restricted: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

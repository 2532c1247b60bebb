use crate::domain::ledger::Kind;
use app::model::Currency;
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_transactions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub account_id: i32,
    /// grant | allocate | deallocate | order_charge | order_refund
    pub kind: Stored<Kind>,
    pub group_id: Option<i32>,
    pub order_id: Option<i32>,
    /// The amount moved, always positive.
    pub amount_minor: i64,
    pub currency: Stored<Currency>,
    pub memo: String,
    pub actor_user_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

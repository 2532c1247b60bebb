use app::model::Currency;
use sea_orm::entity::prelude::*;

use crate::{domain::ledger::Holder, store::stored::Stored};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_balances")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub account_id: i32,
    pub holder: Stored<Holder>,
    pub balance_minor: i64,
    pub currency: Stored<Currency>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

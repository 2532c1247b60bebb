use app::{i18n::Lang, model::Currency};
use sea_orm::entity::prelude::*;

use crate::{domain::ledger::Holder, store::stored::Stored};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "low_balance_alerts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub account_id: i32,
    pub holder: Stored<Holder>,
    pub group_id: Option<i32>,
    pub enabled: bool,
    pub threshold_minor: i64,
    pub currency: Stored<Currency>,
    pub addresses: String,
    pub lang: Stored<Lang>,
    pub below: bool,
    pub updated_at: DateTimeUtc,
    pub updated_by_user_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

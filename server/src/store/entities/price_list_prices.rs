use app::model::Currency;
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "price_list_prices")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub price_list_id: i32,
    pub product_id: i32,
    pub currency: Stored<Currency>,
    pub validity_days: i64,
    pub base_minor: i64,
    pub per_extra_domain_minor: i64,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

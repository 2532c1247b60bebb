use app::model::acme::AcmeAuthzStatus;
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "acme_authzs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub acme_order_id: i32,
    pub identifier: String,
    pub wildcard: bool,
    pub status: Stored<AcmeAuthzStatus>,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

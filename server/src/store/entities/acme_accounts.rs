use app::model::acme::AcmeAccountStatus;
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "acme_accounts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub thumbprint: String,
    pub jwk: String,
    pub status: Stored<AcmeAccountStatus>,
    pub contact: String,
    pub account_id: i32,
    pub user_id: i32,
    pub group_id: i32,
    pub product_id: i32,
    pub eab_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

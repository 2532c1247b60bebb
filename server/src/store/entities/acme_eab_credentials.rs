use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "acme_eab_credentials")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub key_id: String,
    pub hmac_sealed: Vec<u8>,
    pub account_id: i32,
    pub user_id: i32,
    pub group_id: i32,
    pub product_id: i32,
    pub tags: String,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub bound_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    /// The verified organization its ACME accounts' orders name (OV); none for DV.
    pub organization_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

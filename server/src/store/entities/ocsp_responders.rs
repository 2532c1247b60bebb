use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ocsp_responders")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub ca_id: i32,
    pub key_id: i32,
    pub cert_der: Vec<u8>,
    pub not_after: DateTimeUtc,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

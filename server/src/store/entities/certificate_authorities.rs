use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certificate_authorities")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub name: String,
    pub parent_id: Option<i32>,
    pub key_id: i32,
    pub subject: String,
    pub cert_der: Vec<u8>,
    pub not_before: DateTimeUtc,
    pub not_after: DateTimeUtc,
    pub created_at: DateTimeUtc,
    /// The account that owns a private CA; `None` for the operator's public hierarchy.
    pub account_id: Option<i32>,
    /// How many CRL shards the CA's certificates are spread over (`/crl/<ca>/<n>.crl`, 1 to
    /// this); 0 for a CA whose certificates all name its whole-CA CRL. Only ever grows.
    pub crl_shards: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

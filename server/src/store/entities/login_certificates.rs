use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_certificates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub label: String,
    /// Lower-case hex of SHA-256 over the DER encoding: how a TLS peer certificate is found.
    #[sea_orm(unique)]
    pub fingerprint: String,
    pub subject: String,
    pub issuer: String,
    pub serial_hex: String,
    pub not_before: DateTimeUtc,
    pub not_after: DateTimeUtc,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

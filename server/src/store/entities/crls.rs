use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "crls")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub ca_id: i32,
    pub crl_number: i64,
    pub this_update: DateTimeUtc,
    pub next_update: DateTimeUtc,
    pub der: Vec<u8>,
    pub entries: i32,
    /// The shard this CRL covers (0: the CA's whole-CA URL); each shard numbers its own CRLs.
    pub shard: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "user_totp")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub user_id: i32,
    /// The TOTP secret, sealed with the master key (AES-256-GCM).
    pub secret_sealed: Vec<u8>,
    /// When the user proved their app works; until then the secret is only offered.
    pub confirmed_at: Option<DateTimeUtc>,
    /// The last TOTP step accepted: a code of this step or earlier is a replay.
    pub last_step: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

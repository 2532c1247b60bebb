use sea_orm::entity::prelude::*;

use crate::{domain::client_limits::ThrottleScope, store::stored::Stored};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "throttle_attempts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub scope: Stored<ThrottleScope>,
    pub key: String,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

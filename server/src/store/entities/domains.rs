use app::model::domains::{DcvMethod, DcvStatus};
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "domains")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub account_id: i32,
    pub name: String,
    pub method: Stored<DcvMethod>,
    pub random_value: String,
    pub value_created_at: DateTimeUtc,
    pub status: Stored<DcvStatus>,
    pub verified_at: Option<DateTimeUtc>,
    pub verified_method: Option<Stored<DcvMethod>>,
    pub dcv_expires_at: Option<DateTimeUtc>,
    pub rule: Option<String>,
    pub rules_version: Option<String>,
    pub last_error: Option<String>,
    pub last_checked_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

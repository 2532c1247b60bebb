use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;
use app::model::vetting::VettingItem;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organization_checks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organization_id: i32,
    pub item: Stored<VettingItem>,
    /// The vetting agent; none when the representative's answer checked it.
    pub checked_by: Option<i32>,
    pub checked_at: DateTimeUtc,
    pub source: String,
    pub note: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

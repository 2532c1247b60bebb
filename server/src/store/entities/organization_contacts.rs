use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;
use app::model::organizations::ContactRole;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organization_contacts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organization_id: i32,
    pub role: Stored<ContactRole>,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub designation: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "legal_documents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `terms` or `subscriber_agreement`.
    pub kind: String,
    pub version: i32,
    pub title: String,
    pub body: String,
    pub published_at: DateTimeUtc,
    /// The operator user who published it; none for the version the schema seeded.
    pub published_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

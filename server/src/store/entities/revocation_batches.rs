use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "revocation_batches")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub created_by: i32,
    /// The operator as the audit log names them.
    pub operator: String,
    pub reason: crate::store::stored::Stored<crate::domain::revocation::RevocationReason>,
    pub comment: String,
    #[sea_orm(unique)]
    pub form_token: String,
    /// The search, in words.
    pub criteria: String,
    pub total: i32,
    pub created_at: DateTimeUtc,
    pub finished_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

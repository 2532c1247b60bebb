use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;
use app::model::organizations::DocumentType;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organization_documents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organization_id: i32,
    /// The name the file had on the uploader's computer, cleaned for display.
    pub file_name: String,
    /// Read from the bytes when uploaded.
    pub content_type: Stored<DocumentType>,
    pub size_bytes: i64,
    /// Hex SHA-256 of the bytes, for the audit trail and to spot the same file twice.
    pub sha256: String,
    pub uploaded_by: i32,
    pub uploaded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

use app::model::products::ProductKind;
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "products")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `None` for the operator's public products.
    pub account_id: Option<i32>,
    /// The private CA's name, for private products.
    pub private_ca: Option<String>,
    pub kind: Stored<ProductKind>,
    pub name: String,
    pub active: bool,
    /// Comma-separated validity choices in days.
    pub validity_days: String,
    pub included_domains: i32,
    pub max_domains: i32,
    /// The private template's profile name.
    pub template: Option<String>,
    /// JSON list of the template's field rules; empty for public products.
    pub field_rules: String,
    pub auto_approve: bool,
    /// JSON list of checklist items.
    pub checklist: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

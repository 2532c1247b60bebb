use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;
use app::model::organizations::{OrganizationStatus, OrganizationType};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organizations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub account_id: i32,
    pub legal_name: String,
    pub trade_name: Option<String>,
    pub org_type: Stored<OrganizationType>,
    pub registration_number: Option<String>,
    pub registration_agency: Option<String>,
    pub jurisdiction_country: String,
    pub jurisdiction_state: Option<String>,
    pub jurisdiction_locality: Option<String>,
    pub street: String,
    pub city: String,
    pub state_province: Option<String>,
    pub postal_code: Option<String>,
    pub country: String,
    pub phone: String,
    pub status: Stored<OrganizationStatus>,
    pub rejection_reason: Option<String>,
    pub verified_until: Option<DateTimeUtc>,
    /// Lower-case names and registration number, for the list's search.
    pub search_text: String,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub submitted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

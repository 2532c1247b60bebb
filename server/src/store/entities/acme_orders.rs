use app::model::acme::AcmeProfile;
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "acme_orders")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub acme_account_id: i32,
    #[sea_orm(unique)]
    pub order_id: i32,
    pub identifiers: String,
    pub expires_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    /// The RFC 9773 certID of the certificate this order replaces.
    pub replaces: Option<String>,
    /// The certificate profile the order was placed for (draft-ietf-acme-profiles).
    pub profile: Stored<AcmeProfile>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

use app::model::orders::TrackingScope;
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tracking_links")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    pub account_id: i32,
    /// The address the link was made for (lower case).
    pub recipient: String,
    /// `requester` or `viewer`.
    pub scope: Stored<TrackingScope>,
    /// SHA-256 of the token, hex: the token itself is never stored.
    pub token_hash: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

use app::model::ev::{EvAnswer, EvStep};
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ev_steps")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    pub account_id: i32,
    pub step: Stored<EvStep>,
    pub name: String,
    pub email: String,
    pub token_hash: Option<String>,
    pub expires_at: DateTimeUtc,
    pub answer: Option<Stored<EvAnswer>>,
    pub answered_at: Option<DateTimeUtc>,
    pub answered_from: Option<String>,
    pub reason: String,
    pub agreement_version: Option<i32>,
    pub agreement_text: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

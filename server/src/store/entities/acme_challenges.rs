use app::model::acme::{AcmeChallengeKind, AcmeChallengeStatus};
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "acme_challenges")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub authz_id: i32,
    pub kind: Stored<AcmeChallengeKind>,
    pub token: String,
    pub status: Stored<AcmeChallengeStatus>,
    pub validated_at: Option<DateTimeUtc>,
    pub error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

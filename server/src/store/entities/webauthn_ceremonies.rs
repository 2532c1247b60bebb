use app::model::passkeys::CeremonyPurpose;
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webauthn_ceremonies")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// SHA-256 of the ceremony token the browser carries between start and finish.
    #[sea_orm(unique)]
    pub token_hash: String,
    pub purpose: Stored<CeremonyPurpose>,
    pub user_id: Option<i32>,
    pub session_id: Option<i32>,
    /// webauthn-rs's serialised ceremony state (challenge and expectations).
    pub state: String,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

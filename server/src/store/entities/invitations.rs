use app::model::{invitation::InvitationAnswer, roles::AssignedRole, users::GroupAccess};
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invitations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub account_id: i32,
    pub user_id: i32,
    pub role: Stored<AssignedRole>,
    pub group_access: Stored<GroupAccess>,
    pub employee_id: String,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub invited_by: i32,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub answered_at: Option<DateTimeUtc>,
    /// `accepted` or `declined` once answered.
    pub answer: Option<Stored<InvitationAnswer>>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

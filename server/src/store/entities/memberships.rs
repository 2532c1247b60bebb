use app::model::{roles::AssignedRole, user_status::MembershipStatus, users::GroupAccess};
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "memberships")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub account_id: i32,
    pub role: Stored<AssignedRole>,
    pub created_at: DateTimeUtc,
    /// Deactivated by an administrator of the account, or not.
    pub status: Stored<MembershipStatus>,
    /// `all` groups or `specific` ones.
    pub group_access: Stored<GroupAccess>,
    /// The account's own record of the user ("" when none).
    pub employee_id: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

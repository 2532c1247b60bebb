//! Invitations of existing users to another account, answered by the user through a mailed
//! link. Every query names the account or the user it is for; the token is kept as a hash.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use app::model::{invitation::InvitationAnswer, roles::AssignedRole, users::GroupAccess};

use super::{Db, InvitationRow, StoreError, entities::invitations, stored::Stored};

pub const ACCEPTED: InvitationAnswer = InvitationAnswer::Accepted;
pub const DECLINED: InvitationAnswer = InvitationAnswer::Declined;

pub struct NewInvitation<'a> {
    pub account_id: i32,
    pub user_id: i32,
    pub role: AssignedRole,
    pub group_access: GroupAccess,
    pub employee_id: &'a str,
    pub token_hash: &'a str,
    pub invited_by: i32,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

pub async fn insert(db: &impl Db, new: NewInvitation<'_>) -> Result<InvitationRow, StoreError> {
    invitations::ActiveModel {
        account_id: Set(new.account_id),
        user_id: Set(new.user_id),
        role: Set(new.role.into()),
        group_access: Set(new.group_access.into()),
        employee_id: Set(new.employee_id.to_owned()),
        token_hash: Set(new.token_hash.to_owned()),
        invited_by: Set(new.invited_by),
        created_at: Set(new.created_at),
        expires_at: Set(new.expires_at),
        answered_at: Set(None),
        answer: Set(None),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

/// The invitation a link names, whoever it is for (the service checks that).
pub async fn find_by_hash(
    db: &impl Db,
    token_hash: &str,
) -> Result<Option<InvitationRow>, StoreError> {
    Ok(invitations::Entity::find()
        .filter(invitations::Column::TokenHash.eq(token_hash))
        .one(db.conn())
        .await?)
}

/// The account's unanswered invitations (expired ones too, so it can see them lapse), newest
/// first.
pub async fn open_for_account(
    db: &impl Db,
    account_id: i32,
) -> Result<Vec<InvitationRow>, StoreError> {
    Ok(invitations::Entity::find()
        .filter(invitations::Column::AccountId.eq(account_id))
        .filter(invitations::Column::AnsweredAt.is_null())
        .order_by_desc(invitations::Column::Id)
        .all(db.conn())
        .await?)
}

/// The account's unanswered invitation of a user that is still valid at `now`.
pub async fn pending_for(
    db: &impl Db,
    account_id: i32,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<Option<InvitationRow>, StoreError> {
    Ok(invitations::Entity::find()
        .filter(invitations::Column::AccountId.eq(account_id))
        .filter(invitations::Column::UserId.eq(user_id))
        .filter(invitations::Column::AnsweredAt.is_null())
        .filter(invitations::Column::ExpiresAt.gt(now))
        .one(db.conn())
        .await?)
}

/// Records the user's answer; false when the invitation was answered already (a second,
/// concurrent use of the link loses here).
pub async fn answer(
    db: &impl Db,
    account: app::model::AccountId,
    id: i32,
    user_id: i32,
    answer: InvitationAnswer,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let result = invitations::Entity::update_many()
        .col_expr(invitations::Column::AnsweredAt, Expr::value(at))
        .col_expr(invitations::Column::Answer, Expr::value(Stored(answer)))
        .filter(invitations::Column::AccountId.eq(account.get()))
        .filter(invitations::Column::Id.eq(id))
        .filter(invitations::Column::UserId.eq(user_id))
        .filter(invitations::Column::AnsweredAt.is_null())
        .exec(db.conn())
        .await?;
    Ok(result.rows_affected == 1)
}

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, entity::prelude::*};

use app::model::session::SecondFactorState;

use super::{Db, SessionRow, StoreError, entities::sessions, stored::Stored};

pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub user_id: i32,
    pub account_id: i32,
    pub ip: &'a str,
    pub user_agent: Option<&'a str>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub second_factor: SecondFactorState,
}

pub const SECOND_FACTOR_DONE: SecondFactorState = SecondFactorState::Done;
pub const SECOND_FACTOR_ENROL: SecondFactorState = SecondFactorState::Enrol;
pub const SECOND_FACTOR_CODE: SecondFactorState = SecondFactorState::Code;

pub async fn insert(db: &impl Db, new: NewSession<'_>) -> Result<SessionRow, StoreError> {
    sessions::ActiveModel {
        token_hash: Set(new.token_hash.to_owned()),
        user_id: Set(new.user_id),
        account_id: Set(new.account_id),
        ip: Set(new.ip.to_owned()),
        user_agent: Set(new.user_agent.map(|ua| ua.chars().take(300).collect())),
        created_at: Set(new.created_at),
        last_seen_at: Set(new.created_at),
        expires_at: Set(new.expires_at),
        revoked_at: Set(None),
        second_factor: Set(new.second_factor.into()),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

pub async fn find_by_hash(
    db: &impl Db,
    token_hash: &str,
) -> Result<Option<SessionRow>, StoreError> {
    Ok(sessions::Entity::find()
        .filter(sessions::Column::TokenHash.eq(token_hash))
        .one(db.conn())
        .await?)
}

pub async fn touch(db: &impl Db, id: i32, at: DateTime<Utc>) -> Result<(), StoreError> {
    sessions::Entity::update_many()
        .col_expr(sessions::Column::LastSeenAt, Expr::value(at))
        .filter(sessions::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

pub async fn revoke(db: &impl Db, id: i32, at: DateTime<Utc>) -> Result<(), StoreError> {
    sessions::Entity::update_many()
        .col_expr(sessions::Column::RevokedAt, Expr::value(at))
        .filter(sessions::Column::Id.eq(id))
        .filter(sessions::Column::RevokedAt.is_null())
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Ends every live session of a user in one account (deactivation, password change).
pub async fn revoke_for_member(
    db: &impl Db,
    user_id: i32,
    account_id: i32,
    at: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let r = sessions::Entity::update_many()
        .col_expr(sessions::Column::RevokedAt, Expr::value(at))
        .filter(sessions::Column::UserId.eq(user_id))
        .filter(sessions::Column::AccountId.eq(account_id))
        .filter(sessions::Column::RevokedAt.is_null())
        .exec(db.conn())
        .await?;
    Ok(r.rows_affected)
}

/// Ends every live session of a user except `keep` (after a password change).
pub async fn revoke_others(
    db: &impl Db,
    user_id: i32,
    keep: i32,
    at: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let r = sessions::Entity::update_many()
        .col_expr(sessions::Column::RevokedAt, Expr::value(at))
        .filter(sessions::Column::UserId.eq(user_id))
        .filter(sessions::Column::Id.ne(keep))
        .filter(sessions::Column::RevokedAt.is_null())
        .exec(db.conn())
        .await?;
    Ok(r.rows_affected)
}

/// Points a session at another account of the same user.
pub async fn set_account(db: &impl Db, id: i32, account_id: i32) -> Result<(), StoreError> {
    sessions::Entity::update_many()
        .col_expr(sessions::Column::AccountId, Expr::value(account_id))
        .filter(sessions::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Holds the session back until the user enrols a second factor (they switched into an
/// account that enforces one).
pub async fn require_enrolment(db: &impl Db, id: i32) -> Result<(), StoreError> {
    sessions::Entity::update_many()
        .col_expr(
            sessions::Column::SecondFactor,
            Expr::value(Stored(SECOND_FACTOR_ENROL)),
        )
        .filter(sessions::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Records that the session passed its second factor.
pub async fn complete_second_factor(db: &impl Db, id: i32) -> Result<(), StoreError> {
    sessions::Entity::update_many()
        .col_expr(
            sessions::Column::SecondFactor,
            Expr::value(Stored(SECOND_FACTOR_DONE)),
        )
        .filter(sessions::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

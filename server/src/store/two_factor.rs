//! TOTP secrets and recovery codes of users.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, PaginatorTrait, entity::prelude::*, sea_query::OnConflict};

use super::{
    Db, StoreError,
    entities::{recovery_codes, user_totp},
};

pub type TotpRow = user_totp::Model;

pub async fn totp_of(db: &impl Db, user_id: i32) -> Result<Option<TotpRow>, StoreError> {
    Ok(user_totp::Entity::find()
        .filter(user_totp::Column::UserId.eq(user_id))
        .one(db.conn())
        .await?)
}

/// Offers a new, unconfirmed secret to a user (replacing an earlier unconfirmed one).
pub async fn offer_secret(db: &impl Db, user_id: i32, sealed: &[u8]) -> Result<(), StoreError> {
    user_totp::Entity::insert(user_totp::ActiveModel {
        user_id: Set(user_id),
        secret_sealed: Set(sealed.to_vec()),
        confirmed_at: Set(None),
        last_step: Set(0),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(user_totp::Column::UserId)
            .update_columns([
                user_totp::Column::SecretSealed,
                user_totp::Column::ConfirmedAt,
                user_totp::Column::LastStep,
            ])
            .to_owned(),
    )
    .exec_without_returning(db.conn())
    .await?;
    Ok(())
}

/// Moves the last accepted step forward; false when another request accepted this step or a
/// later one first (a replay racing the original).
pub async fn accept_step(
    db: &impl Db,
    user_id: i32,
    step: i64,
    confirm_at: Option<DateTime<Utc>>,
) -> Result<bool, StoreError> {
    let mut update = user_totp::Entity::update_many()
        .col_expr(user_totp::Column::LastStep, Expr::value(step))
        .filter(user_totp::Column::UserId.eq(user_id))
        .filter(user_totp::Column::LastStep.lt(step));
    if let Some(at) = confirm_at {
        update = update.col_expr(user_totp::Column::ConfirmedAt, Expr::value(at));
    }
    Ok(update.exec(db.conn()).await?.rows_affected == 1)
}

/// Replaces a user's recovery codes with new ones (hashes).
pub async fn replace_recovery_codes(
    db: &impl Db,
    user_id: i32,
    hashes: &[String],
) -> Result<(), StoreError> {
    recovery_codes::Entity::delete_many()
        .filter(recovery_codes::Column::UserId.eq(user_id))
        .exec(db.conn())
        .await?;
    recovery_codes::Entity::insert_many(hashes.iter().map(|h| recovery_codes::ActiveModel {
        user_id: Set(user_id),
        code_hash: Set(h.clone()),
        used_at: Set(None),
        ..Default::default()
    }))
    .exec_without_returning(db.conn())
    .await?;
    Ok(())
}

/// Spends an unused recovery code; false when there is none with this hash.
pub async fn use_recovery_code(
    db: &impl Db,
    user_id: i32,
    hash: &str,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let r = recovery_codes::Entity::update_many()
        .col_expr(recovery_codes::Column::UsedAt, Expr::value(at))
        .filter(recovery_codes::Column::UserId.eq(user_id))
        .filter(recovery_codes::Column::CodeHash.eq(hash))
        .filter(recovery_codes::Column::UsedAt.is_null())
        .exec(db.conn())
        .await?;
    Ok(r.rows_affected >= 1)
}

/// How many of a user's recovery codes are still unused.
pub async fn unused_recovery_codes(db: &impl Db, user_id: i32) -> Result<u64, StoreError> {
    Ok(recovery_codes::Entity::find()
        .filter(recovery_codes::Column::UserId.eq(user_id))
        .filter(recovery_codes::Column::UsedAt.is_null())
        .count(db.conn())
        .await?)
}

/// Forgets a user's app and recovery codes.
pub async fn remove(db: &impl Db, user_id: i32) -> Result<(), StoreError> {
    recovery_codes::Entity::delete_many()
        .filter(recovery_codes::Column::UserId.eq(user_id))
        .exec(db.conn())
        .await?;
    user_totp::Entity::delete_many()
        .filter(user_totp::Column::UserId.eq(user_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

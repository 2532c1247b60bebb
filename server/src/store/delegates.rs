//! Download delegates (ORD-10): someone named at order time who downloads the certificate
//! with the order number and a PIN sent to them. Looked up by order id, which the PIN proves.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    entity::prelude::*,
    sea_query::{Expr, ExprTrait},
};

use super::{Db, StoreError, entities::order_delegates};

pub type DelegateRow = order_delegates::Model;

pub async fn insert(
    db: &impl Db,
    order_id: i32,
    name: &str,
    email: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    order_delegates::ActiveModel {
        order_id: Set(order_id),
        name: Set(name.to_owned()),
        email: Set(email.to_owned()),
        pin_hash: Set(None),
        failures: Set(0),
        locked_until: Set(None),
        pin_sent_at: Set(None),
        created_at: Set(at),
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

pub async fn find(db: &impl Db, order_id: i32) -> Result<Option<DelegateRow>, StoreError> {
    Ok(order_delegates::Entity::find_by_id(order_id)
        .one(db.conn())
        .await?)
}

/// Stores a new PIN (its hash) and forgets earlier failures.
pub async fn set_pin(
    db: &impl Db,
    order_id: i32,
    pin_hash: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    order_delegates::Entity::update_many()
        .col_expr(order_delegates::Column::PinHash, Expr::value(pin_hash))
        .col_expr(order_delegates::Column::PinSentAt, Expr::value(at))
        .col_expr(order_delegates::Column::Failures, Expr::value(0))
        .col_expr(
            order_delegates::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(order_delegates::Column::OrderId.eq(order_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// What taking a PIN attempt found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinClaim {
    /// The attempt is counted (as a failure until it succeeds) and may be checked.
    Claimed,
    /// The order's delegated downloads are locked until then.
    Locked(DateTime<Utc>),
    /// The order has no delegate.
    NoDelegate,
}

/// Counts a PIN attempt *before* it is checked. The count is taken by one conditional
/// UPDATE, so however many attempts arrive at once, at most `limit` find a slot; the attempt
/// that takes the last one locks the downloads until `lock_until` straight away (a right PIN
/// lifts the lock again in [`succeed`]). A lock that has ended starts a fresh count.
pub async fn claim_attempt(
    db: &impl Db,
    order_id: i32,
    limit: i32,
    now: DateTime<Utc>,
    lock_until: DateTime<Utc>,
) -> Result<PinClaim, StoreError> {
    order_delegates::Entity::update_many()
        .col_expr(order_delegates::Column::Failures, Expr::value(0))
        .col_expr(
            order_delegates::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(order_delegates::Column::OrderId.eq(order_id))
        .filter(order_delegates::Column::LockedUntil.lte(now))
        .exec(db.conn())
        .await?;
    let taken = order_delegates::Entity::update_many()
        .col_expr(
            order_delegates::Column::Failures,
            Expr::col(order_delegates::Column::Failures).add(1),
        )
        .filter(order_delegates::Column::OrderId.eq(order_id))
        .filter(order_delegates::Column::Failures.lt(limit))
        .filter(order_delegates::Column::LockedUntil.is_null())
        .exec(db.conn())
        .await?
        .rows_affected;
    order_delegates::Entity::update_many()
        .col_expr(
            order_delegates::Column::LockedUntil,
            Expr::value(lock_until),
        )
        .filter(order_delegates::Column::OrderId.eq(order_id))
        .filter(order_delegates::Column::Failures.gte(limit))
        .filter(order_delegates::Column::LockedUntil.is_null())
        .exec(db.conn())
        .await?;
    if taken > 0 {
        return Ok(PinClaim::Claimed);
    }
    Ok(match find(db, order_id).await? {
        None => PinClaim::NoDelegate,
        // All slots are taken by attempts still being checked: as good as locked.
        Some(row) => PinClaim::Locked(row.locked_until.unwrap_or(lock_until)),
    })
}

/// A right PIN: its attempt and the earlier failures are forgiven, and a lock its attempt
/// set is lifted.
pub async fn succeed(db: &impl Db, order_id: i32) -> Result<(), StoreError> {
    order_delegates::Entity::update_many()
        .col_expr(order_delegates::Column::Failures, Expr::value(0))
        .col_expr(
            order_delegates::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(order_delegates::Column::OrderId.eq(order_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

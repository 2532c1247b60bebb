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

/// Counts a wrong PIN; at `limit` failures the downloads lock until `lock_until` and the
/// count starts again. The failures after this one.
pub async fn fail(
    db: &impl Db,
    order_id: i32,
    limit: i32,
    lock_until: DateTime<Utc>,
) -> Result<(), StoreError> {
    let Some(row) = find(db, order_id).await? else {
        return Ok(());
    };
    let failures = row.failures + 1;
    let mut update = order_delegates::Entity::update_many();
    if failures >= limit {
        update = update
            .col_expr(order_delegates::Column::Failures, Expr::value(0))
            .col_expr(
                order_delegates::Column::LockedUntil,
                Expr::value(lock_until),
            );
    } else {
        update = update.col_expr(
            order_delegates::Column::Failures,
            Expr::col(order_delegates::Column::Failures).add(1),
        );
    }
    update
        .filter(order_delegates::Column::OrderId.eq(order_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

pub async fn succeed(db: &impl Db, order_id: i32) -> Result<(), StoreError> {
    order_delegates::Entity::update_many()
        .col_expr(order_delegates::Column::Failures, Expr::value(0))
        .filter(order_delegates::Column::OrderId.eq(order_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

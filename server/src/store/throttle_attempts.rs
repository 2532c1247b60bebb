//! Attempts counted by the per-client throttles: one row per attempt, keyed by scope and key
//! (usually the client address), inserted before the attempt is served.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, PaginatorTrait, entity::prelude::*};

use super::{Db, StoreError, entities::throttle_attempts, stored::Stored};
use crate::domain::client_limits::ThrottleScope;

/// Records an attempt, then counts the attempts for `(scope, key)` since `since`, this one
/// included. Concurrent attempts each see at least every attempt recorded before theirs, so
/// at most `limit` of them find the count within the limit, however many arrive at once. An
/// attempt over the limit is forgotten again (it was not served) and `None` is returned.
pub async fn claim(
    db: &impl Db,
    scope: ThrottleScope,
    key: &str,
    limit: u64,
    at: DateTime<Utc>,
    since: DateTime<Utc>,
) -> Result<Option<i32>, StoreError> {
    // Old attempts of this key no longer count; sweeping them here keeps the table small.
    throttle_attempts::Entity::delete_many()
        .filter(throttle_attempts::Column::Scope.eq(Stored(scope)))
        .filter(throttle_attempts::Column::Key.eq(key))
        .filter(throttle_attempts::Column::At.lt(since))
        .exec(db.conn())
        .await?;
    let row = throttle_attempts::ActiveModel {
        scope: Set(scope.into()),
        key: Set(key.chars().take(64).collect()),
        at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await?;
    let count = throttle_attempts::Entity::find()
        .filter(throttle_attempts::Column::Scope.eq(Stored(scope)))
        .filter(throttle_attempts::Column::Key.eq(row.key.as_str()))
        .filter(throttle_attempts::Column::At.gte(since))
        .count(db.conn())
        .await?;
    if count > limit {
        forget(db, row.id).await?;
        return Ok(None);
    }
    Ok(Some(row.id))
}

/// Forgets one attempt (refused, or forgiven because it succeeded).
pub async fn forget(db: &impl Db, id: i32) -> Result<(), StoreError> {
    throttle_attempts::Entity::delete_by_id(id)
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Deletes every attempt older than `before`, of any key: addresses that never come back.
pub async fn sweep(db: &impl Db, before: DateTime<Utc>) -> Result<u64, StoreError> {
    Ok(throttle_attempts::Entity::delete_many()
        .filter(throttle_attempts::Column::At.lt(before))
        .exec(db.conn())
        .await?
        .rows_affected)
}

/// Attempts for `(scope, key)` since a moment (for tests and operators).
pub async fn count(
    db: &impl Db,
    scope: ThrottleScope,
    key: &str,
    since: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Ok(throttle_attempts::Entity::find()
        .filter(throttle_attempts::Column::Scope.eq(Stored(scope)))
        .filter(throttle_attempts::Column::Key.eq(key))
        .filter(throttle_attempts::Column::At.gte(since))
        .count(db.conn())
        .await?)
}

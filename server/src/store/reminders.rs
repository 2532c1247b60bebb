//! Renewal reminders already sent: one row per order and day, so a reminder goes out once
//! however many servers run the job.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, entity::prelude::*};

use super::{Db, StoreError, entities::renewal_reminders};

/// Claims the reminder of `order_id` for `offset_days`; `false` when it was claimed before.
pub async fn claim(
    db: &impl Db,
    order_id: i32,
    offset_days: i32,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    match (renewal_reminders::ActiveModel {
        order_id: Set(order_id),
        offset_days: Set(offset_days),
        sent_at: Set(at),
        ..Default::default()
    })
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
    {
        Ok(_) => Ok(true),
        Err(StoreError::Duplicate) => Ok(false),
        Err(e) => Err(e),
    }
}

pub async fn sent(db: &impl Db, order_id: i32) -> Result<Vec<i32>, StoreError> {
    Ok(renewal_reminders::Entity::find()
        .filter(renewal_reminders::Column::OrderId.eq(order_id))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|r| r.offset_days)
        .collect())
}

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use super::{Db, MembershipRow, StoreError, entities::memberships};

pub async fn insert(
    db: &impl Db,
    user_id: i32,
    account_id: i32,
    role: &str,
    at: DateTime<Utc>,
) -> Result<MembershipRow, StoreError> {
    memberships::ActiveModel {
        user_id: Set(user_id),
        account_id: Set(account_id),
        role: Set(role.to_owned()),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

/// A user's memberships, oldest first.
pub async fn for_user(db: &impl Db, user_id: i32) -> Result<Vec<MembershipRow>, StoreError> {
    Ok(memberships::Entity::find()
        .filter(memberships::Column::UserId.eq(user_id))
        .order_by_asc(memberships::Column::Id)
        .all(db.conn())
        .await?)
}

pub async fn find(
    db: &impl Db,
    user_id: i32,
    account_id: i32,
) -> Result<Option<MembershipRow>, StoreError> {
    Ok(memberships::Entity::find()
        .filter(memberships::Column::UserId.eq(user_id))
        .filter(memberships::Column::AccountId.eq(account_id))
        .one(db.conn())
        .await?)
}

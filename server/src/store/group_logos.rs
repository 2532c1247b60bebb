//! Groups' logos. The service checks that the group belongs to the caller's account before
//! any call here.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QuerySelect, entity::prelude::*, sea_query::OnConflict};

use super::{Db, StoreError, entities::group_logos};

pub use group_logos::Model as GroupLogoRow;

/// Sets (or replaces) a group's logo.
pub async fn put(
    db: &impl Db,
    group_id: i32,
    content_type: &str,
    bytes: Vec<u8>,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    group_logos::Entity::insert(group_logos::ActiveModel {
        group_id: Set(group_id),
        content_type: Set(content_type.to_owned()),
        bytes: Set(bytes),
        updated_at: Set(at),
    })
    .on_conflict(
        OnConflict::column(group_logos::Column::GroupId)
            .update_columns([
                group_logos::Column::ContentType,
                group_logos::Column::Bytes,
                group_logos::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// A group's logo, when it has one.
pub async fn get(db: &impl Db, group_id: i32) -> Result<Option<GroupLogoRow>, StoreError> {
    Ok(group_logos::Entity::find_by_id(group_id)
        .one(db.conn())
        .await?)
}

/// When each of the groups' logos last changed (the groups without one are missing), without
/// reading the images.
pub async fn versions(
    db: &impl Db,
    group_ids: &[i32],
) -> Result<Vec<(i32, DateTime<Utc>)>, StoreError> {
    Ok(group_logos::Entity::find()
        .select_only()
        .column(group_logos::Column::GroupId)
        .column(group_logos::Column::UpdatedAt)
        .filter(group_logos::Column::GroupId.is_in(group_ids.iter().copied()))
        .into_tuple()
        .all(db.conn())
        .await?)
}

/// Removes a group's logo; false when it had none.
pub async fn remove(db: &impl Db, group_id: i32) -> Result<bool, StoreError> {
    Ok(group_logos::Entity::delete_by_id(group_id)
        .exec(db.conn())
        .await?
        .rows_affected
        == 1)
}

//! Groups' logos. Every call names the account: another account's group has no logo here
//! (reads) and takes none (writes).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QuerySelect, entity::prelude::*, sea_query::OnConflict};

use app::model::{AccountId, GroupId};

use super::{Db, StoreError, entities::group_logos};

pub use group_logos::Model as GroupLogoRow;

/// Sets (or replaces) a group's logo; `NotInAccount` when the group is not the account's.
pub async fn put(
    db: &impl Db,
    account: AccountId,
    group: GroupId,
    content_type: &str,
    bytes: Vec<u8>,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    super::require_group_of(db, account, group).await?;
    group_logos::Entity::insert(group_logos::ActiveModel {
        group_id: Set(group.get()),
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
pub async fn get(
    db: &impl Db,
    account: AccountId,
    group: GroupId,
) -> Result<Option<GroupLogoRow>, StoreError> {
    Ok(group_logos::Entity::find_by_id(group.get())
        .filter(group_logos::Column::GroupId.in_subquery(super::groups_of(account)))
        .one(db.conn())
        .await?)
}

/// When each of the groups' logos last changed (the groups without one are missing), without
/// reading the images.
pub async fn versions(
    db: &impl Db,
    account: AccountId,
    group_ids: &[i32],
) -> Result<Vec<(i32, DateTime<Utc>)>, StoreError> {
    Ok(group_logos::Entity::find()
        .select_only()
        .column(group_logos::Column::GroupId)
        .column(group_logos::Column::UpdatedAt)
        .filter(group_logos::Column::GroupId.is_in(group_ids.iter().copied()))
        .filter(group_logos::Column::GroupId.in_subquery(super::groups_of(account)))
        .into_tuple()
        .all(db.conn())
        .await?)
}

/// Removes a group's logo; false when it had none.
pub async fn remove(db: &impl Db, account: AccountId, group: GroupId) -> Result<bool, StoreError> {
    Ok(group_logos::Entity::delete_many()
        .filter(group_logos::Column::GroupId.eq(group.get()))
        .filter(group_logos::Column::GroupId.in_subquery(super::groups_of(account)))
        .exec(db.conn())
        .await?
        .rows_affected
        == 1)
}

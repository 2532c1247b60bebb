//! Which memberships belong to which groups. The service checks that both belong to the
//! caller's account before any call here.

use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use super::{
    Db, GroupRow, MembershipRow, StoreError,
    entities::{group_members, groups, memberships},
};

/// The ids of the memberships added to a group.
pub async fn of_group(db: &impl Db, group_id: i32) -> Result<Vec<i32>, StoreError> {
    Ok(group_members::Entity::find()
        .filter(group_members::Column::GroupId.eq(group_id))
        .order_by_asc(group_members::Column::Id)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|m| m.membership_id)
        .collect())
}

/// Adds a membership to a group; `Duplicate` when it is there already.
pub async fn add(db: &impl Db, group_id: i32, membership_id: i32) -> Result<(), StoreError> {
    group_members::Entity::insert(group_members::ActiveModel {
        group_id: Set(group_id),
        membership_id: Set(membership_id),
        ..Default::default()
    })
    .exec_without_returning(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// Takes a membership out of a group; false when it was not in it.
pub async fn remove(db: &impl Db, group_id: i32, membership_id: i32) -> Result<bool, StoreError> {
    Ok(group_members::Entity::delete_many()
        .filter(group_members::Column::GroupId.eq(group_id))
        .filter(group_members::Column::MembershipId.eq(membership_id))
        .exec(db.conn())
        .await?
        .rows_affected
        == 1)
}

/// One group of an account; another account's is `None`.
pub async fn group_of_account(
    db: &impl Db,
    account_id: i32,
    group_id: i32,
) -> Result<Option<GroupRow>, StoreError> {
    Ok(groups::Entity::find_by_id(group_id)
        .filter(groups::Column::AccountId.eq(account_id))
        .one(db.conn())
        .await?)
}

/// Every membership of an account, oldest first.
pub async fn memberships_of_account(
    db: &impl Db,
    account_id: i32,
) -> Result<Vec<MembershipRow>, StoreError> {
    Ok(memberships::Entity::find()
        .filter(memberships::Column::AccountId.eq(account_id))
        .order_by_asc(memberships::Column::Id)
        .all(db.conn())
        .await?)
}

//! Which memberships belong to which groups. Every call names the account: a group or a
//! membership of another account is not found (reads) or refused (writes).

use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use app::model::{AccountId, GroupId, MembershipId};

use super::{
    Db, GroupRow, MembershipRow, StoreError,
    entities::{group_members, groups, memberships},
};

/// The ids of the memberships added to a group.
pub async fn of_group(
    db: &impl Db,
    account: AccountId,
    group: GroupId,
) -> Result<Vec<i32>, StoreError> {
    Ok(group_members::Entity::find()
        .filter(group_members::Column::GroupId.eq(group.get()))
        .filter(group_members::Column::GroupId.in_subquery(super::groups_of(account)))
        .order_by_asc(group_members::Column::Id)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|m| m.membership_id)
        .collect())
}

/// Adds a membership to a group; `Duplicate` when it is there already, `NotInAccount` when
/// the group or the membership is not the account's.
pub async fn add(
    db: &impl Db,
    account: AccountId,
    group: GroupId,
    membership: MembershipId,
) -> Result<(), StoreError> {
    super::require_group_of(db, account, group).await?;
    super::memberships::find_in_account(db, account, membership)
        .await?
        .ok_or(StoreError::NotInAccount)?;
    group_members::Entity::insert(group_members::ActiveModel {
        group_id: Set(group.get()),
        membership_id: Set(membership.get()),
        ..Default::default()
    })
    .exec_without_returning(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// Takes a membership out of a group; false when it was not in it.
pub async fn remove(
    db: &impl Db,
    account: AccountId,
    group: GroupId,
    membership: MembershipId,
) -> Result<bool, StoreError> {
    Ok(group_members::Entity::delete_many()
        .filter(group_members::Column::GroupId.eq(group.get()))
        .filter(group_members::Column::GroupId.in_subquery(super::groups_of(account)))
        .filter(group_members::Column::MembershipId.eq(membership.get()))
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

//! The organizations a group's orders may name. Every call names the account: another
//! account's group has none here (reads) and takes none (writes), and only the account's own
//! organizations can be added.

use sea_orm::{ActiveValue::Set, entity::prelude::*};

use app::model::{AccountId, GroupId, OrganizationId};

use super::{
    Db, StoreError,
    entities::{group_organizations, organizations},
};

/// The group's organizations; empty when its orders may name any of the account's.
pub async fn of_group(
    db: &impl Db,
    account: AccountId,
    group: GroupId,
) -> Result<Vec<OrganizationId>, StoreError> {
    Ok(group_organizations::Entity::find()
        .filter(group_organizations::Column::GroupId.eq(group.get()))
        .filter(group_organizations::Column::GroupId.in_subquery(super::groups_of(account)))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|row| OrganizationId(row.organization_id))
        .collect())
}

/// Adds an organization to a group; `Duplicate` when it is there already, `NotInAccount` when
/// the group or the organization is not the account's.
pub async fn add(
    db: &impl Db,
    account: AccountId,
    group: GroupId,
    organization: OrganizationId,
) -> Result<(), StoreError> {
    super::require_group_of(db, account, group).await?;
    organizations::Entity::find_by_id(organization.get())
        .filter(organizations::Column::AccountId.eq(account.get()))
        .one(db.conn())
        .await?
        .ok_or(StoreError::NotInAccount)?;
    group_organizations::Entity::insert(group_organizations::ActiveModel {
        group_id: Set(group.get()),
        organization_id: Set(organization.get()),
        ..Default::default()
    })
    .exec_without_returning(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// Takes an organization off a group; false when it was not on it.
pub async fn remove(
    db: &impl Db,
    account: AccountId,
    group: GroupId,
    organization: OrganizationId,
) -> Result<bool, StoreError> {
    Ok(group_organizations::Entity::delete_many()
        .filter(group_organizations::Column::GroupId.eq(group.get()))
        .filter(group_organizations::Column::GroupId.in_subquery(super::groups_of(account)))
        .filter(group_organizations::Column::OrganizationId.eq(organization.get()))
        .exec(db.conn())
        .await?
        .rows_affected
        == 1)
}

//! The domains a group orders for. Every call names the account: another account's group has
//! no domains here (reads) and takes none (writes).

use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use app::model::{AccountId, GroupId};

use super::{Db, StoreError, entities::group_domains};

/// The group's domains, by name; empty when it orders for all of the account's domains.
pub async fn of_group(
    db: &impl Db,
    account: AccountId,
    group: GroupId,
) -> Result<Vec<String>, StoreError> {
    Ok(group_domains::Entity::find()
        .filter(group_domains::Column::GroupId.eq(group.get()))
        .filter(group_domains::Column::GroupId.in_subquery(super::groups_of(account)))
        .order_by_asc(group_domains::Column::Domain)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|d| d.domain)
        .collect())
}

/// Adds a domain to a group; `Duplicate` when it is there already, `NotInAccount` when the
/// group is not the account's.
pub async fn add(
    db: &impl Db,
    account: AccountId,
    group: GroupId,
    domain: &str,
) -> Result<(), StoreError> {
    super::require_group_of(db, account, group).await?;
    group_domains::Entity::insert(group_domains::ActiveModel {
        group_id: Set(group.get()),
        domain: Set(domain.to_owned()),
        ..Default::default()
    })
    .exec_without_returning(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// Takes a domain off a group; false when it was not on it.
pub async fn remove(
    db: &impl Db,
    account: AccountId,
    group: GroupId,
    domain: &str,
) -> Result<bool, StoreError> {
    Ok(group_domains::Entity::delete_many()
        .filter(group_domains::Column::GroupId.eq(group.get()))
        .filter(group_domains::Column::GroupId.in_subquery(super::groups_of(account)))
        .filter(group_domains::Column::Domain.eq(domain))
        .exec(db.conn())
        .await?
        .rows_affected
        == 1)
}

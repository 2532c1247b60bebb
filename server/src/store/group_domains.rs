//! The domains a group orders for. The service checks that the group belongs to the caller's
//! account before any call here.

use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use super::{Db, StoreError, entities::group_domains};

/// The group's domains, by name; empty when it orders for all of the account's domains.
pub async fn of_group(db: &impl Db, group_id: i32) -> Result<Vec<String>, StoreError> {
    Ok(group_domains::Entity::find()
        .filter(group_domains::Column::GroupId.eq(group_id))
        .order_by_asc(group_domains::Column::Domain)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|d| d.domain)
        .collect())
}

/// Adds a domain to a group; `Duplicate` when it is there already.
pub async fn add(db: &impl Db, group_id: i32, domain: &str) -> Result<(), StoreError> {
    group_domains::Entity::insert(group_domains::ActiveModel {
        group_id: Set(group_id),
        domain: Set(domain.to_owned()),
        ..Default::default()
    })
    .exec_without_returning(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// Takes a domain off a group; false when it was not on it.
pub async fn remove(db: &impl Db, group_id: i32, domain: &str) -> Result<bool, StoreError> {
    Ok(group_domains::Entity::delete_many()
        .filter(group_domains::Column::GroupId.eq(group_id))
        .filter(group_domains::Column::Domain.eq(domain))
        .exec(db.conn())
        .await?
        .rows_affected
        == 1)
}

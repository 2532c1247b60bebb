//! An account's custom roles. Every query is scoped to the account.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, PaginatorTrait, QueryOrder, entity::prelude::*};

use app::model::roles::AssignedRole;

use super::{
    Db, StoreError,
    entities::{custom_roles, memberships},
    stored::Stored,
};

pub type CustomRoleRow = custom_roles::Model;

/// The value a membership's role holds for a custom role (also the form's value for it).
pub fn stored_role(id: i32) -> String {
    AssignedRole::Custom(id).stored()
}

pub async fn of_account(db: &impl Db, account_id: i32) -> Result<Vec<CustomRoleRow>, StoreError> {
    Ok(custom_roles::Entity::find()
        .filter(custom_roles::Column::AccountId.eq(account_id))
        .order_by_asc(custom_roles::Column::Name)
        .all(db.conn())
        .await?)
}

pub async fn find(
    db: &impl Db,
    account_id: i32,
    id: i32,
) -> Result<Option<CustomRoleRow>, StoreError> {
    Ok(custom_roles::Entity::find_by_id(id)
        .filter(custom_roles::Column::AccountId.eq(account_id))
        .one(db.conn())
        .await?)
}

pub async fn find_by_name(
    db: &impl Db,
    account_id: i32,
    name: &str,
) -> Result<Option<CustomRoleRow>, StoreError> {
    Ok(custom_roles::Entity::find()
        .filter(custom_roles::Column::AccountId.eq(account_id))
        .filter(custom_roles::Column::Name.eq(name))
        .one(db.conn())
        .await?)
}

pub struct RoleFields<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub permissions: &'a str,
}

pub async fn insert(
    db: &impl Db,
    account_id: i32,
    fields: RoleFields<'_>,
    at: DateTime<Utc>,
) -> Result<i32, StoreError> {
    let res = custom_roles::Entity::insert(custom_roles::ActiveModel {
        account_id: Set(account_id),
        name: Set(fields.name.to_owned()),
        description: Set(fields.description.to_owned()),
        permissions: Set(fields.permissions.to_owned()),
        created_at: Set(at),
        ..Default::default()
    })
    .exec(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(res.last_insert_id)
}

/// Changes a role of the account; false when the account has no role with that id.
pub async fn update(
    db: &impl Db,
    account_id: i32,
    id: i32,
    fields: RoleFields<'_>,
) -> Result<bool, StoreError> {
    let res = custom_roles::Entity::update_many()
        .col_expr(custom_roles::Column::Name, Expr::value(fields.name))
        .col_expr(
            custom_roles::Column::Description,
            Expr::value(fields.description),
        )
        .col_expr(
            custom_roles::Column::Permissions,
            Expr::value(fields.permissions),
        )
        .filter(custom_roles::Column::Id.eq(id))
        .filter(custom_roles::Column::AccountId.eq(account_id))
        .exec(db.conn())
        .await
        .map_err(StoreError::from_db)?;
    Ok(res.rows_affected == 1)
}

pub async fn delete(db: &impl Db, account_id: i32, id: i32) -> Result<bool, StoreError> {
    let res = custom_roles::Entity::delete_many()
        .filter(custom_roles::Column::Id.eq(id))
        .filter(custom_roles::Column::AccountId.eq(account_id))
        .exec(db.conn())
        .await?;
    Ok(res.rows_affected == 1)
}

/// How many memberships of the account hold the role.
pub async fn holders(db: &impl Db, account_id: i32, id: i32) -> Result<u64, StoreError> {
    Ok(memberships::Entity::find()
        .filter(memberships::Column::AccountId.eq(account_id))
        .filter(memberships::Column::Role.eq(Stored(AssignedRole::Custom(id))))
        .count(db.conn())
        .await?)
}

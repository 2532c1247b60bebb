use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use app::model::{
    AccountId, MembershipId, Role,
    roles::AssignedRole,
    user_status::{MembershipStatus, UserStatus},
    users::GroupAccess,
};

use super::{Db, MembershipRow, StoreError, entities::memberships, stored::Stored};

pub const ACTIVE: MembershipStatus = MembershipStatus::Active;
pub const DEACTIVATED: MembershipStatus = MembershipStatus::Deactivated;
/// The built-in Administrator role, which an account always keeps.
pub const ADMINISTRATOR: AssignedRole = AssignedRole::BuiltIn(Role::Administrator);

pub async fn insert(
    db: &impl Db,
    user_id: i32,
    account_id: i32,
    role: AssignedRole,
    group_access: GroupAccess,
    at: DateTime<Utc>,
) -> Result<MembershipRow, StoreError> {
    memberships::ActiveModel {
        user_id: Set(user_id),
        account_id: Set(account_id),
        role: Set(role.into()),
        created_at: Set(at),
        status: Set(ACTIVE.into()),
        group_access: Set(group_access.into()),
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

/// One membership of the account; `None` for another account's id.
pub async fn find_in_account(
    db: &impl Db,
    account: AccountId,
    id: MembershipId,
) -> Result<Option<MembershipRow>, StoreError> {
    Ok(memberships::Entity::find_by_id(id.get())
        .filter(memberships::Column::AccountId.eq(account.get()))
        .one(db.conn())
        .await?)
}

/// The membership `id` of `account` and nothing else: every write below is scoped by it.
fn one_of(account: AccountId, id: MembershipId) -> sea_orm::Condition {
    sea_orm::Condition::all()
        .add(memberships::Column::AccountId.eq(account.get()))
        .add(memberships::Column::Id.eq(id.get()))
}

pub async fn update_access(
    db: &impl Db,
    account: AccountId,
    id: MembershipId,
    role: AssignedRole,
    group_access: GroupAccess,
) -> Result<(), StoreError> {
    memberships::Entity::update_many()
        .col_expr(memberships::Column::Role, Expr::value(Stored(role)))
        .col_expr(
            memberships::Column::GroupAccess,
            Expr::value(Stored(group_access)),
        )
        .filter(one_of(account, id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Sets the account's employee ID of a member.
pub async fn set_employee_id(
    db: &impl Db,
    account: AccountId,
    id: MembershipId,
    employee_id: &str,
) -> Result<(), StoreError> {
    memberships::Entity::update_many()
        .col_expr(memberships::Column::EmployeeId, Expr::value(employee_id))
        .filter(one_of(account, id))
        .exec(db.conn())
        .await?;
    Ok(())
}

pub async fn set_status(
    db: &impl Db,
    account: AccountId,
    id: MembershipId,
    status: MembershipStatus,
) -> Result<(), StoreError> {
    memberships::Entity::update_many()
        .col_expr(memberships::Column::Status, Expr::value(status.as_str()))
        .filter(one_of(account, id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Memberships of an account, newest first, optionally only of users whose name or e-mail
/// contains `search`; with the total.
pub async fn page_for_account(
    db: &impl Db,
    account_id: i32,
    search: Option<&str>,
    offset: u64,
    limit: u64,
) -> Result<(Vec<MembershipRow>, u64), StoreError> {
    use sea_orm::{
        PaginatorTrait, QuerySelect,
        sea_query::{ExprTrait, Func, Query},
    };

    use super::entities::users;
    let mut q = memberships::Entity::find().filter(memberships::Column::AccountId.eq(account_id));
    if let Some(search) = search {
        let pattern = || super::like_contains(search);
        let matching = Query::select()
            .column(users::Column::Id)
            .from(users::Entity)
            .cond_where(
                sea_orm::Condition::any()
                    .add(Expr::expr(Func::lower(Expr::col(users::Column::Email))).like(pattern()))
                    .add(Expr::expr(Func::lower(Expr::col(users::Column::Name))).like(pattern())),
            )
            .to_owned();
        q = q.filter(memberships::Column::UserId.in_subquery(matching));
    }
    let total = q.clone().count(db.conn()).await?;
    let rows = q
        .order_by_desc(memberships::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db.conn())
        .await?;
    Ok((rows, total))
}

/// The account's first administrator (the one who signed it up).
pub async fn first_administrator(
    db: &impl Db,
    account_id: i32,
) -> Result<Option<MembershipRow>, StoreError> {
    Ok(memberships::Entity::find()
        .filter(memberships::Column::AccountId.eq(account_id))
        .filter(memberships::Column::Role.eq(Stored(ADMINISTRATOR)))
        .order_by_asc(memberships::Column::Id)
        .one(db.conn())
        .await?)
}

/// The account's active memberships, oldest first (for choosing a user to act as).
pub async fn active_for_account(
    db: &impl Db,
    account_id: i32,
) -> Result<Vec<MembershipRow>, StoreError> {
    Ok(memberships::Entity::find()
        .filter(memberships::Column::AccountId.eq(account_id))
        .filter(memberships::Column::Status.eq(ACTIVE.as_str()))
        .order_by_asc(memberships::Column::Id)
        .all(db.conn())
        .await?)
}

/// Takes the account's row lock for the rest of the transaction, so that changes to its
/// members' roles and status take turns on PostgreSQL (SQLite has a single writer anyway):
/// two administrators demoting each other at once must not both succeed.
pub async fn lock_account(tx: &super::Tx, account_id: i32) -> Result<(), StoreError> {
    use sea_orm::QuerySelect;

    use super::entities::accounts;
    accounts::Entity::find_by_id(account_id)
        .lock_exclusive()
        .one(tx.conn())
        .await?;
    Ok(())
}

/// How many working Administrators the account has: active memberships with the built-in
/// Administrator role, of users who have activated.
pub async fn count_active_administrators(db: &impl Db, account_id: i32) -> Result<u64, StoreError> {
    use sea_orm::{PaginatorTrait, sea_query::Query};

    use super::entities::users;
    let activated = Query::select()
        .column(users::Column::Id)
        .from(users::Entity)
        .and_where(users::Column::Status.eq(UserStatus::Active.as_str()))
        .to_owned();
    Ok(memberships::Entity::find()
        .filter(memberships::Column::AccountId.eq(account_id))
        .filter(memberships::Column::Role.eq(Stored(ADMINISTRATOR)))
        .filter(memberships::Column::Status.eq(ACTIVE.as_str()))
        .filter(memberships::Column::UserId.in_subquery(activated))
        .count(db.conn())
        .await?)
}

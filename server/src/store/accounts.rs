use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, entity::prelude::*};

use app::model::{AccountKind, AccountStatus};

use super::{AccountRow, Db, StoreError, entities::accounts, stored::Stored};

pub struct NewAccount<'a> {
    pub kind: AccountKind,
    pub name: &'a str,
    pub country: &'a str,
    pub status: AccountStatus,
    pub created_at: DateTime<Utc>,
}

pub async fn insert(db: &impl Db, new: NewAccount<'_>) -> Result<AccountRow, StoreError> {
    accounts::ActiveModel {
        kind: Set(new.kind.into()),
        name: Set(new.name.to_owned()),
        country: Set(new.country.to_owned()),
        status: Set(new.status.into()),
        created_at: Set(new.created_at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

pub async fn find(db: &impl Db, id: i32) -> Result<Option<AccountRow>, StoreError> {
    Ok(accounts::Entity::find_by_id(id).one(db.conn()).await?)
}

/// The accounts with these ids, in any order (one query for a list that names them).
pub async fn find_many(db: &impl Db, ids: &[i32]) -> Result<Vec<AccountRow>, StoreError> {
    Ok(accounts::Entity::find()
        .filter(accounts::Column::Id.is_in(ids.iter().copied()))
        .all(db.conn())
        .await?)
}

/// The first account of a kind; used to find the operator's own account.
pub async fn find_first_of_kind(
    db: &impl Db,
    kind: AccountKind,
) -> Result<Option<AccountRow>, StoreError> {
    Ok(accounts::Entity::find()
        .filter(accounts::Column::Kind.eq(Stored(kind)))
        .one(db.conn())
        .await?)
}

/// Moves an account from `from` to `to`; a no-op when it is in another state.
pub async fn transition(
    db: &impl Db,
    id: i32,
    from: AccountStatus,
    to: AccountStatus,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let result = accounts::Entity::update_many()
        .col_expr(accounts::Column::Status, Expr::value(to.as_str()))
        .col_expr(accounts::Column::ActivatedAt, Expr::value(at))
        .filter(accounts::Column::Id.eq(id))
        .filter(accounts::Column::Status.eq(from.as_str()))
        .exec(db.conn())
        .await?;
    Ok(result.rows_affected == 1)
}

/// Moves an account from `from` to `to` without marking it activated (operator review).
pub async fn set_status(
    db: &impl Db,
    id: i32,
    from: AccountStatus,
    to: AccountStatus,
) -> Result<bool, StoreError> {
    let result = accounts::Entity::update_many()
        .col_expr(accounts::Column::Status, Expr::value(to.as_str()))
        .filter(accounts::Column::Id.eq(id))
        .filter(accounts::Column::Status.eq(from.as_str()))
        .exec(db.conn())
        .await?;
    Ok(result.rows_affected == 1)
}

pub async fn set_multiple_groups(db: &impl Db, id: i32, enabled: bool) -> Result<(), StoreError> {
    accounts::Entity::update_many()
        .col_expr(accounts::Column::MultipleGroups, Expr::value(enabled))
        .filter(accounts::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Customer accounts (not the operator's own), newest first, optionally of one status; with
/// the total. (Operator query.)
pub async fn page_for_operator(
    db: &impl Db,
    status: Option<&str>,
    offset: u64,
    limit: u64,
) -> Result<(Vec<AccountRow>, u64), StoreError> {
    use sea_orm::{PaginatorTrait, QueryOrder, QuerySelect};
    let mut q = accounts::Entity::find().filter(accounts::Column::Kind.ne("operator"));
    if let Some(status) = status {
        q = q.filter(accounts::Column::Status.eq(status));
    }
    let total = q.clone().count(db.conn()).await?;
    let rows = q
        .order_by_desc(accounts::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db.conn())
        .await?;
    Ok((rows, total))
}

pub async fn set_enforce_totp(db: &impl Db, id: i32, enabled: bool) -> Result<(), StoreError> {
    accounts::Entity::update_many()
        .col_expr(accounts::Column::EnforceTotp, Expr::value(enabled))
        .filter(accounts::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

pub async fn set_renewal_reminder_days(
    db: &impl Db,
    id: i32,
    days: &str,
) -> Result<(), StoreError> {
    accounts::Entity::update_many()
        .col_expr(accounts::Column::RenewalReminderDays, Expr::value(days))
        .filter(accounts::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

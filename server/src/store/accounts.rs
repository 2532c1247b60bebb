use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, entity::prelude::*};

use super::{AccountRow, Db, StoreError, entities::accounts};

pub struct NewAccount<'a> {
    pub kind: &'a str,
    pub name: &'a str,
    pub country: &'a str,
    pub status: &'a str,
    pub created_at: DateTime<Utc>,
}

pub async fn insert(db: &impl Db, new: NewAccount<'_>) -> Result<AccountRow, StoreError> {
    accounts::ActiveModel {
        kind: Set(new.kind.to_owned()),
        name: Set(new.name.to_owned()),
        country: Set(new.country.to_owned()),
        status: Set(new.status.to_owned()),
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

/// The first account of a kind; used to find the operator's own account.
pub async fn find_first_of_kind(
    db: &impl Db,
    kind: &str,
) -> Result<Option<AccountRow>, StoreError> {
    Ok(accounts::Entity::find()
        .filter(accounts::Column::Kind.eq(kind))
        .one(db.conn())
        .await?)
}

/// Moves an account from `from` to `to`; a no-op when it is in another state.
pub async fn transition(
    db: &impl Db,
    id: i32,
    from: &str,
    to: &str,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let result = accounts::Entity::update_many()
        .col_expr(accounts::Column::Status, Expr::value(to))
        .col_expr(accounts::Column::ActivatedAt, Expr::value(at))
        .filter(accounts::Column::Id.eq(id))
        .filter(accounts::Column::Status.eq(from))
        .exec(db.conn())
        .await?;
    Ok(result.rows_affected == 1)
}

//! Order forms in progress under their one-use tokens (see the `order_forms` migration). A
//! form is its user's alone: every read and write names the account and the user, and a
//! token of someone else's reads as absent.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    PaginatorTrait, QuerySelect, TryInsertResult,
    entity::prelude::*,
    sea_query::{Expr, OnConflict},
};

use super::{Db, StoreError, entities::order_forms};

pub type OrderFormRow = order_forms::Model;

/// Whose form a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owner {
    pub account_id: i32,
    pub user_id: i32,
}

/// The form under `token`, if it is `owner`'s.
pub async fn find(
    db: &impl Db,
    token: &str,
    owner: Owner,
) -> Result<Option<OrderFormRow>, StoreError> {
    Ok(order_forms::Entity::find_by_id(token.to_owned())
        .filter(order_forms::Column::AccountId.eq(owner.account_id))
        .filter(order_forms::Column::UserId.eq(owner.user_id))
        .one(db.conn())
        .await?)
}

/// What a browser posted so far.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    pub step: i32,
    pub form_json: &'a str,
    pub errors_json: &'a str,
}

/// Keeps `progress` under `token` for `owner`. Refuses (`NotInAccount`) a token that is someone
/// else's, and leaves a form that has placed its order as it was (`Ok(false)`).
pub async fn save(
    db: &impl Db,
    token: &str,
    owner: Owner,
    progress: Progress<'_>,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    claim_token(db, token, owner, now).await?;
    let updated = order_forms::Entity::update_many()
        .col_expr(order_forms::Column::Step, Expr::value(progress.step))
        .col_expr(order_forms::Column::Form, Expr::value(progress.form_json))
        .col_expr(
            order_forms::Column::Errors,
            Expr::value(progress.errors_json),
        )
        .col_expr(order_forms::Column::UpdatedAt, Expr::value(now))
        .filter(order_forms::Column::Token.eq(token))
        .filter(order_forms::Column::AccountId.eq(owner.account_id))
        .filter(order_forms::Column::UserId.eq(owner.user_id))
        .filter(order_forms::Column::OrderId.is_null())
        .exec(db.conn())
        .await?;
    Ok(updated.rows_affected == 1)
}

/// Makes sure `token` has a row and that it is `owner`'s, then locks it for the rest of the
/// transaction on PostgreSQL (SQLite has a single writer anyway), so that two posts of the
/// same form place one order between them. Returns the order the token placed already.
pub async fn lock(
    db: &impl Db,
    token: &str,
    owner: Owner,
    now: DateTime<Utc>,
) -> Result<Option<i32>, StoreError> {
    claim_token(db, token, owner, now).await?;
    let row = order_forms::Entity::find_by_id(token.to_owned())
        .filter(order_forms::Column::AccountId.eq(owner.account_id))
        .filter(order_forms::Column::UserId.eq(owner.user_id))
        .lock_exclusive()
        .one(db.conn())
        .await?
        .ok_or(StoreError::NotInAccount)?;
    Ok(row.order_id)
}

/// Records the order the token placed (in the transaction that stored it).
pub async fn placed(
    db: &impl Db,
    token: &str,
    order_id: i32,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    order_forms::Entity::update_many()
        .col_expr(order_forms::Column::OrderId, Expr::value(order_id))
        .col_expr(order_forms::Column::UpdatedAt, Expr::value(now))
        .filter(order_forms::Column::Token.eq(token))
        .filter(order_forms::Column::OrderId.is_null())
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Forgets forms nobody finished that were last touched before `before`; forms that placed
/// an order stay, so an old page posted again still finds its order.
pub async fn sweep(db: &impl Db, before: DateTime<Utc>) -> Result<u64, StoreError> {
    let deleted = order_forms::Entity::delete_many()
        .filter(order_forms::Column::OrderId.is_null())
        .filter(order_forms::Column::UpdatedAt.lt(before))
        .exec(db.conn())
        .await?;
    Ok(deleted.rows_affected)
}

/// Inserts an empty row for `token` unless it has one, then checks it is `owner`'s.
async fn claim_token(
    db: &impl Db,
    token: &str,
    owner: Owner,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let row = order_forms::ActiveModel {
        token: Set(token.to_owned()),
        account_id: Set(owner.account_id),
        user_id: Set(owner.user_id),
        step: Set(0),
        form: Set("{}".into()),
        errors: Set("[]".into()),
        order_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    };
    order_forms::Entity::insert(row)
        .on_conflict(
            OnConflict::column(order_forms::Column::Token)
                .do_nothing()
                .to_owned(),
        )
        .try_insert()
        .exec(db.conn())
        .await
        .map(|_: TryInsertResult<_>| ())?;
    let mine = order_forms::Entity::find_by_id(token.to_owned())
        .filter(order_forms::Column::AccountId.eq(owner.account_id))
        .filter(order_forms::Column::UserId.eq(owner.user_id))
        .count(db.conn())
        .await?;
    if mine == 1 {
        Ok(())
    } else {
        Err(StoreError::NotInAccount)
    }
}

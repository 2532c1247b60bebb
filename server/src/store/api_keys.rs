//! REST API access keys and the answers remembered for idempotency keys (INT-1).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use app::model::{AccountId, ApiKeyId};

use super::{
    Db, StoreError,
    entities::{api_idempotency, api_keys},
};

pub type ApiKeyRow = api_keys::Model;
pub type IdempotentAnswer = api_idempotency::Model;

pub struct NewApiKey<'a> {
    pub key_id: &'a str,
    pub secret_hash: &'a str,
    pub account_id: i32,
    pub user_id: i32,
    pub description: &'a str,
    pub created_by: i32,
}

pub async fn insert(
    db: &impl Db,
    k: &NewApiKey<'_>,
    at: DateTime<Utc>,
) -> Result<ApiKeyRow, StoreError> {
    api_keys::ActiveModel {
        key_id: Set(k.key_id.to_owned()),
        secret_hash: Set(k.secret_hash.to_owned()),
        account_id: Set(k.account_id),
        user_id: Set(k.user_id),
        description: Set(k.description.to_owned()),
        created_by: Set(Some(k.created_by)),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

/// Operator-independent lookup by the public half: a request names its key before anything
/// says which account it belongs to.
pub async fn find_by_key_id(db: &impl Db, key_id: &str) -> Result<Option<ApiKeyRow>, StoreError> {
    Ok(api_keys::Entity::find()
        .filter(api_keys::Column::KeyId.eq(key_id))
        .one(db.conn())
        .await?)
}

pub async fn for_account(db: &impl Db, account_id: i32) -> Result<Vec<ApiKeyRow>, StoreError> {
    Ok(api_keys::Entity::find()
        .filter(api_keys::Column::AccountId.eq(account_id))
        .order_by_desc(api_keys::Column::Id)
        .all(db.conn())
        .await?)
}

pub async fn get(db: &impl Db, account_id: i32, id: i32) -> Result<Option<ApiKeyRow>, StoreError> {
    Ok(api_keys::Entity::find_by_id(id)
        .filter(api_keys::Column::AccountId.eq(account_id))
        .one(db.conn())
        .await?)
}

/// Revokes one of the account's keys; another account's key stays as it is.
pub async fn set_revoked(
    db: &impl Db,
    account: AccountId,
    id: ApiKeyId,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    api_keys::Entity::update_many()
        .col_expr(api_keys::Column::RevokedAt, Expr::value(Some(at)))
        .filter(api_keys::Column::AccountId.eq(account.get()))
        .filter(api_keys::Column::Id.eq(id.get()))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Records when one of the account's keys was last used.
pub async fn touch(
    db: &impl Db,
    account: AccountId,
    id: ApiKeyId,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    api_keys::Entity::update_many()
        .col_expr(api_keys::Column::LastUsedAt, Expr::value(Some(at)))
        .filter(api_keys::Column::AccountId.eq(account.get()))
        .filter(api_keys::Column::Id.eq(id.get()))
        .exec(db.conn())
        .await?;
    Ok(())
}

pub async fn find_answer(
    db: &impl Db,
    api_key_id: i32,
    idempotency_key: &str,
) -> Result<Option<IdempotentAnswer>, StoreError> {
    Ok(api_idempotency::Entity::find()
        .filter(api_idempotency::Column::ApiKeyId.eq(api_key_id))
        .filter(api_idempotency::Column::IdempotencyKey.eq(idempotency_key))
        .one(db.conn())
        .await?)
}

/// Claims an idempotency key for a request before it runs (status 0, no body), so two
/// requests racing with the same key cannot both act: the second gets `Duplicate`.
pub async fn reserve_answer(
    db: &impl Db,
    api_key_id: i32,
    idempotency_key: &str,
    request_hash: &str,
    at: DateTime<Utc>,
) -> Result<IdempotentAnswer, StoreError> {
    api_idempotency::ActiveModel {
        api_key_id: Set(api_key_id),
        idempotency_key: Set(idempotency_key.to_owned()),
        request_hash: Set(request_hash.to_owned()),
        status: Set(0),
        body: Set(String::new()),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

pub async fn complete_answer(
    db: &impl Db,
    id: i32,
    status: u16,
    body: &str,
) -> Result<(), StoreError> {
    api_idempotency::ActiveModel {
        id: Set(id),
        status: Set(i32::from(status)),
        body: Set(body.to_owned()),
        ..Default::default()
    }
    .update(db.conn())
    .await?;
    Ok(())
}

/// Takes over a claim that was never settled and is older than `stale_before` (its request
/// died with the process), restarting its clock at `at`. Only one retry wins: the claim is
/// fresh again once taken, so a racing second takeover changes nothing and gets `false`.
pub async fn take_over_answer(
    db: &impl Db,
    id: i32,
    stale_before: DateTime<Utc>,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = api_idempotency::Entity::update_many()
        .col_expr(api_idempotency::Column::CreatedAt, Expr::value(at))
        .filter(api_idempotency::Column::Id.eq(id))
        .filter(api_idempotency::Column::Status.eq(0))
        .filter(api_idempotency::Column::CreatedAt.lt(stale_before))
        .exec(db.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

/// Frees the key of a request that failed, so the client may fix it and retry.
pub async fn release_answer(db: &impl Db, id: i32) -> Result<(), StoreError> {
    api_idempotency::Entity::delete_by_id(id)
        .exec(db.conn())
        .await?;
    Ok(())
}

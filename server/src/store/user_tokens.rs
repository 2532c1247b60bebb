use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, entity::prelude::*};

use app::model::session::TokenPurpose;

use super::{Db, StoreError, UserTokenRow, entities::user_tokens, stored::Stored};

pub async fn insert(
    db: &impl Db,
    user_id: i32,
    purpose: TokenPurpose,
    token_hash: &str,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<UserTokenRow, StoreError> {
    user_tokens::ActiveModel {
        user_id: Set(user_id),
        purpose: Set(purpose.into()),
        token_hash: Set(token_hash.to_owned()),
        created_at: Set(created_at),
        expires_at: Set(expires_at),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

pub async fn find_by_hash(
    db: &impl Db,
    purpose: TokenPurpose,
    token_hash: &str,
) -> Result<Option<UserTokenRow>, StoreError> {
    Ok(user_tokens::Entity::find()
        .filter(user_tokens::Column::TokenHash.eq(token_hash))
        .filter(user_tokens::Column::Purpose.eq(Stored(purpose)))
        .one(db.conn())
        .await?)
}

/// Marks a token used; false when another request used it first.
pub async fn consume(db: &impl Db, id: i32, at: DateTime<Utc>) -> Result<bool, StoreError> {
    let result = user_tokens::Entity::update_many()
        .col_expr(user_tokens::Column::UsedAt, Expr::value(at))
        .filter(user_tokens::Column::Id.eq(id))
        .filter(user_tokens::Column::UsedAt.is_null())
        .exec(db.conn())
        .await?;
    Ok(result.rows_affected == 1)
}

//! S/MIME mailbox validation rows, one per S/MIME order. Queries are scoped to an account,
//! except the lookup by the hash of a link's value, whose 256-bit secret is the proof of access.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use super::{
    Db, StoreError,
    entities::{order_names, smime_mailboxes},
};

pub use smime_mailboxes::Model as MailboxRow;

pub async fn insert(
    db: &impl Db,
    account_id: i32,
    order_id: i32,
    email: Option<&str>,
    at: DateTime<Utc>,
) -> Result<MailboxRow, StoreError> {
    smime_mailboxes::ActiveModel {
        order_id: Set(order_id),
        account_id: Set(account_id),
        email: Set(email.map(str::to_owned)),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

pub async fn get(
    db: &impl Db,
    account_id: i32,
    order_id: i32,
) -> Result<Option<MailboxRow>, StoreError> {
    Ok(smime_mailboxes::Entity::find()
        .filter(smime_mailboxes::Column::OrderId.eq(order_id))
        .filter(smime_mailboxes::Column::AccountId.eq(account_id))
        .one(db.conn())
        .await?)
}

/// The row whose link carries the value hashing to `value_hash` (public: the value is the proof).
pub async fn by_value(db: &impl Db, value_hash: &str) -> Result<Option<MailboxRow>, StoreError> {
    Ok(smime_mailboxes::Entity::find()
        .filter(smime_mailboxes::Column::ValueHash.eq(value_hash))
        .one(db.conn())
        .await?)
}

/// Sets the address (and the order's one name to it), forgetting any link and proof made
/// for the previous one.
pub async fn set_email(
    db: &impl Db,
    account_id: i32,
    order_id: i32,
    email: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    smime_mailboxes::Entity::update_many()
        .col_expr(smime_mailboxes::Column::Email, Expr::value(email))
        .col_expr(
            smime_mailboxes::Column::ValueHash,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            smime_mailboxes::Column::ValueSentAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(
            smime_mailboxes::Column::VerifiedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(smime_mailboxes::Column::UpdatedAt, Expr::value(at))
        .filter(smime_mailboxes::Column::OrderId.eq(order_id))
        .filter(smime_mailboxes::Column::AccountId.eq(account_id))
        .exec(db.conn())
        .await?;
    order_names::Entity::delete_many()
        .filter(order_names::Column::OrderId.eq(order_id))
        .exec(db.conn())
        .await?;
    order_names::ActiveModel {
        order_id: Set(order_id),
        position: Set(0),
        name: Set(email.to_owned()),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// Records a newly mailed value; the previous link stops working.
pub async fn set_value(
    db: &impl Db,
    account_id: i32,
    order_id: i32,
    value_hash: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    smime_mailboxes::Entity::update_many()
        .col_expr(smime_mailboxes::Column::ValueHash, Expr::value(value_hash))
        .col_expr(smime_mailboxes::Column::ValueSentAt, Expr::value(at))
        .col_expr(smime_mailboxes::Column::UpdatedAt, Expr::value(at))
        .filter(smime_mailboxes::Column::OrderId.eq(order_id))
        .filter(smime_mailboxes::Column::AccountId.eq(account_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Marks the mailbox verified at `verified_at` and spends the link, only if the row still
/// holds `value_hash` (when given): two presses of one link verify once. Whether it did.
pub async fn set_verified(
    db: &impl Db,
    account_id: i32,
    order_id: i32,
    value_hash: Option<&str>,
    verified_at: DateTime<Utc>,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let mut update = smime_mailboxes::Entity::update_many()
        .col_expr(
            smime_mailboxes::Column::VerifiedAt,
            Expr::value(verified_at),
        )
        .col_expr(
            smime_mailboxes::Column::ValueHash,
            Expr::value(Option::<String>::None),
        )
        .col_expr(smime_mailboxes::Column::UpdatedAt, Expr::value(at))
        .filter(smime_mailboxes::Column::OrderId.eq(order_id))
        .filter(smime_mailboxes::Column::AccountId.eq(account_id));
    if let Some(hash) = value_hash {
        update = update.filter(smime_mailboxes::Column::ValueHash.eq(hash));
    }
    Ok(update.exec(db.conn()).await?.rows_affected == 1)
}

/// The newest proof of control of `email` the account made at or after `since`.
pub async fn recent_proof(
    db: &impl Db,
    account_id: i32,
    email: &str,
    since: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    Ok(smime_mailboxes::Entity::find()
        .filter(smime_mailboxes::Column::AccountId.eq(account_id))
        .filter(smime_mailboxes::Column::Email.eq(email))
        .filter(smime_mailboxes::Column::VerifiedAt.gte(since))
        .order_by_desc(smime_mailboxes::Column::VerifiedAt)
        .one(db.conn())
        .await?
        .and_then(|r| r.verified_at))
}

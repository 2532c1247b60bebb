//! Credit notes: the document a refund of an order produces (ORD-8, FIN-3).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use app::model::Currency;

use super::{Db, StoreError, entities::credit_notes};

pub type CreditNoteRow = credit_notes::Model;

pub async fn insert(
    db: &impl Db,
    account_id: i32,
    order_id: i32,
    amount_minor: i64,
    currency: Currency,
    remarks: &str,
    at: DateTime<Utc>,
) -> Result<CreditNoteRow, StoreError> {
    credit_notes::ActiveModel {
        account_id: Set(account_id),
        order_id: Set(order_id),
        amount_minor: Set(amount_minor),
        currency: Set(currency.into()),
        remarks: Set(remarks.to_owned()),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

pub async fn for_order(
    db: &impl Db,
    account_id: i32,
    order_id: i32,
) -> Result<Vec<CreditNoteRow>, StoreError> {
    Ok(credit_notes::Entity::find()
        .filter(credit_notes::Column::AccountId.eq(account_id))
        .filter(credit_notes::Column::OrderId.eq(order_id))
        .order_by_asc(credit_notes::Column::Id)
        .all(db.conn())
        .await?)
}

pub async fn get(
    db: &impl Db,
    account_id: i32,
    id: i32,
) -> Result<Option<CreditNoteRow>, StoreError> {
    Ok(credit_notes::Entity::find_by_id(id)
        .filter(credit_notes::Column::AccountId.eq(account_id))
        .one(db.conn())
        .await?)
}

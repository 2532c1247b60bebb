//! A partner's price lists and their prices. Lists are read and changed through the partner's
//! id, so another partner's list is never found.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, PaginatorTrait, QueryOrder, entity::prelude::*, sea_query::OnConflict,
};

use app::model::sub_accounts::ValidListPrice;

pub use super::entities::{
    price_list_prices::Model as ListPriceRow, price_lists::Model as PriceListRow,
};
use super::{
    Db, StoreError,
    entities::{accounts, price_list_prices, price_lists},
};

/// A new list; `Duplicate` when the partner has one of the name.
pub async fn insert(
    db: &impl Db,
    partner_id: i32,
    name: &str,
    at: DateTime<Utc>,
) -> Result<PriceListRow, StoreError> {
    price_lists::ActiveModel {
        account_id: Set(partner_id),
        name: Set(name.to_owned()),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

pub async fn of_partner(db: &impl Db, partner_id: i32) -> Result<Vec<PriceListRow>, StoreError> {
    Ok(price_lists::Entity::find()
        .filter(price_lists::Column::AccountId.eq(partner_id))
        .order_by_asc(price_lists::Column::Name)
        .all(db.conn())
        .await?)
}

pub async fn find(
    db: &impl Db,
    partner_id: i32,
    id: i32,
) -> Result<Option<PriceListRow>, StoreError> {
    Ok(price_lists::Entity::find_by_id(id)
        .filter(price_lists::Column::AccountId.eq(partner_id))
        .one(db.conn())
        .await?)
}

/// A list's prices (the list is found through its partner before this is called).
pub async fn prices(db: &impl Db, list_id: i32) -> Result<Vec<ListPriceRow>, StoreError> {
    Ok(price_list_prices::Entity::find()
        .filter(price_list_prices::Column::PriceListId.eq(list_id))
        .all(db.conn())
        .await?)
}

/// Sets one price of a list, replacing the one for the same product, currency and validity.
pub async fn set_price(
    db: &impl Db,
    list_id: i32,
    p: &ValidListPrice,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    price_list_prices::Entity::insert(price_list_prices::ActiveModel {
        price_list_id: Set(list_id),
        product_id: Set(p.product_id),
        currency: Set(p.currency.into()),
        validity_days: Set(p.validity_days),
        base_minor: Set(p.base_minor),
        per_extra_domain_minor: Set(p.per_extra_domain_minor),
        updated_at: Set(at),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            price_list_prices::Column::PriceListId,
            price_list_prices::Column::ProductId,
            price_list_prices::Column::Currency,
            price_list_prices::Column::ValidityDays,
        ])
        .update_columns([
            price_list_prices::Column::BaseMinor,
            price_list_prices::Column::PerExtraDomainMinor,
            price_list_prices::Column::UpdatedAt,
        ])
        .to_owned(),
    )
    .exec(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// How many sub-accounts are on each of the partner's lists.
pub async fn usage(db: &impl Db, partner_id: i32) -> Result<HashMap<i32, u64>, StoreError> {
    let mut out = HashMap::new();
    for a in accounts::Entity::find()
        .filter(accounts::Column::ParentAccountId.eq(partner_id))
        .filter(accounts::Column::PriceListId.is_not_null())
        .all(db.conn())
        .await?
    {
        if let Some(list) = a.price_list_id {
            *out.entry(list).or_insert(0) += 1;
        }
    }
    Ok(out)
}

/// How many prices a list has.
pub async fn price_count(db: &impl Db, list_id: i32) -> Result<u64, StoreError> {
    Ok(price_list_prices::Entity::find()
        .filter(price_list_prices::Column::PriceListId.eq(list_id))
        .count(db.conn())
        .await?)
}

//! Renewals and reissues: which order a new order came from. Scoped through the orders,
//! which callers look up in their account first.

use app::model::order_actions::OrderLinkKind;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use super::{Db, StoreError, entities::order_links};

pub type OrderLinkRow = order_links::Model;

/// Links `order_id` to `origin_order_id`. A second renewal of the same order is refused by
/// the unique index as `StoreError::Duplicate`.
pub async fn insert(
    db: &impl Db,
    order_id: i32,
    origin_order_id: i32,
    kind: OrderLinkKind,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    order_links::ActiveModel {
        order_id: Set(order_id),
        origin_order_id: Set(origin_order_id),
        kind: Set(kind.into()),
        renewal_of: Set((kind == OrderLinkKind::Renewal).then_some(origin_order_id)),
        reason: Set(reason.to_owned()),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// Where an order came from, if it is a renewal or a reissue.
pub async fn origin(db: &impl Db, order_id: i32) -> Result<Option<OrderLinkRow>, StoreError> {
    Ok(order_links::Entity::find()
        .filter(order_links::Column::OrderId.eq(order_id))
        .one(db.conn())
        .await?)
}

/// The orders that came from this one, oldest first.
pub async fn successors(db: &impl Db, order_id: i32) -> Result<Vec<OrderLinkRow>, StoreError> {
    Ok(order_links::Entity::find()
        .filter(order_links::Column::OriginOrderId.eq(order_id))
        .order_by_asc(order_links::Column::Id)
        .all(db.conn())
        .await?)
}

/// Frees an order for another renewal after its renewal was cancelled or rejected: the link
/// stays, as history, without the uniqueness claim.
pub async fn release_renewal(db: &impl Db, renewal_order_id: i32) -> Result<(), StoreError> {
    order_links::Entity::update_many()
        .col_expr(
            order_links::Column::RenewalOf,
            sea_orm::sea_query::Expr::value(Option::<i32>::None),
        )
        .filter(order_links::Column::OrderId.eq(renewal_order_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

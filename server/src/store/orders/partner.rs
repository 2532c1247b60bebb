//! Sub-accounts' orders as their partner sees them: the partner pays the operator for them,
//! so each records the partner and the partner's price, and the partner finds them by its id.

use sea_orm::{QueryOrder, QuerySelect, entity::prelude::*, sea_query::Expr};

use app::model::order_status::OrderStatus;

use crate::store::{Db, OrderRow, StoreError, entities::orders, stored::Stored};

/// Records who pays the operator for a sub-account's order, and how much.
pub async fn set_partner_price(
    db: &impl Db,
    order_id: i32,
    partner_account_id: i32,
    partner_price_minor: i64,
) -> Result<(), StoreError> {
    orders::Entity::update_many()
        .col_expr(
            orders::Column::PartnerAccountId,
            Expr::value(partner_account_id),
        )
        .col_expr(
            orders::Column::PartnerPriceMinor,
            Expr::value(partner_price_minor),
        )
        .filter(orders::Column::Id.eq(order_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// One order of the partner's sub-accounts; `None` for any other order.
pub async fn find(
    db: &impl Db,
    partner_account_id: i32,
    id: i32,
) -> Result<Option<OrderRow>, StoreError> {
    Ok(orders::Entity::find_by_id(id)
        .filter(orders::Column::PartnerAccountId.eq(partner_account_id))
        .one(db.conn())
        .await?)
}

/// The partner's sub-accounts' orders waiting for its approval, oldest first.
pub async fn waiting(db: &impl Db, partner_account_id: i32) -> Result<Vec<OrderRow>, StoreError> {
    Ok(orders::Entity::find()
        .filter(orders::Column::PartnerAccountId.eq(partner_account_id))
        .filter(orders::Column::Status.eq(Stored(OrderStatus::PendingParentApproval)))
        .order_by_asc(orders::Column::Id)
        .all(db.conn())
        .await?)
}

/// The partner's sub-accounts' latest orders, newest first.
pub async fn latest(
    db: &impl Db,
    partner_account_id: i32,
    limit: u64,
) -> Result<Vec<OrderRow>, StoreError> {
    report(db, partner_account_id, None, None, limit).await
}

/// The partner's sub-accounts' orders, newest first: only one sub-account's, or only one
/// order, when given.
pub async fn report(
    db: &impl Db,
    partner_account_id: i32,
    account_id: Option<i32>,
    order_id: Option<i32>,
    limit: u64,
) -> Result<Vec<OrderRow>, StoreError> {
    let mut q =
        orders::Entity::find().filter(orders::Column::PartnerAccountId.eq(partner_account_id));
    if let Some(a) = account_id {
        q = q.filter(orders::Column::AccountId.eq(a));
    }
    if let Some(o) = order_id {
        q = q.filter(orders::Column::Id.eq(o));
    }
    Ok(q.order_by_desc(orders::Column::Id)
        .limit(limit)
        .all(db.conn())
        .await?)
}

/// How many orders each account has placed.
pub async fn count_of(db: &impl Db, account_id: i32) -> Result<u64, StoreError> {
    use sea_orm::PaginatorTrait;
    Ok(orders::Entity::find()
        .filter(orders::Column::AccountId.eq(account_id))
        .count(db.conn())
        .await?)
}

//! A partner's sub-accounts: accounts whose parent is the partner. Every query that reads or
//! changes one takes the partner's id, so another partner's sub-account is never found.

use sea_orm::{QueryOrder, entity::prelude::*, sea_query::Expr};

use app::model::{AccountStatus, Currency};

use super::{AccountRow, Db, StoreError, entities::accounts, stored::Stored};

/// What makes an account a partner's sub-account, set right after it is inserted.
pub struct Parentage {
    pub parent_account_id: i32,
    pub parent_group_id: Option<i32>,
    pub parent_approval: bool,
    pub price_list_id: Option<i32>,
    pub currency: Currency,
}

pub async fn set_parentage(db: &impl Db, id: i32, p: Parentage) -> Result<(), StoreError> {
    accounts::Entity::update_many()
        .col_expr(
            accounts::Column::ParentAccountId,
            Expr::value(p.parent_account_id),
        )
        .col_expr(
            accounts::Column::ParentGroupId,
            Expr::value(p.parent_group_id),
        )
        .col_expr(
            accounts::Column::ParentApproval,
            Expr::value(p.parent_approval),
        )
        .col_expr(accounts::Column::PriceListId, Expr::value(p.price_list_id))
        .col_expr(accounts::Column::Currency, Expr::value(Stored(p.currency)))
        .filter(accounts::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// The partner's sub-accounts, by name.
pub async fn of_partner(db: &impl Db, partner_id: i32) -> Result<Vec<AccountRow>, StoreError> {
    Ok(accounts::Entity::find()
        .filter(accounts::Column::ParentAccountId.eq(partner_id))
        .order_by_asc(accounts::Column::Name)
        .order_by_asc(accounts::Column::Id)
        .all(db.conn())
        .await?)
}

/// One of the partner's sub-accounts; `None` for any other account.
pub async fn find(
    db: &impl Db,
    partner_id: i32,
    id: i32,
) -> Result<Option<AccountRow>, StoreError> {
    Ok(accounts::Entity::find_by_id(id)
        .filter(accounts::Column::ParentAccountId.eq(partner_id))
        .one(db.conn())
        .await?)
}

/// Moves one of the partner's sub-accounts from `from` to `to`; `false` when it is not the
/// partner's or not in `from`.
pub async fn set_status(
    db: &impl Db,
    partner_id: i32,
    id: i32,
    from: AccountStatus,
    to: AccountStatus,
) -> Result<bool, StoreError> {
    let result = accounts::Entity::update_many()
        .col_expr(accounts::Column::Status, Expr::value(Stored(to)))
        .filter(accounts::Column::Id.eq(id))
        .filter(accounts::Column::ParentAccountId.eq(partner_id))
        .filter(accounts::Column::Status.eq(Stored(from)))
        .exec(db.conn())
        .await?;
    Ok(result.rows_affected == 1)
}

/// Puts one of the partner's sub-accounts on a price list (or none); `false` when it is not
/// the partner's.
pub async fn set_price_list(
    db: &impl Db,
    partner_id: i32,
    id: i32,
    price_list_id: Option<i32>,
) -> Result<bool, StoreError> {
    let result = accounts::Entity::update_many()
        .col_expr(accounts::Column::PriceListId, Expr::value(price_list_id))
        .filter(accounts::Column::Id.eq(id))
        .filter(accounts::Column::ParentAccountId.eq(partner_id))
        .exec(db.conn())
        .await?;
    Ok(result.rows_affected == 1)
}

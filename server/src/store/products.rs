//! Products and prices. Public products (no account) are operator queries and say so; private
//! products are always read with the owning account's scope.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, Condition, QueryOrder, entity::prelude::*};

use app::model::{AccountId, Currency, ProductId, products::ProductKind};

use super::{
    Db, StoreError,
    entities::{product_prices, products},
    stored::Stored,
};

pub use super::entities::{product_prices::Model as PriceRow, products::Model as ProductRow};

/// What a product's form sets (kind and owner are fixed when it is made).
pub struct ProductFields<'a> {
    pub name: &'a str,
    pub validity_days: &'a [i64],
    pub included_domains: i32,
    pub max_domains: i32,
    pub private_ca: Option<&'a str>,
    pub template: Option<&'a str>,
    /// JSON of the field rules; empty for public products.
    pub field_rules: &'a str,
    pub auto_approve: bool,
    /// JSON of the checklist items.
    pub checklist: &'a str,
}

/// The validity choices of a row, shortest first (unparsable parts are skipped).
pub fn validity_days(row: &ProductRow) -> Vec<i64> {
    let mut days: Vec<i64> = row
        .validity_days
        .split(',')
        .filter_map(|d| d.trim().parse().ok())
        .collect();
    days.sort_unstable();
    days
}

fn days_text(days: &[i64]) -> String {
    days.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Inserts a product: a public one when `account_id` is `None`. `Duplicate` when the account
/// already has a product with the name.
pub async fn insert(
    db: &impl Db,
    account_id: Option<i32>,
    kind: ProductKind,
    f: ProductFields<'_>,
    at: DateTime<Utc>,
) -> Result<ProductRow, StoreError> {
    products::ActiveModel {
        account_id: Set(account_id),
        private_ca: Set(f.private_ca.map(str::to_owned)),
        kind: Set(kind.into()),
        name: Set(f.name.to_owned()),
        active: Set(true),
        validity_days: Set(days_text(f.validity_days)),
        included_domains: Set(f.included_domains),
        max_domains: Set(f.max_domains),
        template: Set(f.template.map(str::to_owned)),
        field_rules: Set(f.field_rules.to_owned()),
        auto_approve: Set(f.auto_approve),
        checklist: Set(f.checklist.to_owned()),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

/// Which products a write may touch: one account's private ones, or (operator) the public ones.
fn owned_by(account: Option<AccountId>) -> Condition {
    Condition::all().add(match account {
        Some(account) => products::Column::AccountId.eq(account.get()),
        None => products::Column::AccountId.is_null(),
    })
}

/// Changes one of the account's private products; any other product stays as it is.
pub async fn update_private(
    db: &impl Db,
    account: AccountId,
    id: ProductId,
    f: ProductFields<'_>,
) -> Result<(), StoreError> {
    update(db, Some(account), id, f).await
}

/// Operator query: changes a public product; a private product stays as it is.
pub async fn update_public_for_operator(
    db: &impl Db,
    id: ProductId,
    f: ProductFields<'_>,
) -> Result<(), StoreError> {
    update(db, None, id, f).await
}

async fn update(
    db: &impl Db,
    account: Option<AccountId>,
    id: ProductId,
    f: ProductFields<'_>,
) -> Result<(), StoreError> {
    products::Entity::update_many()
        .col_expr(products::Column::Name, Expr::value(f.name))
        .col_expr(
            products::Column::ValidityDays,
            Expr::value(days_text(f.validity_days)),
        )
        .col_expr(
            products::Column::IncludedDomains,
            Expr::value(f.included_domains),
        )
        .col_expr(products::Column::MaxDomains, Expr::value(f.max_domains))
        .col_expr(
            products::Column::PrivateCa,
            Expr::value(f.private_ca.map(str::to_owned)),
        )
        .col_expr(
            products::Column::Template,
            Expr::value(f.template.map(str::to_owned)),
        )
        .col_expr(products::Column::FieldRules, Expr::value(f.field_rules))
        .col_expr(products::Column::AutoApprove, Expr::value(f.auto_approve))
        .col_expr(products::Column::Checklist, Expr::value(f.checklist))
        .filter(owned_by(account))
        .filter(products::Column::Id.eq(id.get()))
        .exec(db.conn())
        .await
        .map_err(StoreError::from_db)?;
    Ok(())
}

/// Takes one of the account's private products off (or back on) the order form.
pub async fn set_private_active(
    db: &impl Db,
    account: AccountId,
    id: ProductId,
    active: bool,
) -> Result<(), StoreError> {
    set_active(db, Some(account), id, active).await
}

/// Operator query: takes a public product off (or back on) the order form.
pub async fn set_public_active_for_operator(
    db: &impl Db,
    id: ProductId,
    active: bool,
) -> Result<(), StoreError> {
    set_active(db, None, id, active).await
}

async fn set_active(
    db: &impl Db,
    account: Option<AccountId>,
    id: ProductId,
    active: bool,
) -> Result<(), StoreError> {
    products::Entity::update_many()
        .col_expr(products::Column::Active, Expr::value(active))
        .filter(owned_by(account))
        .filter(products::Column::Id.eq(id.get()))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Operator query: every public product, active or not.
pub async fn public_for_operator(db: &impl Db) -> Result<Vec<ProductRow>, StoreError> {
    Ok(products::Entity::find()
        .filter(products::Column::AccountId.is_null())
        .order_by_asc(products::Column::Id)
        .all(db.conn())
        .await?)
}

/// Operator query: one public product.
pub async fn find_public_for_operator(
    db: &impl Db,
    id: i32,
) -> Result<Option<ProductRow>, StoreError> {
    Ok(products::Entity::find_by_id(id)
        .filter(products::Column::AccountId.is_null())
        .one(db.conn())
        .await?)
}

/// The account's private products, active or not.
pub async fn private_for_account(
    db: &impl Db,
    account_id: i32,
) -> Result<Vec<ProductRow>, StoreError> {
    Ok(products::Entity::find()
        .filter(products::Column::AccountId.eq(account_id))
        .order_by_asc(products::Column::Name)
        .all(db.conn())
        .await?)
}

/// One private product of the account.
pub async fn find_private_for_account(
    db: &impl Db,
    account_id: i32,
    id: i32,
) -> Result<Option<ProductRow>, StoreError> {
    Ok(products::Entity::find_by_id(id)
        .filter(products::Column::AccountId.eq(account_id))
        .one(db.conn())
        .await?)
}

/// The active products the account may order: the public ones and its own private ones.
pub async fn orderable_for_account(
    db: &impl Db,
    account_id: i32,
) -> Result<Vec<ProductRow>, StoreError> {
    Ok(products::Entity::find()
        .filter(products::Column::Active.eq(true))
        .filter(
            Condition::any()
                .add(products::Column::AccountId.is_null())
                .add(products::Column::AccountId.eq(account_id)),
        )
        .order_by_asc(products::Column::AccountId)
        .order_by_asc(products::Column::Id)
        .all(db.conn())
        .await?)
}

/// One active product the account may order.
pub async fn find_orderable_for_account(
    db: &impl Db,
    account_id: i32,
    id: i32,
) -> Result<Option<ProductRow>, StoreError> {
    Ok(products::Entity::find_by_id(id)
        .filter(products::Column::Active.eq(true))
        .filter(
            Condition::any()
                .add(products::Column::AccountId.is_null())
                .add(products::Column::AccountId.eq(account_id)),
        )
        .one(db.conn())
        .await?)
}

/// The prices of some products (all currencies), by product, currency, validity.
pub async fn prices_of(db: &impl Db, product_ids: &[i32]) -> Result<Vec<PriceRow>, StoreError> {
    if product_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(product_prices::Entity::find()
        .filter(product_prices::Column::ProductId.is_in(product_ids.iter().copied()))
        .order_by_asc(product_prices::Column::ProductId)
        .order_by_asc(product_prices::Column::Currency)
        .order_by_asc(product_prices::Column::ValidityDays)
        .all(db.conn())
        .await?)
}

pub struct NewPrice {
    pub currency: Currency,
    pub validity_days: i64,
    pub base_minor: i64,
    pub per_extra_domain_minor: i64,
}

/// Operator query: sets (replaces) a public product's price for one currency and validity.
/// Prices belong to public products only; the operator sets them.
pub async fn set_price_for_operator(
    db: &impl Db,
    product_id: ProductId,
    p: NewPrice,
) -> Result<(), StoreError> {
    let product_id = product_id.get();
    product_prices::Entity::delete_many()
        .filter(product_prices::Column::ProductId.eq(product_id))
        .filter(product_prices::Column::Currency.eq(Stored(p.currency)))
        .filter(product_prices::Column::ValidityDays.eq(p.validity_days))
        .exec(db.conn())
        .await?;
    product_prices::ActiveModel {
        product_id: Set(product_id),
        currency: Set(p.currency.into()),
        validity_days: Set(p.validity_days),
        base_minor: Set(p.base_minor),
        per_extra_domain_minor: Set(p.per_extra_domain_minor),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// Operator query: whether any public product exists (active or not).
/// The kinds of the operator's products, each once (the default catalogue adds a family of
/// kinds only when none of it is there).
pub async fn operator_kinds(db: &impl Db) -> Result<Vec<ProductKind>, StoreError> {
    let rows = products::Entity::find()
        .filter(products::Column::AccountId.is_null())
        .all(db.conn())
        .await?;
    let mut kinds: Vec<ProductKind> = Vec::new();
    for row in rows {
        if !kinds.contains(&*row.kind) {
            kinds.push(*row.kind);
        }
    }
    Ok(kinds)
}

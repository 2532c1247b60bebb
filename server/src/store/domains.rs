//! Domains of an account with their validation evidence, and the administrator's domain
//! restrictions. Every query is scoped to one account.

use app::model::domains::{DcvMethod, DcvStatus};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use super::{
    Db, DomainRow, StoreError,
    entities::{domain_restrictions, domains},
    stored::Stored,
};

pub struct NewDomain<'a> {
    pub name: &'a str,
    pub method: DcvMethod,
    pub random_value: &'a str,
}

/// Inserts a pending domain; `Duplicate` when the account has it already.
pub async fn insert(
    db: &impl Db,
    account_id: i32,
    d: NewDomain<'_>,
    at: DateTime<Utc>,
) -> Result<DomainRow, StoreError> {
    domains::ActiveModel {
        account_id: Set(account_id),
        name: Set(d.name.to_owned()),
        method: Set(d.method.into()),
        random_value: Set(d.random_value.to_owned()),
        value_created_at: Set(at),
        status: Set(DcvStatus::Pending.into()),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

/// The account's domains, by name.
pub async fn for_account(db: &impl Db, account_id: i32) -> Result<Vec<DomainRow>, StoreError> {
    Ok(domains::Entity::find()
        .filter(domains::Column::AccountId.eq(account_id))
        .order_by_asc(domains::Column::Name)
        .all(db.conn())
        .await?)
}

pub async fn get(db: &impl Db, account_id: i32, id: i32) -> Result<Option<DomainRow>, StoreError> {
    Ok(domains::Entity::find_by_id(id)
        .filter(domains::Column::AccountId.eq(account_id))
        .one(db.conn())
        .await?)
}

pub async fn by_name(
    db: &impl Db,
    account_id: i32,
    name: &str,
) -> Result<Option<DomainRow>, StoreError> {
    Ok(domains::Entity::find()
        .filter(domains::Column::AccountId.eq(account_id))
        .filter(domains::Column::Name.eq(name))
        .one(db.conn())
        .await?)
}

/// The account's domains among `names` (e.g. a name and all its parent domains).
pub async fn among(
    db: &impl Db,
    account_id: i32,
    names: &[String],
) -> Result<Vec<DomainRow>, StoreError> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    Ok(domains::Entity::find()
        .filter(domains::Column::AccountId.eq(account_id))
        .filter(domains::Column::Name.is_in(names.iter().cloned()))
        .all(db.conn())
        .await?)
}

/// A new method and random value; earlier evidence stays until it expires.
pub async fn set_method(
    db: &impl Db,
    account_id: i32,
    id: i32,
    method: DcvMethod,
    random_value: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    domains::Entity::update_many()
        .col_expr(domains::Column::Method, Expr::value(Stored(method)))
        .col_expr(domains::Column::RandomValue, Expr::value(random_value))
        .col_expr(domains::Column::ValueCreatedAt, Expr::value(at))
        .col_expr(
            domains::Column::LastError,
            Expr::value(Option::<String>::None),
        )
        .filter(domains::Column::Id.eq(id))
        .filter(domains::Column::AccountId.eq(account_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

pub struct Verification<'a> {
    pub method: DcvMethod,
    pub rule: &'a str,
    pub rules_version: &'a str,
    pub expires_at: DateTime<Utc>,
}

/// Records a successful check. The random value is replaced so it cannot be answered twice.
pub async fn mark_verified(
    db: &impl Db,
    account_id: i32,
    id: i32,
    v: Verification<'_>,
    next_value: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    domains::Entity::update_many()
        .col_expr(
            domains::Column::Status,
            Expr::value(Stored(DcvStatus::Verified)),
        )
        .col_expr(domains::Column::VerifiedAt, Expr::value(at))
        .col_expr(
            domains::Column::VerifiedMethod,
            Expr::value(Stored(v.method)),
        )
        .col_expr(domains::Column::Rule, Expr::value(v.rule))
        .col_expr(domains::Column::RulesVersion, Expr::value(v.rules_version))
        .col_expr(domains::Column::DcvExpiresAt, Expr::value(v.expires_at))
        .col_expr(domains::Column::RandomValue, Expr::value(next_value))
        .col_expr(domains::Column::ValueCreatedAt, Expr::value(at))
        .col_expr(
            domains::Column::LastError,
            Expr::value(Option::<String>::None),
        )
        .col_expr(domains::Column::LastCheckedAt, Expr::value(at))
        .filter(domains::Column::Id.eq(id))
        .filter(domains::Column::AccountId.eq(account_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

pub async fn record_failure(
    db: &impl Db,
    account_id: i32,
    id: i32,
    error: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    domains::Entity::update_many()
        .col_expr(domains::Column::LastError, Expr::value(error))
        .col_expr(domains::Column::LastCheckedAt, Expr::value(at))
        .filter(domains::Column::Id.eq(id))
        .filter(domains::Column::AccountId.eq(account_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// The account's restricted domains.
pub async fn restrictions(db: &impl Db, account_id: i32) -> Result<Vec<String>, StoreError> {
    Ok(domain_restrictions::Entity::find()
        .filter(domain_restrictions::Column::AccountId.eq(account_id))
        .order_by_asc(domain_restrictions::Column::Domain)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|r| r.domain)
        .collect())
}

pub async fn add_restriction(
    db: &impl Db,
    account_id: i32,
    domain: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    domain_restrictions::ActiveModel {
        account_id: Set(account_id),
        domain: Set(domain.to_owned()),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// Removes a restriction; whether there was one.
pub async fn remove_restriction(
    db: &impl Db,
    account_id: i32,
    domain: &str,
) -> Result<bool, StoreError> {
    let done = domain_restrictions::Entity::delete_many()
        .filter(domain_restrictions::Column::AccountId.eq(account_id))
        .filter(domain_restrictions::Column::Domain.eq(domain))
        .exec(db.conn())
        .await?;
    Ok(done.rows_affected > 0)
}

/// A domain by id alone, for the e-mailed confirmation link, whose random value is the
/// proof of access (the link names no account): any account's.
pub async fn find_for_confirmation_any_account(
    db: &impl Db,
    id: i32,
) -> Result<Option<DomainRow>, StoreError> {
    Ok(domains::Entity::find_by_id(id).one(db.conn()).await?)
}

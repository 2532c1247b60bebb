use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, PaginatorTrait, entity::prelude::*};

use super::{Db, StoreError, entities::sign_in_attempts};

/// An attempt recorded as failed before its check ran; forgiven (deleted) when it succeeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim(i32);

/// Records an attempt as a failure *before* it is checked, and counts the failures since
/// `since` for the address and the client, this one included. Concurrent attempts each see at
/// least every attempt that was recorded before theirs, so no more than the limit of them can
/// find themselves under it, however many arrive at once.
pub async fn claim(
    db: &impl Db,
    email: Option<&str>,
    ip: &str,
    at: DateTime<Utc>,
    since: DateTime<Utc>,
) -> Result<(Claim, u64, u64), StoreError> {
    let row = sign_in_attempts::ActiveModel {
        email: Set(email.unwrap_or_default().chars().take(254).collect()),
        ip: Set(ip.to_owned()),
        succeeded: Set(false),
        at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await?;
    let for_email = match email {
        Some(e) => failures_for_email(db, e, since).await?,
        None => 0,
    };
    let for_ip = failures_for_ip(db, ip, since).await?;
    Ok((Claim(row.id), for_email, for_ip))
}

/// Failures recorded before `claim` (by id) since a moment, for the address (when given) and
/// the client: whether the attempts ahead of it already make the limit without it.
pub async fn failures_before(
    db: &impl Db,
    claim: Claim,
    email: Option<&str>,
    ip: &str,
    since: DateTime<Utc>,
) -> Result<(u64, u64), StoreError> {
    let earlier = || {
        sign_in_attempts::Entity::find()
            .filter(sign_in_attempts::Column::Id.lt(claim.0))
            .filter(sign_in_attempts::Column::Succeeded.eq(false))
            .filter(sign_in_attempts::Column::At.gte(since))
    };
    let for_email = match email {
        Some(e) => {
            earlier()
                .filter(sign_in_attempts::Column::Email.eq(e))
                .count(db.conn())
                .await?
        }
        None => 0,
    };
    let for_ip = earlier()
        .filter(sign_in_attempts::Column::Ip.eq(ip))
        .count(db.conn())
        .await?;
    Ok((for_email, for_ip))
}

/// Forgets a claimed attempt: it was refused unchecked, or it succeeded.
pub async fn forgive(db: &impl Db, claim: Claim) -> Result<(), StoreError> {
    sign_in_attempts::Entity::delete_by_id(claim.0)
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Names the user a claimed attempt turned out to be for (a passkey names its owner only
/// once it is read), so the failure counts for their address too.
pub async fn name_claim(db: &impl Db, claim: Claim, email: &str) -> Result<(), StoreError> {
    sign_in_attempts::Entity::update_many()
        .col_expr(
            sign_in_attempts::Column::Email,
            sea_orm::sea_query::Expr::value(email.chars().take(254).collect::<String>()),
        )
        .filter(sign_in_attempts::Column::Id.eq(claim.0))
        .exec(db.conn())
        .await?;
    Ok(())
}

pub async fn record(
    db: &impl Db,
    email: &str,
    ip: &str,
    succeeded: bool,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    sign_in_attempts::ActiveModel {
        email: Set(email.chars().take(254).collect()),
        ip: Set(ip.to_owned()),
        succeeded: Set(succeeded),
        at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await?;
    Ok(())
}

/// Failed attempts for an e-mail address since a moment.
pub async fn failures_for_email(
    db: &impl Db,
    email: &str,
    since: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Ok(sign_in_attempts::Entity::find()
        .filter(sign_in_attempts::Column::Email.eq(email))
        .filter(sign_in_attempts::Column::Succeeded.eq(false))
        .filter(sign_in_attempts::Column::At.gte(since))
        .count(db.conn())
        .await?)
}

/// Failed attempts from a client address since a moment.
pub async fn failures_for_ip(
    db: &impl Db,
    ip: &str,
    since: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Ok(sign_in_attempts::Entity::find()
        .filter(sign_in_attempts::Column::Ip.eq(ip))
        .filter(sign_in_attempts::Column::Succeeded.eq(false))
        .filter(sign_in_attempts::Column::At.gte(since))
        .count(db.conn())
        .await?)
}

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, PaginatorTrait, entity::prelude::*};

use super::{Db, StoreError, entities::sign_in_attempts};

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

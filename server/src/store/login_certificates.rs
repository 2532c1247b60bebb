//! Certificates users sign in with. Every query but the sign-in lookup is scoped to a user.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use super::{Db, StoreError, entities::login_certificates};

pub type LoginCertificateRow = login_certificates::Model;

pub struct NewLoginCertificate<'a> {
    pub user_id: i32,
    pub label: &'a str,
    pub fingerprint: &'a str,
    pub subject: &'a str,
    pub issuer: &'a str,
    pub serial_hex: &'a str,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
}

/// Registers a certificate; `Duplicate` when its fingerprint is registered already (to anyone).
pub async fn insert(
    db: &impl Db,
    new: NewLoginCertificate<'_>,
) -> Result<LoginCertificateRow, StoreError> {
    login_certificates::ActiveModel {
        user_id: Set(new.user_id),
        label: Set(new.label.to_owned()),
        fingerprint: Set(new.fingerprint.to_owned()),
        subject: Set(new.subject.to_owned()),
        issuer: Set(new.issuer.to_owned()),
        serial_hex: Set(new.serial_hex.to_owned()),
        not_before: Set(new.not_before),
        not_after: Set(new.not_after),
        created_at: Set(new.created_at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

/// A user's certificates, oldest first.
pub async fn of_user(db: &impl Db, user_id: i32) -> Result<Vec<LoginCertificateRow>, StoreError> {
    Ok(login_certificates::Entity::find()
        .filter(login_certificates::Column::UserId.eq(user_id))
        .order_by_asc(login_certificates::Column::Id)
        .all(db.conn())
        .await?)
}

/// The certificate with a fingerprint, whoever registered it (the sign-in lookup, and the
/// check that a certificate is not registered twice).
pub async fn find_by_fingerprint(
    db: &impl Db,
    fingerprint: &str,
) -> Result<Option<LoginCertificateRow>, StoreError> {
    Ok(login_certificates::Entity::find()
        .filter(login_certificates::Column::Fingerprint.eq(fingerprint))
        .one(db.conn())
        .await?)
}

/// Removes one of a user's certificates; `None` when the user has none with this id (another
/// user's certificate included), otherwise the removed row.
pub async fn delete_of_user(
    db: &impl Db,
    user_id: i32,
    id: i32,
) -> Result<Option<LoginCertificateRow>, StoreError> {
    let Some(row) = login_certificates::Entity::find_by_id(id)
        .filter(login_certificates::Column::UserId.eq(user_id))
        .one(db.conn())
        .await?
    else {
        return Ok(None);
    };
    login_certificates::Entity::delete_many()
        .filter(login_certificates::Column::Id.eq(row.id))
        .filter(login_certificates::Column::UserId.eq(user_id))
        .exec(db.conn())
        .await?;
    Ok(Some(row))
}

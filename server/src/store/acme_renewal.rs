//! ACME Renewal Information (RFC 9773): early-renewal marks on certificates and the order that
//! holds a certificate. The mark is keyed by the CA's certificate (an operator may mark any;
//! the service checks the caller's account through the order first); the order lookup is
//! scoped to an account.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, entity::prelude::*};

use super::{
    Db, OrderRow, StoreError,
    entities::{acme_orders, acme_renewal_marks as marks, orders},
};

pub use super::entities::acme_renewal_marks::Model as RenewalMarkRow;

pub async fn mark(db: &impl Db, certificate_id: i32) -> Result<Option<RenewalMarkRow>, StoreError> {
    Ok(marks::Entity::find_by_id(certificate_id)
        .one(db.conn())
        .await?)
}

/// Marks a certificate for early renewal; false (and the first mark kept) when it already was.
pub async fn insert_mark(
    db: &impl Db,
    certificate_id: i32,
    by: &str,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    if mark(db, certificate_id).await?.is_some() {
        return Ok(false);
    }
    marks::ActiveModel {
        certificate_id: Set(certificate_id),
        marked_at: Set(at),
        marked_by: Set(by.to_owned()),
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(true)
}

/// Marks many certificates for early renewal at once (a mass revocation coming); a mark
/// already there is kept with its first time.
pub async fn insert_marks_many(
    db: &impl Db,
    certificate_ids: &[i32],
    by: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    use sea_orm::sea_query::OnConflict;
    for chunk in certificate_ids.chunks(500) {
        if chunk.is_empty() {
            continue;
        }
        marks::Entity::insert_many(chunk.iter().map(|id| marks::ActiveModel {
            certificate_id: Set(*id),
            marked_at: Set(at),
            marked_by: Set(by.to_owned()),
        }))
        .on_conflict(
            OnConflict::column(marks::Column::CertificateId)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db.conn())
        .await
        .map_err(StoreError::from_db)?;
    }
    Ok(())
}

/// The account's order whose certificate this is.
pub async fn order_of_certificate(
    db: &impl Db,
    account_id: i32,
    certificate_id: i32,
) -> Result<Option<OrderRow>, StoreError> {
    Ok(orders::Entity::find()
        .filter(orders::Column::AccountId.eq(account_id))
        .filter(orders::Column::CertificateId.eq(certificate_id))
        .one(db.conn())
        .await?)
}

/// The certIDs ACME orders said they replace, newest first (any account: the caller compares
/// with its own order).
pub async fn orders_replacing(
    db: &impl Db,
    cert_id: &str,
) -> Result<Vec<acme_orders::Model>, StoreError> {
    use sea_orm::QueryOrder;
    Ok(acme_orders::Entity::find()
        .filter(acme_orders::Column::Replaces.eq(cert_id))
        .order_by_desc(acme_orders::Column::Id)
        .all(db.conn())
        .await?)
}

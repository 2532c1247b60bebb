//! CA keys and CA certificates. (Operator queries: the hierarchy belongs to no account.)

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use crate::ports::keys::KeySpec;

use super::{
    AuthorityRow, CaKeyRow, Db, ResponderRow, StoreError,
    entities::{ca_keys, certificate_authorities, ocsp_responders},
};

pub struct NewKey<'a> {
    pub label: &'a str,
    pub backend: &'a str,
    pub spec: KeySpec,
    pub public_key: &'a [u8],
    pub handle: &'a [u8],
    pub created_at: DateTime<Utc>,
}

pub async fn insert_key(db: &impl Db, key: NewKey<'_>) -> Result<CaKeyRow, StoreError> {
    ca_keys::ActiveModel {
        label: Set(key.label.to_owned()),
        backend: Set(key.backend.to_owned()),
        spec: Set(key.spec.into()),
        public_key: Set(key.public_key.to_vec()),
        handle: Set(key.handle.to_vec()),
        created_at: Set(key.created_at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

pub async fn find_key(db: &impl Db, id: i32) -> Result<Option<CaKeyRow>, StoreError> {
    Ok(ca_keys::Entity::find_by_id(id).one(db.conn()).await?)
}

pub struct NewAuthority<'a> {
    pub name: &'a str,
    pub parent_id: Option<i32>,
    pub key_id: i32,
    pub subject: &'a str,
    pub cert_der: &'a [u8],
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub account_id: Option<i32>,
    /// The CRL shards its certificates are spread over (0: one whole-CA CRL).
    pub crl_shards: i32,
}

pub async fn insert_authority(
    db: &impl Db,
    ca: NewAuthority<'_>,
) -> Result<AuthorityRow, StoreError> {
    certificate_authorities::ActiveModel {
        name: Set(ca.name.to_owned()),
        parent_id: Set(ca.parent_id),
        key_id: Set(ca.key_id),
        subject: Set(ca.subject.to_owned()),
        cert_der: Set(ca.cert_der.to_vec()),
        not_before: Set(ca.not_before),
        not_after: Set(ca.not_after),
        created_at: Set(ca.created_at),
        account_id: Set(ca.account_id),
        crl_shards: Set(ca.crl_shards),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

pub async fn find_by_name(db: &impl Db, name: &str) -> Result<Option<AuthorityRow>, StoreError> {
    Ok(certificate_authorities::Entity::find()
        .filter(certificate_authorities::Column::Name.eq(name))
        .one(db.conn())
        .await?)
}

pub async fn find(db: &impl Db, id: i32) -> Result<Option<AuthorityRow>, StoreError> {
    Ok(certificate_authorities::Entity::find_by_id(id)
        .one(db.conn())
        .await?)
}

/// Changes a CA's number of CRL shards, for tests of CAs made with another number (before
/// sharding, or under another default).
#[cfg(test)]
pub async fn set_crl_shards(db: &impl Db, ca_id: i32, crl_shards: i32) -> Result<(), StoreError> {
    certificate_authorities::Entity::update_many()
        .col_expr(
            certificate_authorities::Column::CrlShards,
            Expr::value(crl_shards),
        )
        .filter(certificate_authorities::Column::Id.eq(ca_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Every CA, in the order they were created (the root first).
pub async fn list(db: &impl Db) -> Result<Vec<AuthorityRow>, StoreError> {
    Ok(certificate_authorities::Entity::find()
        .order_by_asc(certificate_authorities::Column::Id)
        .all(db.conn())
        .await?)
}

pub async fn insert_responder(
    db: &impl Db,
    ca_id: i32,
    key_id: i32,
    cert_der: &[u8],
    not_after: DateTime<Utc>,
    created_at: DateTime<Utc>,
) -> Result<ResponderRow, StoreError> {
    ocsp_responders::ActiveModel {
        ca_id: Set(ca_id),
        key_id: Set(key_id),
        cert_der: Set(cert_der.to_vec()),
        not_after: Set(not_after),
        created_at: Set(created_at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

/// The newest OCSP responder of a CA.
pub async fn latest_responder(
    db: &impl Db,
    ca_id: i32,
) -> Result<Option<ResponderRow>, StoreError> {
    Ok(ocsp_responders::Entity::find()
        .filter(ocsp_responders::Column::CaId.eq(ca_id))
        .order_by_desc(ocsp_responders::Column::Id)
        .one(db.conn())
        .await?)
}

/// The private CAs of an account, oldest first.
pub async fn for_account(db: &impl Db, account_id: i32) -> Result<Vec<AuthorityRow>, StoreError> {
    use sea_orm::QueryOrder;
    Ok(certificate_authorities::Entity::find()
        .filter(certificate_authorities::Column::AccountId.eq(account_id))
        .order_by_asc(certificate_authorities::Column::Id)
        .all(db.conn())
        .await?)
}

//! ACME (RFC 8555) state: nonces, External Account Binding credentials, ACME accounts and the
//! orders, authorizations and challenges around ordinary order rows. Reads of protocol
//! objects are scoped to the ACME account that signed the request; the lookups by key id,
//! key thumbprint and nonce are by their own secret or public handle and say so.

use app::model::acme::{
    AcmeAccountStatus, AcmeAuthzStatus, AcmeChallengeKind, AcmeChallengeStatus, AcmeProfile,
};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use super::{
    Db, StoreError,
    entities::{
        acme_accounts, acme_authzs, acme_challenges, acme_eab_credentials, acme_nonces,
        acme_orders, orders,
    },
    stored::Stored,
};

pub use super::entities::{
    acme_accounts::Model as AcmeAccountRow, acme_authzs::Model as AcmeAuthzRow,
    acme_challenges::Model as AcmeChallengeRow, acme_eab_credentials::Model as EabRow,
    acme_orders::Model as AcmeOrderRow,
};

pub async fn insert_nonce(db: &impl Db, value: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
    acme_nonces::ActiveModel {
        value: Set(value.to_owned()),
        created_at: Set(at),
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// Uses up a nonce issued at or after `not_before`; whether it was there to use. The delete
/// is the check, so two requests racing with one nonce cannot both win.
pub async fn consume_nonce(
    db: &impl Db,
    value: &str,
    not_before: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = acme_nonces::Entity::delete_many()
        .filter(acme_nonces::Column::Value.eq(value))
        .filter(acme_nonces::Column::CreatedAt.gte(not_before))
        .exec(db.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

/// Drops nonces issued before `before` (they can no longer be used).
pub async fn purge_nonces(db: &impl Db, before: DateTime<Utc>) -> Result<(), StoreError> {
    acme_nonces::Entity::delete_many()
        .filter(acme_nonces::Column::CreatedAt.lt(before))
        .exec(db.conn())
        .await?;
    Ok(())
}

pub struct NewEab<'a> {
    pub key_id: &'a str,
    pub hmac_sealed: Vec<u8>,
    pub account_id: i32,
    pub user_id: i32,
    pub group_id: i32,
    pub product_id: i32,
    pub tags: &'a str,
    pub created_by: Option<i32>,
    /// The verified organization the accounts it binds order OV for.
    pub organization_id: Option<app::model::OrganizationId>,
}

pub async fn insert_eab(
    db: &impl Db,
    e: NewEab<'_>,
    at: DateTime<Utc>,
) -> Result<EabRow, StoreError> {
    acme_eab_credentials::ActiveModel {
        key_id: Set(e.key_id.to_owned()),
        hmac_sealed: Set(e.hmac_sealed),
        account_id: Set(e.account_id),
        user_id: Set(e.user_id),
        group_id: Set(e.group_id),
        product_id: Set(e.product_id),
        tags: Set(e.tags.to_owned()),
        created_by: Set(e.created_by),
        organization_id: Set(e.organization_id.map(|id| id.get())),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

/// A credential by its key id, across accounts: the HMAC the client proves is what binds it.
pub async fn eab_by_key_id(db: &impl Db, key_id: &str) -> Result<Option<EabRow>, StoreError> {
    Ok(acme_eab_credentials::Entity::find()
        .filter(acme_eab_credentials::Column::KeyId.eq(key_id))
        .one(db.conn())
        .await?)
}

/// The account's credentials, newest first.
pub async fn eabs_for_account(db: &impl Db, account_id: i32) -> Result<Vec<EabRow>, StoreError> {
    Ok(acme_eab_credentials::Entity::find()
        .filter(acme_eab_credentials::Column::AccountId.eq(account_id))
        .order_by_desc(acme_eab_credentials::Column::Id)
        .all(db.conn())
        .await?)
}

/// Revokes a credential of the account; whether one was revoked now.
pub async fn revoke_eab(
    db: &impl Db,
    account_id: i32,
    id: i32,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = acme_eab_credentials::Entity::update_many()
        .col_expr(acme_eab_credentials::Column::RevokedAt, Expr::value(at))
        .filter(acme_eab_credentials::Column::Id.eq(id))
        .filter(acme_eab_credentials::Column::AccountId.eq(account_id))
        .filter(acme_eab_credentials::Column::RevokedAt.is_null())
        .exec(db.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

/// Binds an unused, unrevoked credential to its first ACME account; false when it was
/// bound or revoked meanwhile (RFC 8555 7.3.4: one account per key id).
pub async fn bind_eab(db: &impl Db, id: i32, at: DateTime<Utc>) -> Result<bool, StoreError> {
    let done = acme_eab_credentials::Entity::update_many()
        .col_expr(acme_eab_credentials::Column::BoundAt, Expr::value(at))
        .filter(acme_eab_credentials::Column::Id.eq(id))
        .filter(acme_eab_credentials::Column::BoundAt.is_null())
        .filter(acme_eab_credentials::Column::RevokedAt.is_null())
        .exec(db.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

pub struct NewAcmeAccount<'a> {
    pub thumbprint: &'a str,
    pub jwk: &'a str,
    pub contact: &'a str,
    pub account_id: i32,
    pub user_id: i32,
    pub group_id: i32,
    pub product_id: i32,
    pub eab_id: Option<i32>,
}

pub async fn insert_account(
    db: &impl Db,
    a: NewAcmeAccount<'_>,
    at: DateTime<Utc>,
) -> Result<AcmeAccountRow, StoreError> {
    acme_accounts::ActiveModel {
        thumbprint: Set(a.thumbprint.to_owned()),
        jwk: Set(a.jwk.to_owned()),
        status: Set(AcmeAccountStatus::Valid.into()),
        contact: Set(a.contact.to_owned()),
        account_id: Set(a.account_id),
        user_id: Set(a.user_id),
        group_id: Set(a.group_id),
        product_id: Set(a.product_id),
        eab_id: Set(a.eab_id),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

/// The ACME account of a public key (its RFC 7638 thumbprint).
pub async fn account_by_thumbprint(
    db: &impl Db,
    thumbprint: &str,
) -> Result<Option<AcmeAccountRow>, StoreError> {
    Ok(acme_accounts::Entity::find()
        .filter(acme_accounts::Column::Thumbprint.eq(thumbprint))
        .one(db.conn())
        .await?)
}

/// The ACME account a `kid` names; the caller then checks the request's signature with its key.
pub async fn account_by_id(db: &impl Db, id: i32) -> Result<Option<AcmeAccountRow>, StoreError> {
    Ok(acme_accounts::Entity::find_by_id(id).one(db.conn()).await?)
}

pub async fn set_account_status(
    db: &impl Db,
    id: i32,
    status: AcmeAccountStatus,
) -> Result<(), StoreError> {
    acme_accounts::Entity::update_many()
        .col_expr(acme_accounts::Column::Status, Expr::value(Stored(status)))
        .filter(acme_accounts::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

pub async fn set_account_contact(db: &impl Db, id: i32, contact: &str) -> Result<(), StoreError> {
    acme_accounts::Entity::update_many()
        .col_expr(acme_accounts::Column::Contact, Expr::value(contact))
        .filter(acme_accounts::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Replaces the account's key; `Duplicate` when another account has the new key.
pub async fn set_account_key(
    db: &impl Db,
    id: i32,
    thumbprint: &str,
    jwk: &str,
) -> Result<(), StoreError> {
    acme_accounts::Entity::update_many()
        .col_expr(acme_accounts::Column::Thumbprint, Expr::value(thumbprint))
        .col_expr(acme_accounts::Column::Jwk, Expr::value(jwk))
        .filter(acme_accounts::Column::Id.eq(id))
        .exec(db.conn())
        .await
        .map_err(StoreError::from_db)?;
    Ok(())
}

pub struct NewAcmeOrder<'a> {
    pub acme_account_id: i32,
    /// The portal order it is.
    pub order_id: i32,
    /// The identifiers as the client asked, JSON.
    pub identifiers: &'a str,
    pub expires_at: DateTime<Utc>,
    /// The RFC 9773 certID of the certificate it replaces.
    pub replaces: Option<&'a str>,
    pub profile: AcmeProfile,
}

pub async fn insert_order(
    db: &impl Db,
    o: NewAcmeOrder<'_>,
    at: DateTime<Utc>,
) -> Result<AcmeOrderRow, StoreError> {
    acme_orders::ActiveModel {
        acme_account_id: Set(o.acme_account_id),
        order_id: Set(o.order_id),
        identifiers: Set(o.identifiers.to_owned()),
        expires_at: Set(o.expires_at),
        replaces: Set(o.replaces.map(str::to_owned)),
        profile: Set(o.profile.into()),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

/// Sets the certificate profile and validity an ACME order of the account issues with, when
/// its ACME profile asks for other than the product's: issuance reads them from the order
/// row, as for every order.
pub async fn set_order_issuance(
    db: &impl Db,
    account_id: i32,
    order_id: i32,
    ca_profile: &str,
    validity_days: i32,
) -> Result<(), StoreError> {
    orders::Entity::update_many()
        .col_expr(orders::Column::Profile, Expr::value(ca_profile))
        .col_expr(orders::Column::ValidityDays, Expr::value(validity_days))
        .filter(orders::Column::Id.eq(order_id))
        .filter(orders::Column::AccountId.eq(account_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// An ACME order of this ACME account.
pub async fn order(
    db: &impl Db,
    acme_account_id: i32,
    id: i32,
) -> Result<Option<AcmeOrderRow>, StoreError> {
    Ok(acme_orders::Entity::find_by_id(id)
        .filter(acme_orders::Column::AcmeAccountId.eq(acme_account_id))
        .one(db.conn())
        .await?)
}

/// The ACME order around an order row, whoever's it is (revocation by certificate key, ARI).
pub async fn order_of_order_row(
    db: &impl Db,
    order_id: i32,
) -> Result<Option<AcmeOrderRow>, StoreError> {
    Ok(acme_orders::Entity::find()
        .filter(acme_orders::Column::OrderId.eq(order_id))
        .one(db.conn())
        .await?)
}

pub async fn insert_authz(
    db: &impl Db,
    acme_order_id: i32,
    identifier: &str,
    wildcard: bool,
    status: AcmeAuthzStatus,
    expires_at: DateTime<Utc>,
) -> Result<AcmeAuthzRow, StoreError> {
    acme_authzs::ActiveModel {
        acme_order_id: Set(acme_order_id),
        identifier: Set(identifier.to_owned()),
        wildcard: Set(wildcard),
        status: Set(status.into()),
        expires_at: Set(expires_at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

pub async fn authzs_of_order(
    db: &impl Db,
    acme_order_id: i32,
) -> Result<Vec<AcmeAuthzRow>, StoreError> {
    Ok(acme_authzs::Entity::find()
        .filter(acme_authzs::Column::AcmeOrderId.eq(acme_order_id))
        .order_by_asc(acme_authzs::Column::Id)
        .all(db.conn())
        .await?)
}

/// An authorization with its order, when the order belongs to this ACME account.
pub async fn authz(
    db: &impl Db,
    acme_account_id: i32,
    id: i32,
) -> Result<Option<(AcmeAuthzRow, AcmeOrderRow)>, StoreError> {
    let Some(a) = acme_authzs::Entity::find_by_id(id).one(db.conn()).await? else {
        return Ok(None);
    };
    Ok(order(db, acme_account_id, a.acme_order_id)
        .await?
        .map(|o| (a, o)))
}

pub async fn set_authz_status(
    db: &impl Db,
    id: i32,
    status: AcmeAuthzStatus,
) -> Result<(), StoreError> {
    acme_authzs::Entity::update_many()
        .col_expr(acme_authzs::Column::Status, Expr::value(Stored(status)))
        .filter(acme_authzs::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Brings an authorization's expiry forward to `until` when that is sooner: a validation by
/// a persistent record counts no longer than the record's `persistUntil`.
pub async fn cap_authz_expiry(
    db: &impl Db,
    id: i32,
    until: DateTime<Utc>,
) -> Result<(), StoreError> {
    acme_authzs::Entity::update_many()
        .col_expr(acme_authzs::Column::ExpiresAt, Expr::value(until))
        .filter(acme_authzs::Column::Id.eq(id))
        .filter(acme_authzs::Column::ExpiresAt.gt(until))
        .exec(db.conn())
        .await?;
    Ok(())
}

pub async fn insert_challenge(
    db: &impl Db,
    authz_id: i32,
    kind: AcmeChallengeKind,
    token: &str,
) -> Result<AcmeChallengeRow, StoreError> {
    acme_challenges::ActiveModel {
        authz_id: Set(authz_id),
        kind: Set(kind.into()),
        token: Set(token.to_owned()),
        status: Set(AcmeChallengeStatus::Pending.into()),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

pub async fn challenges_of_authz(
    db: &impl Db,
    authz_id: i32,
) -> Result<Vec<AcmeChallengeRow>, StoreError> {
    Ok(acme_challenges::Entity::find()
        .filter(acme_challenges::Column::AuthzId.eq(authz_id))
        .order_by_asc(acme_challenges::Column::Id)
        .all(db.conn())
        .await?)
}

/// A challenge with its authorization and order, when they belong to this ACME account.
pub async fn challenge(
    db: &impl Db,
    acme_account_id: i32,
    id: i32,
) -> Result<Option<(AcmeChallengeRow, AcmeAuthzRow, AcmeOrderRow)>, StoreError> {
    let Some(c) = acme_challenges::Entity::find_by_id(id)
        .one(db.conn())
        .await?
    else {
        return Ok(None);
    };
    Ok(authz(db, acme_account_id, c.authz_id)
        .await?
        .map(|(a, o)| (c, a, o)))
}

/// Moves a challenge from `from` to `to` with the time and error; whether it moved.
pub async fn set_challenge(
    db: &impl Db,
    id: i32,
    from: AcmeChallengeStatus,
    to: AcmeChallengeStatus,
    validated_at: Option<DateTime<Utc>>,
    error: Option<&str>,
) -> Result<bool, StoreError> {
    let done = acme_challenges::Entity::update_many()
        .col_expr(acme_challenges::Column::Status, Expr::value(Stored(to)))
        .col_expr(
            acme_challenges::Column::ValidatedAt,
            Expr::value(validated_at),
        )
        .col_expr(
            acme_challenges::Column::Error,
            Expr::value(error.map(str::to_owned)),
        )
        .filter(acme_challenges::Column::Id.eq(id))
        .filter(acme_challenges::Column::Status.eq(Stored(from)))
        .exec(db.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

/// The order that a certificate was issued for, whoever's it is (revocation checks the
/// account next).
pub async fn order_row_by_certificate(
    db: &impl Db,
    certificate_id: i32,
) -> Result<Option<super::OrderRow>, StoreError> {
    Ok(orders::Entity::find()
        .filter(orders::Column::CertificateId.eq(certificate_id))
        .one(db.conn())
        .await?)
}

/// Marks the ACME accounts bound with a credential as revoked (the credential was).
pub async fn revoke_accounts_of_eab(db: &impl Db, eab_id: i32) -> Result<(), StoreError> {
    acme_accounts::Entity::update_many()
        .col_expr(
            acme_accounts::Column::Status,
            Expr::value(Stored(AcmeAccountStatus::Revoked)),
        )
        .filter(acme_accounts::Column::EabId.eq(eab_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// The ids of an ACME account's orders, newest first.
pub async fn orders_of_account(db: &impl Db, acme_account_id: i32) -> Result<Vec<i32>, StoreError> {
    Ok(acme_orders::Entity::find()
        .filter(acme_orders::Column::AcmeAccountId.eq(acme_account_id))
        .order_by_desc(acme_orders::Column::Id)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|o| o.id)
        .collect())
}

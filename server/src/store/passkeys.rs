//! Users' passkeys, their authenticator handles, and WebAuthn ceremonies in progress. Every
//! passkey query is scoped to its user.

use app::model::passkeys::CeremonyPurpose;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, PaginatorTrait, QueryOrder, entity::prelude::*};

use super::{
    Db, StoreError,
    entities::{passkey_handles, passkeys, webauthn_ceremonies},
    stored::Stored,
};

pub type PasskeyRow = passkeys::Model;
pub type CeremonyRow = webauthn_ceremonies::Model;

pub async fn count_of(db: &impl Db, user_id: i32) -> Result<u64, StoreError> {
    Ok(passkeys::Entity::find()
        .filter(passkeys::Column::UserId.eq(user_id))
        .count(db.conn())
        .await?)
}

/// A user's passkeys, oldest first.
pub async fn of_user(db: &impl Db, user_id: i32) -> Result<Vec<PasskeyRow>, StoreError> {
    Ok(passkeys::Entity::find()
        .filter(passkeys::Column::UserId.eq(user_id))
        .order_by_asc(passkeys::Column::Id)
        .all(db.conn())
        .await?)
}

/// One passkey of a user; another user's passkey is `None`.
pub async fn find_of_user(
    db: &impl Db,
    user_id: i32,
    id: i32,
) -> Result<Option<PasskeyRow>, StoreError> {
    Ok(passkeys::Entity::find_by_id(id)
        .filter(passkeys::Column::UserId.eq(user_id))
        .one(db.conn())
        .await?)
}

/// The passkey with a credential ID, whoever owns it (to refuse registering it twice and to
/// find the user of a passwordless sign-in, whose handle is checked against it).
pub async fn find_by_credential(
    db: &impl Db,
    credential_id: &str,
) -> Result<Option<PasskeyRow>, StoreError> {
    Ok(passkeys::Entity::find()
        .filter(passkeys::Column::CredentialId.eq(credential_id))
        .one(db.conn())
        .await?)
}

pub struct NewPasskey<'a> {
    pub user_id: i32,
    pub credential_id: &'a str,
    pub name: &'a str,
    pub passkey: &'a str,
    pub created_at: DateTime<Utc>,
}

pub async fn insert(db: &impl Db, new: NewPasskey<'_>) -> Result<i32, StoreError> {
    let res = passkeys::Entity::insert(passkeys::ActiveModel {
        user_id: Set(new.user_id),
        credential_id: Set(new.credential_id.to_owned()),
        name: Set(new.name.to_owned()),
        passkey: Set(new.passkey.to_owned()),
        created_at: Set(new.created_at),
        last_used_at: Set(None),
        ..Default::default()
    })
    .exec(db.conn())
    .await?;
    Ok(res.last_insert_id)
}

/// Renames a user's passkey; false when the user has no passkey with that id.
pub async fn rename(db: &impl Db, user_id: i32, id: i32, name: &str) -> Result<bool, StoreError> {
    let res = passkeys::Entity::update_many()
        .col_expr(passkeys::Column::Name, Expr::value(name))
        .filter(passkeys::Column::Id.eq(id))
        .filter(passkeys::Column::UserId.eq(user_id))
        .exec(db.conn())
        .await?;
    Ok(res.rows_affected == 1)
}

/// Removes a user's passkey; false when the user has no passkey with that id.
pub async fn remove(db: &impl Db, user_id: i32, id: i32) -> Result<bool, StoreError> {
    let res = passkeys::Entity::delete_many()
        .filter(passkeys::Column::Id.eq(id))
        .filter(passkeys::Column::UserId.eq(user_id))
        .exec(db.conn())
        .await?;
    Ok(res.rows_affected == 1)
}

/// Stores the credential after a sign-in (its counter and backup state move) and when.
pub async fn record_use(
    db: &impl Db,
    id: i32,
    passkey: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    passkeys::Entity::update_many()
        .col_expr(passkeys::Column::Passkey, Expr::value(passkey))
        .col_expr(passkeys::Column::LastUsedAt, Expr::value(at))
        .filter(passkeys::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

pub async fn handle_of(db: &impl Db, user_id: i32) -> Result<Option<String>, StoreError> {
    Ok(passkey_handles::Entity::find_by_id(user_id)
        .one(db.conn())
        .await?
        .map(|h| h.handle))
}

pub async fn user_of_handle(db: &impl Db, handle: &str) -> Result<Option<i32>, StoreError> {
    Ok(passkey_handles::Entity::find()
        .filter(passkey_handles::Column::Handle.eq(handle))
        .one(db.conn())
        .await?
        .map(|h| h.user_id))
}

pub async fn insert_handle(db: &impl Db, user_id: i32, handle: &str) -> Result<(), StoreError> {
    passkey_handles::Entity::insert(passkey_handles::ActiveModel {
        user_id: Set(user_id),
        handle: Set(handle.to_owned()),
    })
    .exec_without_returning(db.conn())
    .await?;
    Ok(())
}

pub struct NewCeremony<'a> {
    pub token_hash: &'a str,
    pub purpose: CeremonyPurpose,
    pub user_id: Option<i32>,
    pub session_id: Option<i32>,
    pub state: &'a str,
    pub expires_at: DateTime<Utc>,
}

pub async fn insert_ceremony(db: &impl Db, new: NewCeremony<'_>) -> Result<(), StoreError> {
    webauthn_ceremonies::Entity::insert(webauthn_ceremonies::ActiveModel {
        token_hash: Set(new.token_hash.to_owned()),
        purpose: Set(new.purpose.into()),
        user_id: Set(new.user_id),
        session_id: Set(new.session_id),
        state: Set(new.state.to_owned()),
        expires_at: Set(new.expires_at),
        ..Default::default()
    })
    .exec_without_returning(db.conn())
    .await?;
    Ok(())
}

/// Takes a ceremony out of the table: a challenge answers once, whether or not the answer
/// turns out right. `None` when it is unknown, already taken or of another purpose.
pub async fn take_ceremony(
    db: &impl Db,
    token_hash: &str,
    purpose: CeremonyPurpose,
) -> Result<Option<CeremonyRow>, StoreError> {
    let Some(row) = webauthn_ceremonies::Entity::find()
        .filter(webauthn_ceremonies::Column::TokenHash.eq(token_hash))
        .filter(webauthn_ceremonies::Column::Purpose.eq(Stored(purpose)))
        .one(db.conn())
        .await?
    else {
        return Ok(None);
    };
    // Two requests racing with the same token: only the one whose delete lands gets the row.
    let res = webauthn_ceremonies::Entity::delete_many()
        .filter(webauthn_ceremonies::Column::Id.eq(row.id))
        .exec(db.conn())
        .await?;
    Ok((res.rows_affected == 1).then_some(row))
}

/// Forgets ceremonies nobody finished.
pub async fn delete_expired_ceremonies(
    db: &impl Db,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Ok(webauthn_ceremonies::Entity::delete_many()
        .filter(webauthn_ceremonies::Column::ExpiresAt.lt(now))
        .exec(db.conn())
        .await?
        .rows_affected)
}

use chrono::{DateTime, Utc};

use app::model::Role;

use super::{IdentityError, IdentityService, PURPOSE_ACTIVATION};
use crate::{
    domain::identity_limits::ACTIVATION_LINK_TTL,
    store::{StoreError, Tx, UserRow, memberships, user_tokens, users},
};

impl IdentityService {
    /// Adds a user who has yet to choose a password as an administrator of an account.
    /// `EmailTaken` when the address is in use, including when a concurrent request won the race
    /// to the unique index.
    pub(super) async fn new_pending_administrator(
        &self,
        tx: &Tx,
        account_id: i32,
        user: users::NewUser<'_>,
    ) -> Result<UserRow, IdentityError> {
        if users::find_by_email(tx, user.email).await?.is_some() {
            return Err(IdentityError::EmailTaken);
        }
        let created_at = user.created_at;
        let row = users::insert(tx, user).await.map_err(|e| match e {
            StoreError::Duplicate => IdentityError::EmailTaken,
            other => other.into(),
        })?;
        memberships::insert(
            tx,
            row.id,
            account_id,
            app::model::roles::AssignedRole::BuiltIn(Role::Administrator),
            app::model::users::GroupAccess::All,
            created_at,
        )
        .await?;
        Ok(row)
    }

    /// Stores a single-use activation token for the user and returns the link that carries it.
    pub(super) async fn issue_activation_link(
        &self,
        tx: &Tx,
        user_id: i32,
        now: DateTime<Utc>,
    ) -> Result<String, IdentityError> {
        let token = self.new_token();
        user_tokens::insert(
            tx,
            user_id,
            PURPOSE_ACTIVATION,
            &token.hash,
            now,
            now + ACTIVATION_LINK_TTL,
        )
        .await?;
        Ok(self.activation_link(&token.plain))
    }
}

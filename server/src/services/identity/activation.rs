use app::model::session::ActivationView;

use super::{IdentityError, IdentityService, PURPOSE_ACTIVATION};
use crate::{
    domain::secret_token::{hash_token, looks_like_token},
    store::{AccountRow, Db, UserRow, UserTokenRow, accounts, memberships, user_tokens, users},
};

/// A usable activation token with the user and account it activates.
pub(super) struct ActivationTarget {
    pub token: UserTokenRow,
    pub user: UserRow,
    pub account: AccountRow,
}

impl IdentityService {
    /// What the activation page shows for a link, or why the link cannot be used.
    pub async fn activation(&self, token: &str) -> Result<ActivationView, IdentityError> {
        let target = self.activation_target(&self.store, token).await?;
        Ok(ActivationView {
            user_name: target.user.name,
            user_email: target.user.email,
            account_name: target.account.name,
        })
    }

    pub(super) async fn activation_target(
        &self,
        db: &impl Db,
        token: &str,
    ) -> Result<ActivationTarget, IdentityError> {
        if !looks_like_token(token) {
            return Err(IdentityError::LinkInvalid);
        }
        let row = user_tokens::find_by_hash(db, PURPOSE_ACTIVATION, &hash_token(token))
            .await?
            .ok_or(IdentityError::LinkInvalid)?;
        if row.used_at.is_some() {
            return Err(IdentityError::LinkUsed);
        }
        if row.expires_at <= self.clock.now() {
            return Err(IdentityError::LinkExpired);
        }
        let user = users::find(db, row.user_id)
            .await?
            .ok_or(IdentityError::LinkInvalid)?;
        let membership = memberships::for_user(db, user.id)
            .await?
            .into_iter()
            .next()
            .ok_or(IdentityError::LinkInvalid)?;
        let account = accounts::find(db, membership.account_id)
            .await?
            .ok_or(IdentityError::LinkInvalid)?;
        Ok(ActivationTarget {
            token: row,
            user,
            account,
        })
    }
}

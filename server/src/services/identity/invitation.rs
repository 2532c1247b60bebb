//! What the invitation link shows, and the lookup its answers share.

use app::model::invitation::InvitationView;

use super::{Caller, IdentityError, IdentityService};
use crate::{
    domain::secret_token::{hash_token, looks_like_token},
    store::{AccountRow, Db, InvitationRow, UserRow, accounts, custom_roles, invitations, users},
};

/// An invitation a link names, still open, with its account and invited user.
pub(super) struct OpenInvitation {
    pub invitation: InvitationRow,
    pub account: AccountRow,
    pub user: UserRow,
}

impl IdentityService {
    /// What the invitation page shows for a link: the account, the invited address and who
    /// the browser is signed in as (`session_token`), or why the link cannot be used.
    pub async fn invitation(
        &self,
        token: &str,
        session_token: Option<&str>,
    ) -> Result<InvitationView, IdentityError> {
        let open = self.open_invitation(&self.store, token).await?;
        let signed_in_as = match session_token {
            Some(t) => self.caller(t).await?.map(|c| c.user.email),
            None => None,
        };
        let role_label = self
            .invited_role_label(&open.invitation, open.account.id)
            .await?;
        Ok(InvitationView {
            account_name: open.account.name,
            email: open.user.email,
            role_label,
            expires_at: app::model::Moment::from(open.invitation.expires_at),
            signed_in_as,
        })
    }

    /// The open invitation a link names: `LinkInvalid` for junk or an unknown link,
    /// `LinkUsed` once answered, `LinkExpired` after its lifetime.
    pub(super) async fn open_invitation(
        &self,
        db: &impl Db,
        token: &str,
    ) -> Result<OpenInvitation, IdentityError> {
        if !looks_like_token(token) {
            return Err(IdentityError::LinkInvalid);
        }
        let invitation = invitations::find_by_hash(db, &hash_token(token))
            .await?
            .ok_or(IdentityError::LinkInvalid)?;
        if invitation.answered_at.is_some() {
            return Err(IdentityError::LinkUsed);
        }
        if invitation.expires_at <= self.clock.now() {
            return Err(IdentityError::LinkExpired);
        }
        let account = accounts::find(db, invitation.account_id)
            .await?
            .ok_or(IdentityError::LinkInvalid)?;
        let user = users::find(db, invitation.user_id)
            .await?
            .ok_or(IdentityError::LinkInvalid)?;
        Ok(OpenInvitation {
            invitation,
            account,
            user,
        })
    }

    /// The open invitation a link names, if it is for the signed-in caller; another user's
    /// answers as if it did not exist, so a forwarded link is of no use to anyone else.
    pub(super) async fn callers_invitation(
        &self,
        db: &impl Db,
        caller: &Caller,
        token: &str,
    ) -> Result<OpenInvitation, IdentityError> {
        let open = self.open_invitation(db, token).await?;
        if open.user.id != caller.user.id {
            return Err(IdentityError::NotInvited);
        }
        Ok(open)
    }

    pub(super) async fn invited_role_label(
        &self,
        invitation: &InvitationRow,
        account_id: i32,
    ) -> Result<app::model::role_name::RoleName, IdentityError> {
        Ok(match *invitation.role {
            app::model::roles::AssignedRole::BuiltIn(r) => {
                app::model::role_name::RoleName::BuiltIn(r)
            }
            app::model::roles::AssignedRole::Custom(id) => {
                custom_roles::find(&self.store, account_id, id)
                    .await?
                    .map_or(app::model::role_name::RoleName::Removed, |c| {
                        app::model::role_name::RoleName::Custom(c.name)
                    })
            }
        })
    }
}

use super::{Caller, IdentityError, IdentityService};
use crate::{
    services::audit::{self, AuditEntry},
    store::invitations,
};

impl IdentityService {
    /// The invited user, signed in, declines: the account gets no membership and keeps seeing
    /// only the address, in its audit log, with the answer. The link works once.
    pub async fn decline_invitation(
        &self,
        caller: &Caller,
        token: &str,
        ip: Option<String>,
    ) -> Result<(), IdentityError> {
        // Self-service: the invitation names the user, whatever their role where they are now.
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let open = self.callers_invitation(&tx, caller, token).await?;
        if !invitations::answer(
            &tx,
            app::model::AccountId(open.invitation.account_id),
            open.invitation.id,
            caller.user.id,
            invitations::DECLINED,
            now,
        )
        .await?
        {
            return Err(IdentityError::LinkUsed);
        }
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(open.invitation.account_id),
                user_id: Some(caller.user.id),
                ip,
                module: "users",
                action: "invitation_declined",
                summary: format!(
                    "{} declined the invitation to {}",
                    caller.user.email, open.account.name
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::accept_invitation::tests::invited;
    use super::super::test_support::harness;
    use super::*;
    use crate::store::{audit, memberships};

    #[tokio::test]
    async fn a_declined_invitation_gives_the_account_nothing_and_is_audited() {
        let h = harness().await;
        let (ravi, asha, token) = invited(&h).await;
        h.service
            .decline_invitation(&asha, &token, None)
            .await
            .unwrap();
        assert!(
            memberships::find(&h.store, asha.user.id, ravi.account.id)
                .await
                .unwrap()
                .is_none()
        );
        assert!(matches!(
            h.service.accept_invitation(&asha, &token, None).await,
            Err(IdentityError::LinkUsed)
        ));
        assert!(
            audit::for_account(&h.store, ravi.account.id)
                .await
                .unwrap()
                .iter()
                .any(|e| e.action == "invitation_declined")
        );
    }
}

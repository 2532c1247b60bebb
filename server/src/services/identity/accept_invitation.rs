use super::{Caller, IdentityError, IdentityService};
use crate::{
    services::audit::{self, AuditEntry},
    store::{MembershipRow, StoreError, invitations, memberships},
};

impl IdentityService {
    /// The invited user, signed in, accepts: they become a member of the inviting account with
    /// the role, group access and employee ID the invitation named, and may switch into it
    /// from now on. The link works once.
    pub async fn accept_invitation(
        &self,
        caller: &Caller,
        token: &str,
        ip: Option<String>,
    ) -> Result<MembershipRow, IdentityError> {
        // Self-service: the invitation names the user, whatever their role where they are now.
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let open = self.callers_invitation(&tx, caller, token).await?;
        let inv = &open.invitation;
        // Answering inside the transaction makes a second, concurrent use fail here.
        if !invitations::answer(
            &tx,
            app::model::AccountId(inv.account_id),
            inv.id,
            caller.user.id,
            invitations::ACCEPTED,
            now,
        )
        .await?
        {
            return Err(IdentityError::LinkUsed);
        }
        let mut membership = memberships::insert(
            &tx,
            caller.user.id,
            inv.account_id,
            *inv.role,
            *inv.group_access,
            now,
        )
        .await
        .map_err(|e| match e {
            StoreError::Duplicate => IdentityError::AlreadyMember,
            other => other.into(),
        })?;
        memberships::set_employee_id(
            &tx,
            app::model::AccountId(membership.account_id),
            app::model::MembershipId(membership.id),
            &inv.employee_id,
        )
        .await?;
        membership.employee_id.clone_from(&inv.employee_id);
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(inv.account_id),
                user_id: Some(caller.user.id),
                ip,
                module: "users",
                action: "invitation_accepted",
                summary: format!(
                    "{} accepted the invitation and joined {}",
                    caller.user.email, open.account.name
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(membership)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use app::model::{AccountKind, UserForm};

    use super::super::test_support::{Harness, harness};
    use super::*;
    use crate::store::{audit, users};

    /// Ravi's account invites Asha, who has her own account; returns Ravi's caller, Asha's
    /// signed-in caller and the invitation token from her e-mail.
    pub(in crate::services::identity) async fn invited(h: &Harness) -> (Caller, Caller, String) {
        let ravi = h.signed_in("ravi@other.example").await;
        let ravi = h.service.caller(&ravi).await.unwrap().unwrap();
        let asha = h.signed_in("asha@example.com").await;
        let asha = h.service.caller(&asha).await.unwrap().unwrap();
        let form = UserForm {
            name: "Typed By Ravi".into(),
            email: "asha@example.com".into(),
            mobile: "+1 555 0100 999".into(),
            employee_id: "R-7".into(),
            role: "standard_user".into(),
            group_access: "all".into(),
            ..Default::default()
        }
        .validate(AccountKind::Enterprise, false, &[])
        .unwrap();
        h.service
            .add_user(
                &ravi.account,
                ravi.user.id,
                &form,
                &app::model::role_name::RoleName::BuiltIn(app::model::Role::StandardUser),
                None,
            )
            .await
            .unwrap();
        (ravi, asha, h.invitation_token().await)
    }

    #[tokio::test]
    async fn the_invited_user_joins_only_by_accepting_the_link_while_signed_in_as_themselves() {
        let h = harness().await;
        let (ravi, asha, token) = invited(&h).await;
        // Before she answers she cannot work in Ravi's account.
        assert!(matches!(
            h.service.switch_account(&asha, ravi.account.id, None).await,
            Err(IdentityError::NotMember)
        ));
        assert_eq!(h.service.accounts_of(&asha).await.unwrap().len(), 1);

        // The link shows who is invited, and is of no use to anyone else.
        let view = h.service.invitation(&token, None).await.unwrap();
        assert_eq!(view.email, "asha@example.com");
        assert_eq!(view.role_label.to_string(), "Standard User");
        assert!(!view.answerable());
        let eve = h.signed_in("eve@example.net").await;
        let eve = h.service.caller(&eve).await.unwrap().unwrap();
        assert!(matches!(
            h.service.accept_invitation(&eve, &token, None).await,
            Err(IdentityError::NotInvited)
        ));
        assert!(matches!(
            h.service
                .accept_invitation(&asha, "x".repeat(43).as_str(), None)
                .await,
            Err(IdentityError::LinkInvalid)
        ));

        let joined = h
            .service
            .accept_invitation(&asha, &token, None)
            .await
            .unwrap();
        assert_eq!(joined.account_id, ravi.account.id);
        assert_eq!(joined.role, "standard_user");
        assert_eq!(joined.employee_id, "R-7", "the account's own record of her");
        let kept = users::find(&h.store, asha.user.id).await.unwrap().unwrap();
        assert_eq!(
            kept.name, "Asha Rao",
            "what Ravi typed never became her name"
        );
        assert!(matches!(
            h.service.accept_invitation(&asha, &token, None).await,
            Err(IdentityError::LinkUsed)
        ));
        h.service
            .switch_account(&asha, ravi.account.id, None)
            .await
            .unwrap();
        let actions: Vec<String> = audit::for_account(&h.store, ravi.account.id)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert!(actions.contains(&"user_invited".to_owned()), "{actions:?}");
        assert!(
            actions.contains(&"invitation_accepted".to_owned()),
            "{actions:?}"
        );
    }

    #[tokio::test]
    async fn an_invitation_expires_after_seven_days() {
        let h = harness().await;
        let (_, asha, token) = invited(&h).await;
        h.clock.advance(chrono::Duration::days(7));
        // Her session expired meanwhile; the link is refused anyway.
        assert!(matches!(
            h.service.accept_invitation(&asha, &token, None).await,
            Err(IdentityError::LinkExpired)
        ));
        assert!(matches!(
            h.service.invitation(&token, None).await,
            Err(IdentityError::LinkExpired)
        ));
    }
}

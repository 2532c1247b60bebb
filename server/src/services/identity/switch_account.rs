use app::i18n::Msg;
use app::model::{AccountStatus, Role, account_choice::AccountChoice};

use super::{Caller, IdentityError, IdentityService, SecondFactor};
use crate::{
    services::audit::{self, AuditEntry},
    store::{accounts, custom_roles, memberships, sessions},
};

impl IdentityService {
    /// Every account the caller belongs to, with whether each can be used now.
    pub async fn accounts_of(&self, caller: &Caller) -> Result<Vec<AccountChoice>, IdentityError> {
        // Self-service: the accounts the caller's own user belongs to.
        let mut out = Vec::new();
        for m in memberships::for_user(&self.store, caller.user.id).await? {
            let Some(a) = accounts::find(&self.store, m.account_id).await? else {
                continue;
            };
            let (kind, status) = (*a.kind, *a.status);
            let (role, role_label) = match *m.role {
                app::model::roles::AssignedRole::BuiltIn(r) => {
                    (r, app::model::role_name::RoleName::BuiltIn(r))
                }
                app::model::roles::AssignedRole::Custom(id) => (
                    Role::Custom,
                    custom_roles::find(&self.store, a.id, id)
                        .await?
                        .map_or(app::model::role_name::RoleName::Removed, |c| {
                            app::model::role_name::RoleName::Custom(c.name)
                        }),
                ),
            };
            let reason = if m.status == memberships::DEACTIVATED {
                Some(Msg::new("err-account-deactivated-you"))
            } else if status != AccountStatus::Active {
                Some(Msg::new("err-account-is-status").arg("status", Msg::new(status.state_key())))
            } else {
                None
            };
            out.push(AccountChoice {
                id: a.id,
                name: a.name,
                kind,
                status,
                role,
                role_label,
                current: a.id == caller.account.id,
                usable: reason.is_none(),
                reason,
            });
        }
        Ok(out)
    }

    /// Moves the caller's session to another of their accounts. `NotMember` for an account
    /// they do not belong to (the same answer as for one that does not exist). The target
    /// account's two-factor rule applies as at sign-in: a user without a second factor who
    /// enters an account that enforces one must enrol before the session works again
    /// (`Some(SecondFactor::Enrol)`). A user with one proved it when signing in.
    pub async fn switch_account(
        &self,
        caller: &Caller,
        account_id: i32,
        ip: Option<String>,
    ) -> Result<Option<SecondFactor>, IdentityError> {
        // Self-service: the accounts the caller's own user belongs to.
        let choice = self
            .accounts_of(caller)
            .await?
            .into_iter()
            .find(|c| c.id == account_id)
            .ok_or(IdentityError::NotMember)?;
        if let Some(reason) = choice.reason {
            return Err(IdentityError::CannotUse(reason));
        }
        let account = accounts::find(&self.store, account_id)
            .await?
            .ok_or(IdentityError::NotMember)?;
        let owed = match self.second_factor_owed(&caller.user, &account).await? {
            Some(SecondFactor::Enrol) => Some(SecondFactor::Enrol),
            Some(SecondFactor::Code) | None => None,
        };
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let session = caller.session_id()?;
        sessions::set_account(&tx, session, account_id).await?;
        if owed.is_some() {
            sessions::require_enrolment(&tx, session).await?;
        }
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(account_id),
                user_id: Some(caller.user.id),
                ip,
                module: "identity",
                action: "account_switched",
                summary: if owed.is_some() {
                    format!(
                        "{} switched to {}, which enforces two-factor sign-in: enrolment required",
                        caller.user.email, choice.name
                    )
                } else {
                    format!("{} switched to {}", caller.user.email, choice.name)
                },
            },
        )
        .await?;
        tx.commit().await?;
        Ok(owed)
    }
}

#[cfg(test)]
mod tests {
    use app::model::{AccountKind, UserForm};

    use super::super::test_support::{PASSWORD, harness};
    use super::*;
    use crate::store::users;

    #[tokio::test]
    async fn a_user_of_two_accounts_chooses_and_switches_between_them() {
        let h = harness().await;
        let ravi_token = h.signed_in("ravi@other.example").await;
        let ravi = h.service.caller(&ravi_token).await.unwrap().unwrap();
        h.signed_in("asha@example.com").await;
        let asha = users::find_by_email(&h.store, "asha@example.com")
            .await
            .unwrap()
            .unwrap();
        // Ravi's administrator adds Asha, who already has a password from her own account.
        let form = UserForm {
            name: "Asha Rao".into(),
            email: "asha@example.com".into(),
            mobile: "+91 98450 12345".into(),
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
        // She joins only by accepting the mailed invitation (before, she was added at once).
        let mail = h.sent().await.pop().unwrap();
        assert!(mail.subject.contains("invites you"), "{}", mail.subject);
        let invitation = h.invitation_token().await;
        let first = h.sign_in("asha@example.com").await;
        let first = h.service.caller(&first).await.unwrap().unwrap();
        h.service
            .accept_invitation(&first, &invitation, None)
            .await
            .unwrap();

        let session = h
            .service
            .sign_in("asha@example.com", PASSWORD, "192.0.2.1", None)
            .await
            .unwrap();
        assert!(session.choose_account);
        let caller = h.service.caller(&session.token).await.unwrap().unwrap();
        let choices = h.service.accounts_of(&caller).await.unwrap();
        assert_eq!(choices.len(), 2);
        assert!(choices.iter().all(|c| c.usable));
        h.service
            .switch_account(&caller, ravi.account.id, None)
            .await
            .unwrap();
        let caller = h.service.caller(&session.token).await.unwrap().unwrap();
        assert_eq!(caller.account.id, ravi.account.id);
        assert_eq!(caller.role, Role::StandardUser);

        // Not a member: not found. Deactivated there: refused with the reason.
        assert!(matches!(
            h.service.switch_account(&caller, 999, None).await,
            Err(IdentityError::NotMember)
        ));
        let own = choices.iter().find(|c| c.id != ravi.account.id).unwrap().id;
        let m = memberships::find(&h.store, asha.id, own)
            .await
            .unwrap()
            .unwrap();
        memberships::set_status(
            &h.store,
            app::model::AccountId(m.account_id),
            app::model::MembershipId(m.id),
            memberships::DEACTIVATED,
        )
        .await
        .unwrap();
        assert!(matches!(
            h.service.switch_account(&caller, own, None).await,
            Err(IdentityError::CannotUse(_))
        ));
    }

    #[tokio::test]
    async fn switching_into_an_account_that_enforces_two_factor_makes_the_user_enrol_first() {
        use crate::{
            domain::totp::Totp,
            ports::Clock,
            store::{accounts, sessions, two_factor},
        };
        let h = harness().await;
        let ravi_token = h.signed_in("ravi@other.example").await;
        let ravi = h.service.caller(&ravi_token).await.unwrap().unwrap();
        accounts::set_enforce_totp(&h.store, ravi.account.id, true)
            .await
            .unwrap();
        h.signed_in("asha@example.com").await;
        let asha = users::find_by_email(&h.store, "asha@example.com")
            .await
            .unwrap()
            .unwrap();
        memberships::insert(
            &h.store,
            asha.id,
            ravi.account.id,
            app::model::roles::AssignedRole::BuiltIn(app::model::Role::StandardUser),
            app::model::users::GroupAccess::All,
            h.clock.now(),
        )
        .await
        .unwrap();

        // Her own account does not enforce two-factor sign-in: the password is enough there.
        let session = h
            .service
            .sign_in("asha@example.com", PASSWORD, "192.0.2.1", None)
            .await
            .unwrap();
        assert_eq!(session.second_factor, None);
        let caller = h.service.caller(&session.token).await.unwrap().unwrap();
        h.service
            .switch_account(&caller, ravi.account.id, None)
            .await
            .unwrap();
        assert!(
            h.service.caller(&session.token).await.unwrap().is_none(),
            "the session cannot act in an enforcing account before she enrols"
        );
        assert!(
            h.service
                .current_session(&session.token)
                .await
                .unwrap()
                .is_none()
        );
        assert_eq!(
            h.service.pending_stage(&session.token).await.unwrap(),
            Some(sessions::SECOND_FACTOR_ENROL)
        );

        // Enrolling lets the session work there, as a sign-in into that account would have.
        h.service.enrolment(&session.token).await.unwrap();
        let row = two_factor::totp_of(&h.store, asha.id)
            .await
            .unwrap()
            .unwrap();
        let secret = super::super::test_support::test_sealer()
            .open(
                &super::super::two_factor::sealing_context(asha.id),
                &row.secret_sealed,
            )
            .unwrap();
        let code = Totp::new(&secret)
            .unwrap()
            .code_at(u64::try_from(h.clock.now().timestamp()).unwrap());
        h.service
            .confirm_enrolment(&session.token, &code, None)
            .await
            .unwrap();
        let caller = h.service.caller(&session.token).await.unwrap().unwrap();
        assert_eq!(caller.account.id, ravi.account.id);
    }
}

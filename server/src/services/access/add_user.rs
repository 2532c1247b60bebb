use app::model::Permission;
use app::model::{UserForm, users::AddUserOutcome};

use super::{AccessError, AccessService};
use crate::services::identity::{Added, Caller};

impl AccessService {
    /// Adds a user to the caller's account: a new address gets an activation e-mail; an
    /// address that already has a user is invited and joins only if they accept.
    pub async fn add_user(
        &self,
        caller: &Caller,
        form: &UserForm,
        ip: Option<String>,
    ) -> Result<AddUserOutcome, AccessError> {
        caller.require(Permission::ManageUsers)?;
        let custom = self.custom_role_ids(caller).await?;
        let valid = form
            .validate(caller.kind, false, &custom)
            .map_err(AccessError::Invalid)?;
        let role_label = self.giveable(caller, valid.role).await?;
        Ok(
            match self
                .identity
                .add_user(&caller.account, caller.user.id, &valid, &role_label, ip)
                .await?
            {
                Added::Member(m) => AddUserOutcome::Added(m.id),
                Added::Invited(_) => AddUserOutcome::Invited,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use app::model::{Permission, UserForm, UsersQuery};

    use super::*;
    use crate::{
        services::identity::{IdentityError, test_support::harness},
        store::{audit, memberships, users},
    };

    fn form(email: &str) -> UserForm {
        UserForm {
            name: "Someone Else".into(),
            email: email.into(),
            mobile: "+1 555 0100 999".into(),
            designation: "Intern".into(),
            employee_id: "R-7".into(),
            role: "standard_user".into(),
            group_access: "all".into(),
        }
    }

    #[tokio::test]
    async fn adding_another_accounts_user_reveals_and_changes_nothing_until_they_consent() {
        let h = harness().await;
        h.signed_in("asha@example.com").await;
        let ravi = h.signed_in("ravi@other.example").await;
        let access = AccessService::for_harness(&h);
        let ravi = access
            .authorize(Some(&ravi), Permission::ManageUsers)
            .await
            .unwrap();
        let asha = users::find_by_email(&h.store, "asha@example.com")
            .await
            .unwrap()
            .unwrap();
        users::update_details(
            &h.store,
            asha.id,
            users::Details {
                name: "Asha Iyengar",
                mobile: "+919845077777",
                designation: "CISO",
            },
        )
        .await
        .unwrap();

        access
            .add_user(&ravi, &form("Asha@Example.com"), None)
            .await
            .unwrap();

        let page = access
            .users_page(&ravi, &UsersQuery::default())
            .await
            .unwrap();
        assert!(
            page.users.iter().all(|u| u.email != "asha@example.com"),
            "no membership, so nothing to open or edit, before she consents"
        );
        let shown = format!("{page:?}");
        assert!(
            !shown.contains("Iyengar")
                && !shown.contains("919845077777")
                && !shown.contains("CISO"),
            "her name and mobile number stay hers: {shown}"
        );
        let asha = users::find_by_email(&h.store, "asha@example.com")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            asha.name, "Asha Iyengar",
            "the typed name did not overwrite hers"
        );
        assert_eq!(asha.mobile, "+919845077777");
        assert!(
            memberships::find(&h.store, asha.id, ravi.account.id)
                .await
                .unwrap()
                .is_none()
        );
    }

    #[tokio::test]
    async fn a_pending_invitation_shows_only_the_address_and_cannot_be_sent_twice() {
        let h = harness().await;
        h.signed_in("asha@example.com").await;
        let ravi = h.signed_in("ravi@other.example").await;
        let access = AccessService::for_harness(&h);
        let ravi = access
            .authorize(Some(&ravi), Permission::ManageUsers)
            .await
            .unwrap();
        let outcome = access
            .add_user(&ravi, &form("asha@example.com"), None)
            .await
            .unwrap();
        assert_eq!(outcome, AddUserOutcome::Invited);
        let page = access
            .users_page(&ravi, &UsersQuery::default())
            .await
            .unwrap();
        assert_eq!(page.invitations.len(), 1);
        assert_eq!(page.invitations[0].email, "asha@example.com");
        assert_eq!(page.invitations[0].role_label.to_string(), "Standard User");
        assert!(!page.invitations[0].expired);
        let mail = h.sent().await.pop().unwrap();
        assert_eq!(mail.to, "asha@example.com");
        assert!(mail.text.contains("/invitation/"), "{}", mail.text);
        assert!(!mail.text.contains("/activate/"));

        // Again while it is open: refused beside the e-mail field, nothing sent.
        let again = access
            .add_user(&ravi, &form("asha@example.com"), None)
            .await;
        assert!(
            matches!(
                again,
                Err(AccessError::Identity(IdentityError::AlreadyInvited))
            ),
            "{again:?}"
        );
        assert_eq!(
            h.sent().await.len(),
            3,
            "two activations and one invitation"
        );

        // A week later it has lapsed; adding the address again sends a new invitation.
        h.clock.advance(chrono::Duration::days(8));
        let page = access
            .users_page(&ravi, &UsersQuery::default())
            .await
            .unwrap();
        assert!(page.invitations[0].expired);
        access
            .add_user(&ravi, &form("asha@example.com"), None)
            .await
            .unwrap();
        assert!(h.sent().await.last().unwrap().text.contains("/invitation/"));
        let invited = audit::for_account(&h.store, ravi.account.id)
            .await
            .unwrap()
            .iter()
            .filter(|e| e.action == "user_invited")
            .count();
        assert_eq!(invited, 2);
    }
}

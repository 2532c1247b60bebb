use app::i18n::Msg;
use app::model::{AccountId, MembershipId};

use super::{AccessError, AccessService};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{memberships, sessions},
};
use app::model::Permission;

impl AccessService {
    /// Deactivates a user in the caller's account: their sessions there end at once and they
    /// cannot sign in to it again; other accounts they belong to are untouched. Nobody
    /// deactivates a user whose role can do more than theirs, nor the last working
    /// Administrator.
    pub async fn deactivate_user(
        &self,
        caller: &Caller,
        membership_id: i32,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        caller.require(Permission::ManageUsers)?;
        let (m, u) = self.member(caller, membership_id).await?;
        if u.id == caller.user.id {
            return Err(AccessError::Refused(Msg::new(
                "err-you-cannot-deactivate-yourself-ask",
            )));
        }
        if m.status == memberships::DEACTIVATED {
            return Err(AccessError::Refused(
                Msg::new("err-u-already-deactivated").arg("u", u.email),
            ));
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let before = self.guard_member_change(&tx, caller, &m).await?;
        if before.status == memberships::DEACTIVATED {
            return Err(AccessError::Refused(
                Msg::new("err-u-already-deactivated").arg("u", u.email),
            ));
        }
        memberships::set_status(
            &tx,
            AccountId(caller.account.id),
            MembershipId(m.id),
            memberships::DEACTIVATED,
        )
        .await?;
        self.keeps_an_administrator(&tx, &before).await?;
        let ended = sessions::revoke_for_member(&tx, u.id, caller.account.id, now).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "users",
                action: "user_deactivated",
                summary: format!("Deactivated {} ({ended} sessions ended)", u.email),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use app::model::{Permission, UserForm, UsersQuery, users::MemberStatus};

    use super::*;
    use crate::services::identity::test_support::{PASSWORD, harness};

    fn form(email: &str, role: &str) -> UserForm {
        UserForm {
            name: "Meera Iyer".into(),
            email: email.into(),
            mobile: "+91 98450 00001".into(),
            designation: "PKI engineer".into(),
            employee_id: "E-1024".into(),
            role: role.into(),
            group_access: "all".into(),
        }
    }

    #[tokio::test]
    async fn an_administrator_adds_edits_and_deactivates_a_user_whose_session_ends() {
        let h = harness().await;
        let admin = h.signed_in("asha@example.com").await;
        let stranger = h.signed_in("ravi@other.example").await;
        let access = AccessService::for_harness(&h);
        let caller = access
            .authorize(Some(&admin), Permission::ManageUsers)
            .await
            .unwrap();

        let id = access
            .add_user(&caller, &form("meera@example.com", "standard_user"), None)
            .await
            .unwrap()
            .member_id()
            .unwrap();
        let mail = h.sent().await.pop().unwrap();
        assert_eq!(mail.to, "meera@example.com");
        assert!(mail.text.contains("/activate/"));
        // The same address again is refused and changes nothing.
        let again = access
            .add_user(&caller, &form("Meera@Example.com", "basic_user"), None)
            .await;
        assert!(matches!(again, Err(AccessError::Identity(_))), "{again:?}");
        let listed = access
            .users_page(&caller, &UsersQuery::default())
            .await
            .unwrap();
        assert_eq!(listed.total, 2);
        assert_eq!(listed.users[0].status, MemberStatus::PendingActivation);

        // Meera activates and signs in.
        let token = h.activation_token().await;
        h.service
            .activate(&token, PASSWORD, PASSWORD, None)
            .await
            .unwrap();
        let meera = h.sign_in("meera@example.com").await;
        assert!(h.service.current_session(&meera).await.unwrap().is_some());

        let mut edited = form("", "basic_user");
        edited.designation = "Team lead".into();
        access
            .update_user(&caller, id, &edited, None)
            .await
            .unwrap();
        let user = access.user(&caller, id).await.unwrap();
        assert_eq!(user.designation, "Team lead");
        assert_eq!(
            user.role,
            app::model::roles::AssignedRole::BuiltIn(app::model::Role::BasicUser)
        );
        assert_eq!(user.email, "meera@example.com", "the address cannot change");

        access.deactivate_user(&caller, id, None).await.unwrap();
        assert!(
            h.service.current_session(&meera).await.unwrap().is_none(),
            "the session ended at once"
        );
        let back = h
            .service
            .sign_in("meera@example.com", PASSWORD, "192.0.2.1", None)
            .await;
        assert!(
            matches!(
                back,
                Err(crate::services::identity::IdentityError::Deactivated)
            ),
            "a deactivated user cannot sign in again"
        );
        assert!(matches!(
            access.deactivate_user(&caller, id, None).await,
            Err(AccessError::Refused(_))
        ));

        // Administrators cannot lock themselves out, nor touch another account's users.
        let me = listed.users.iter().find(|u| u.is_you).unwrap().id;
        assert!(matches!(
            access.deactivate_user(&caller, me, None).await,
            Err(AccessError::Refused(_))
        ));
        let demote = access
            .update_user(&caller, me, &form("", "basic_user"), None)
            .await;
        assert!(matches!(demote, Err(AccessError::Invalid(e)) if e.get("role").is_some()));
        let other = access
            .authorize(Some(&stranger), Permission::ManageUsers)
            .await
            .unwrap();
        assert!(matches!(
            access.user(&other, id).await,
            Err(AccessError::NotFound)
        ));
        assert!(matches!(
            access.deactivate_user(&other, me, None).await,
            Err(AccessError::NotFound)
        ));
    }
}

#[cfg(test)]
mod last_administrator {
    use app::model::Permission;

    use super::*;
    use crate::services::{access::added_member, identity::test_support::harness};

    #[tokio::test]
    async fn a_finance_manager_cannot_deactivate_an_administrator() {
        let h = harness().await;
        let access = AccessService::for_harness(&h);
        let asha = h.signed_in("asha@example.com").await;
        let asha = access
            .authorize(Some(&asha), Permission::ManageUsers)
            .await
            .unwrap();
        let (adam, _) = added_member(&h, &access, &asha, "adam@example.com", "administrator").await;
        let (_, fiona) =
            added_member(&h, &access, &asha, "fiona@example.com", "finance_manager").await;
        let refused = access.deactivate_user(&fiona, adam, None).await;
        assert!(
            matches!(&refused, Err(AccessError::Refused(m))
                if m.to_string().contains("can do things yours cannot")
                    && m.text(app::i18n::Lang::Pl).contains("Twoja nie pozwala")),
            "{refused:?}"
        );
        assert_eq!(
            access.user(&asha, adam).await.unwrap().status,
            app::model::users::MemberStatus::Active
        );
    }

    #[tokio::test]
    async fn two_administrators_deactivating_each_other_at_once_leave_one_working() {
        let h = harness().await;
        let access = AccessService::for_harness(&h);
        let asha = h.signed_in("asha@example.com").await;
        let asha = access
            .authorize(Some(&asha), Permission::ManageUsers)
            .await
            .unwrap();
        let (adam_id, adam) =
            added_member(&h, &access, &asha, "adam@example.com", "administrator").await;
        let asha_id = crate::store::memberships::find(&h.store, asha.user.id, asha.account.id)
            .await
            .unwrap()
            .unwrap()
            .id;
        let (one, two) = tokio::join!(
            access.deactivate_user(&asha, adam_id, None),
            access.deactivate_user(&adam, asha_id, None),
        );
        assert!(
            one.is_ok() != two.is_ok(),
            "exactly one succeeds: {one:?} {two:?}"
        );
        let refused = if one.is_err() { one } else { two };
        assert!(
            matches!(refused, Err(AccessError::Refused(_))),
            "{refused:?}"
        );
        assert_eq!(
            memberships::count_active_administrators(&h.store, asha.account.id)
                .await
                .unwrap(),
            1
        );
    }
}

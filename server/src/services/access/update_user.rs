use app::i18n::Msg;
use app::model::{AccountId, FieldErrors, MembershipId, Permission, UserForm};

use super::{AccessError, AccessService};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{memberships, users},
};

/// Refuses a change to a shared user's personal details: they are the user's own, changed on
/// their profile. A field left empty or unchanged is no change.
fn personal_details_untouched(
    form: &UserForm,
    u: &crate::store::UserRow,
) -> Result<(), AccessError> {
    let mut errors = FieldErrors::new();
    let changed = |typed: &str, kept: &str| {
        let typed = typed.split_whitespace().collect::<Vec<_>>().join(" ");
        !typed.is_empty() && typed != kept
    };
    let message = Msg::new("err-user-changes-own-details");
    if changed(&form.name, &u.name) {
        errors.add("name", message.clone());
    }
    if !form.mobile.trim().is_empty()
        && app::model::text::mobile(&form.mobile).ok().as_deref() != Some(u.mobile.as_str())
    {
        errors.add("mobile", message.clone());
    }
    if changed(&form.designation, &u.designation) {
        errors.add("designation", message);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AccessError::Invalid(errors))
    }
}

impl AccessService {
    /// Changes a user's role, group access and employee ID in the caller's account, and their
    /// personal details while the account is the only one they belong to. The caller cannot
    /// change their own role, nor anyone whose role can do more than theirs; the account
    /// keeps a working Administrator.
    pub async fn update_user(
        &self,
        caller: &Caller,
        membership_id: i32,
        form: &UserForm,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        caller.require(Permission::ManageUsers)?;
        let (m, u) = self.member(caller, membership_id).await?;
        let custom = self.custom_role_ids(caller).await?;
        let shared = self.is_shared(&u, caller.account.id).await?;
        let (membership, details) = if shared {
            let membership = form
                .validate_membership(caller.kind, &custom)
                .map_err(AccessError::Invalid)?;
            personal_details_untouched(form, &u)?;
            (membership, None)
        } else {
            let valid = form
                .validate(caller.kind, true, &custom)
                .map_err(AccessError::Invalid)?;
            let membership = app::model::users::ValidMembership {
                employee_id: valid.employee_id.clone(),
                role: valid.role,
                group_access: valid.group_access,
            };
            (membership, Some(valid))
        };
        let changes_role = membership.role != *m.role;
        if u.id == caller.user.id && changes_role {
            return Err(AccessError::Invalid(FieldErrors::single(
                "role",
                Msg::new("err-you-cannot-change-own-role"),
            )));
        }
        // Keeping a user's role is no grant; giving one is, and needs its permissions.
        let role_label = if changes_role {
            self.giveable(caller, membership.role).await?
        } else {
            self.role_label(caller.account.id, *m.role).await?
        };
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let before = self.guard_member_change(&tx, caller, &m).await?;
        if let Some(valid) = &details {
            users::update_details(
                &tx,
                u.id,
                users::Details {
                    name: &valid.name,
                    mobile: &valid.mobile,
                    designation: &valid.designation,
                },
            )
            .await?;
        }
        memberships::update_access(
            &tx,
            AccountId(caller.account.id),
            MembershipId(m.id),
            membership.role,
            membership.group_access,
        )
        .await?;
        memberships::set_employee_id(
            &tx,
            AccountId(caller.account.id),
            MembershipId(m.id),
            &membership.employee_id,
        )
        .await?;
        self.keeps_an_administrator(&tx, &before).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "users",
                action: "user_updated",
                summary: format!(
                    "Updated {}: role {}, {}",
                    u.email,
                    role_label,
                    membership.group_access.label()
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
    use app::model::{Permission, UserForm};

    use super::*;
    use crate::services::{access::added_member, identity::test_support::harness};

    fn form(role: &str) -> UserForm {
        UserForm {
            name: "Added Member".into(),
            mobile: "+91 98450 00002".into(),
            role: role.into(),
            group_access: "all".into(),
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn a_manager_cannot_change_a_member_whose_role_can_do_more_than_theirs() {
        let h = harness().await;
        let access = AccessService::for_harness(&h);
        let asha = h.signed_in("asha@example.com").await;
        let asha = access
            .authorize(Some(&asha), Permission::ManageUsers)
            .await
            .unwrap();
        let (adam, _) = added_member(&h, &access, &asha, "adam@example.com", "administrator").await;
        let (_, mona) = added_member(&h, &access, &asha, "mona@example.com", "manager").await;
        let (sam, _) = added_member(&h, &access, &asha, "sam@example.com", "standard_user").await;

        // The attack: a Manager demotes an Administrator (or rewrites their details).
        let demoted = access
            .update_user(&mona, adam, &form("basic_user"), None)
            .await;
        assert!(
            matches!(&demoted, Err(AccessError::Refused(m)) if m.to_string().contains("can do things yours cannot")),
            "{demoted:?}"
        );
        let mut renamed = form("administrator");
        renamed.name = "Someone Else".into();
        assert!(matches!(
            access.update_user(&mona, adam, &renamed, None).await,
            Err(AccessError::Refused(_))
        ));
        let still = access.user(&asha, adam).await.unwrap();
        assert_eq!(
            still.role,
            app::model::roles::AssignedRole::BuiltIn(app::model::Role::Administrator),
            "nothing changed"
        );
        assert_eq!(still.name, "Added Member");
        assert!(
            !access.user(&mona, adam).await.unwrap().can_manage,
            "the edit page tells the Manager before they try"
        );

        // Members within the Manager's reach stay theirs to manage.
        access
            .update_user(&mona, sam, &form("basic_user"), None)
            .await
            .unwrap();
        assert_eq!(
            access.user(&asha, sam).await.unwrap().role,
            app::model::roles::AssignedRole::BuiltIn(app::model::Role::BasicUser)
        );
        assert!(access.user(&mona, sam).await.unwrap().can_manage);
    }

    #[tokio::test]
    async fn an_administrator_cannot_demote_the_last_other_active_administrator() {
        let h = harness().await;
        let access = AccessService::for_harness(&h);
        let asha = h.signed_in("asha@example.com").await;
        let asha = access
            .authorize(Some(&asha), Permission::ManageUsers)
            .await
            .unwrap();
        let (adam_id, adam) =
            added_member(&h, &access, &asha, "adam@example.com", "administrator").await;
        let asha_id = access
            .users_page(&asha, &Default::default())
            .await
            .unwrap()
            .users
            .iter()
            .find(|u| u.is_you)
            .unwrap()
            .id;
        // Asha makes Adam a Manager; Adam, acting on what he loaded before, demotes Asha.
        access
            .update_user(&asha, adam_id, &form("manager"), None)
            .await
            .unwrap();
        let stale = access
            .update_user(&adam, asha_id, &form("basic_user"), None)
            .await;
        assert!(matches!(stale, Err(AccessError::Refused(_))), "{stale:?}");
        assert_eq!(
            access.user(&asha, asha_id).await.unwrap().role,
            app::model::roles::AssignedRole::BuiltIn(app::model::Role::Administrator),
            "the account keeps its Administrator"
        );
    }

    #[tokio::test]
    async fn another_account_cannot_rewrite_a_shared_users_personal_details() {
        use crate::{ports::Clock, store::users};
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
        // Asha belongs to Ravi's account too (as after accepting an invitation).
        let shared = memberships::insert(
            &h.store,
            asha.id,
            ravi.account.id,
            app::model::roles::AssignedRole::BuiltIn(app::model::Role::StandardUser),
            app::model::users::GroupAccess::All,
            h.clock.now(),
        )
        .await
        .unwrap();

        let mut rewrite = form("standard_user");
        rewrite.name = "Renamed By Ravi".into();
        rewrite.mobile = "+1 555 0100 999".into();
        rewrite.designation = "Intern".into();
        let refused = access.update_user(&ravi, shared.id, &rewrite, None).await;
        let Err(AccessError::Invalid(errors)) = refused else {
            panic!("expected field errors, got {refused:?}")
        };
        for field in ["name", "mobile", "designation"] {
            assert!(
                errors
                    .get(field)
                    .is_some_and(|m| m.to_string().contains("only they can change")),
                "{field}: {errors:?}"
            );
        }
        let kept = users::find(&h.store, asha.id).await.unwrap().unwrap();
        assert_eq!(kept.name, "Asha Rao");
        assert_eq!(kept.mobile, "+919845012345");
        assert_eq!(kept.designation, "");

        // What is the account's own stays its to change: role, group access, employee ID.
        let mut own = UserForm {
            role: "basic_user".into(),
            group_access: "specific".into(),
            employee_id: "R-7".into(),
            ..Default::default()
        };
        access
            .update_user(&ravi, shared.id, &own, None)
            .await
            .unwrap();
        let seen = access.user(&ravi, shared.id).await.unwrap();
        assert_eq!(
            seen.role,
            app::model::roles::AssignedRole::BuiltIn(app::model::Role::BasicUser)
        );
        assert_eq!(seen.employee_id, "R-7");
        assert!(seen.shared);
        let mine = memberships::find(
            &h.store,
            asha.id,
            asha_account(&h, asha.id, ravi.account.id).await,
        )
        .await
        .unwrap()
        .unwrap();
        assert_eq!(
            mine.employee_id, "",
            "her own account's employee ID is untouched"
        );
        // Her unchanged details may come back with the form.
        own.name = "Asha Rao".into();
        own.mobile = "+91 98450 12345".into();
        access
            .update_user(&ravi, shared.id, &own, None)
            .await
            .unwrap();
    }

    /// The account of `user_id` other than `not`.
    async fn asha_account(
        h: &crate::services::identity::test_support::Harness,
        user_id: i32,
        not: i32,
    ) -> i32 {
        memberships::for_user(&h.store, user_id)
            .await
            .unwrap()
            .iter()
            .find(|m| m.account_id != not)
            .unwrap()
            .account_id
    }
}

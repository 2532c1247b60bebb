//! A group's users: everyone who can use it, and adding or removing members (the only users
//! of a restricted group, and the groups of users limited to specific ones).

use app::i18n::Msg;
use app::model::Permission;
use app::model::{
    AccountId, FieldErrors, GroupId, MembershipId,
    group_members::{GroupDetail, GroupUser, can_use},
    users::GroupAccess,
};

use super::{AccessError, AccessService};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{
        GroupRow, StoreError, domains, group_domains, group_logos, group_members, memberships,
        users,
    },
};

impl AccessService {
    pub(super) async fn group_of(
        &self,
        caller: &Caller,
        group_id: i32,
    ) -> Result<GroupRow, AccessError> {
        group_members::group_of_account(&self.store, caller.account.id, group_id)
            .await?
            .ok_or(AccessError::NotFound)
    }

    pub async fn group_detail(
        &self,
        caller: &Caller,
        group_id: i32,
    ) -> Result<GroupDetail, AccessError> {
        caller.require(Permission::ManageGroups)?;
        let group = self.group_of(caller, group_id).await?;
        let members =
            group_members::of_group(&self.store, AccountId(caller.account.id), GroupId(group.id))
                .await?;
        let account = group_members::memberships_of_account(&self.store, caller.account.id)
            .await?
            .into_iter()
            .filter(|m| m.status != memberships::DEACTIVATED)
            .collect::<Vec<_>>();
        let ids: Vec<i32> = account.iter().map(|m| m.user_id).collect();
        let found = users::find_many(&self.store, &ids).await?;
        let labels = self.role_labels(caller.account.id).await?;
        let mut users_of_group = Vec::new();
        let mut addable = Vec::new();
        for m in &account {
            let Some(u) = found.iter().find(|u| u.id == m.user_id) else {
                continue;
            };
            let member = members.contains(&m.id);
            if can_use(
                group.restricted,
                *m.group_access == GroupAccess::All,
                member,
            ) {
                users_of_group.push(GroupUser {
                    id: m.id,
                    name: u.name.clone(),
                    email: u.email.clone(),
                    role_label: labels
                        .get(&*m.role)
                        .cloned()
                        .unwrap_or(app::model::role_name::RoleName::Removed),
                    member,
                });
            }
            if !member {
                addable.push((m.id, format!("{} <{}>", u.name, u.email)));
            }
        }
        let group_domains =
            group_domains::of_group(&self.store, AccountId(caller.account.id), GroupId(group.id))
                .await?;
        let addable_domains = domains::for_account(&self.store, caller.account.id)
            .await?
            .into_iter()
            .map(|d| d.name)
            .filter(|d| !group_domains.contains(d))
            .collect();
        let chosen = crate::store::group_organizations::of_group(
            &self.store,
            AccountId(caller.account.id),
            GroupId(group.id),
        )
        .await?;
        let (organizations, addable_organizations) =
            crate::store::organizations::names(&self.store, AccountId(caller.account.id))
                .await?
                .into_iter()
                .partition(|(id, _)| chosen.contains(id));
        let logo = group_logos::versions(&self.store, AccountId(caller.account.id), &[group.id])
            .await?
            .first()
            .map(|(_, at)| *at);
        Ok(GroupDetail {
            group: super::groups::view(group, group_domains, logo),
            users: users_of_group,
            addable,
            addable_domains,
            organizations,
            addable_organizations,
        })
    }

    pub async fn add_group_member(
        &self,
        caller: &Caller,
        group_id: i32,
        membership_id: i32,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        caller.require(Permission::ManageGroups)?;
        let group = self.group_of(caller, group_id).await?;
        let (m, u) = self.member(caller, membership_id).await?;
        let tx = self.store.begin().await?;
        match group_members::add(
            &tx,
            AccountId(caller.account.id),
            GroupId(group.id),
            MembershipId(m.id),
        )
        .await
        {
            Ok(()) => {}
            Err(StoreError::Duplicate) => {
                return Err(AccessError::Invalid(FieldErrors::single(
                    "membership_id",
                    Msg::new("err-user-group-already"),
                )));
            }
            Err(e) => return Err(e.into()),
        }
        self.audit_group(
            &tx,
            caller,
            ip,
            "group_member_added",
            format!("Added {} to the group {}", u.email, group.name),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn remove_group_member(
        &self,
        caller: &Caller,
        group_id: i32,
        membership_id: i32,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        caller.require(Permission::ManageGroups)?;
        let group = self.group_of(caller, group_id).await?;
        let (m, u) = self.member(caller, membership_id).await?;
        let tx = self.store.begin().await?;
        if !group_members::remove(
            &tx,
            AccountId(caller.account.id),
            GroupId(group.id),
            MembershipId(m.id),
        )
        .await?
        {
            return Err(AccessError::NotFound);
        }
        self.audit_group(
            &tx,
            caller,
            ip,
            "group_member_removed",
            format!("Removed {} from the group {}", u.email, group.name),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn audit_group(
        &self,
        tx: &crate::store::Tx,
        caller: &Caller,
        ip: Option<String>,
        action: &'static str,
        summary: String,
    ) -> Result<(), AccessError> {
        audit::record(
            tx,
            self.clock.now(),
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "groups",
                action,
                summary,
            },
        )
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use app::model::{Permission, UserForm, groups::GroupForm};

    use super::*;
    use crate::services::identity::test_support::harness;

    fn user(email: &str, access: &str) -> UserForm {
        UserForm {
            name: "Meera Iyer".into(),
            email: email.into(),
            mobile: "+91 98450 00001".into(),
            role: "standard_user".into(),
            group_access: access.into(),
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn a_group_is_used_by_all_group_users_unless_restricted_and_always_by_its_members() {
        let h = harness().await;
        let token = h.signed_in("asha@example.com").await;
        let access = AccessService::for_harness(&h);
        let admin = access
            .authorize(Some(&token), Permission::ManageGroups)
            .await
            .unwrap();
        let group = access.groups_page(&admin).await.unwrap().groups[0].clone();
        let specific = access
            .add_user(&admin, &user("meera@example.com", "specific"), None)
            .await
            .unwrap()
            .member_id()
            .unwrap();
        let emails = |d: &GroupDetail| d.users.iter().map(|u| u.email.clone()).collect::<Vec<_>>();

        let d = access.group_detail(&admin, group.id).await.unwrap();
        assert_eq!(
            emails(&d),
            vec!["asha@example.com"],
            "a specific-groups user is not in it"
        );
        assert_eq!(d.addable.len(), 2);

        access
            .add_group_member(&admin, group.id, specific, None)
            .await
            .unwrap();
        let d = access.group_detail(&admin, group.id).await.unwrap();
        assert_eq!(emails(&d), vec!["asha@example.com", "meera@example.com"]);
        assert!(d.users[1].member);
        let again = access
            .add_group_member(&admin, group.id, specific, None)
            .await;
        assert!(matches!(again, Err(AccessError::Invalid(e)) if e.get("membership_id").is_some()));

        // Restricted: only its members.
        let mut form = group.form();
        form.restricted = true;
        access
            .update_group(&admin, group.id, &GroupForm { ..form }, None)
            .await
            .unwrap();
        let d = access.group_detail(&admin, group.id).await.unwrap();
        assert!(d.group.restricted);
        assert_eq!(emails(&d), vec!["meera@example.com"]);

        access
            .remove_group_member(&admin, group.id, specific, None)
            .await
            .unwrap();
        assert!(
            access
                .group_detail(&admin, group.id)
                .await
                .unwrap()
                .users
                .is_empty()
        );
        let audit = crate::store::audit::all(&h.store).await.unwrap();
        assert_eq!(audit.last().unwrap().action, "group_member_removed");
    }

    #[tokio::test]
    async fn another_accounts_group_and_users_are_not_found() {
        let h = harness().await;
        let asha = h.signed_in("asha@example.com").await;
        let ravi = h.signed_in("ravi@other.example").await;
        let access = AccessService::for_harness(&h);
        let asha = access
            .authorize(Some(&asha), Permission::ManageGroups)
            .await
            .unwrap();
        let ravi = access
            .authorize(Some(&ravi), Permission::ManageGroups)
            .await
            .unwrap();
        let ashas_group = access.groups_page(&asha).await.unwrap().groups[0].id;
        let ravis_group = access.groups_page(&ravi).await.unwrap().groups[0].id;
        let ashas_user = access
            .add_user(&asha, &user("meera@example.com", "all"), None)
            .await
            .unwrap()
            .member_id()
            .unwrap();
        assert!(matches!(
            access.group_detail(&ravi, ashas_group).await,
            Err(AccessError::NotFound)
        ));
        assert!(matches!(
            access
                .add_group_member(&ravi, ashas_group, ashas_user, None)
                .await,
            Err(AccessError::NotFound)
        ));
        assert!(matches!(
            access
                .add_group_member(&ravi, ravis_group, ashas_user, None)
                .await,
            Err(AccessError::NotFound)
        ));
        assert!(
            access
                .group_detail(&ravi, ravis_group)
                .await
                .unwrap()
                .users
                .iter()
                .all(|u| u.email != "meera@example.com")
        );
    }
}

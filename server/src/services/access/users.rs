//! Reading the users of the caller's account; the changes are one file each.

use app::i18n::Msg;
use std::collections::HashMap;

use app::model::{
    AccountId, MembershipId, Permission,
    roles::AssignedRole,
    users::{InvitationSummary, MemberStatus, USERS_PAGE_SIZE, UserSummary, UsersPage, UsersQuery},
};

use super::{AccessError, AccessService};
use crate::{
    services::identity::Caller,
    store::{MembershipRow, UserRow, invitations, memberships, users},
};

/// `labels`: role names by stored role (built-in and the account's custom roles); `grants`:
/// what each stored role may do.
pub(super) fn summary(
    caller: &Caller,
    m: &MembershipRow,
    u: &UserRow,
    labels: &HashMap<AssignedRole, app::model::role_name::RoleName>,
    grants: &HashMap<AssignedRole, Vec<Permission>>,
    shared: bool,
) -> UserSummary {
    UserSummary {
        id: m.id,
        name: u.name.clone(),
        email: u.email.clone(),
        mobile: u.mobile.clone(),
        designation: u.designation.clone(),
        employee_id: m.employee_id.clone(),
        role: *m.role,
        role_label: labels
            .get(&*m.role)
            .cloned()
            .unwrap_or(app::model::role_name::RoleName::Removed),
        group_access: *m.group_access,
        status: if m.status == memberships::DEACTIVATED {
            MemberStatus::Deactivated
        } else if u.status == app::model::user_status::UserStatus::Active {
            MemberStatus::Active
        } else {
            MemberStatus::PendingActivation
        },
        is_you: u.id == caller.user.id,
        can_manage: grants
            .get(&*m.role)
            .is_none_or(|theirs| theirs.iter().all(|p| caller.can(*p))),
        shared,
    }
}

impl AccessService {
    /// Whether the user also belongs to an account other than `account_id` (their personal
    /// details are then theirs alone to change).
    pub(super) async fn is_shared(
        &self,
        u: &UserRow,
        account_id: i32,
    ) -> Result<bool, AccessError> {
        Ok(memberships::for_user(&self.store, u.id)
            .await?
            .iter()
            .any(|m| m.account_id != account_id))
    }

    /// The account's unanswered invitations whose address contains `search`: the address and
    /// the role offered, nothing of the invited user's own details.
    async fn invitations(
        &self,
        caller: &Caller,
        search: &str,
        labels: &HashMap<AssignedRole, app::model::role_name::RoleName>,
    ) -> Result<Vec<InvitationSummary>, AccessError> {
        let open = invitations::open_for_account(&self.store, caller.account.id).await?;
        let ids: Vec<i32> = open.iter().map(|i| i.user_id).collect();
        let invited = users::find_many(&self.store, &ids).await?;
        let search = search.to_lowercase();
        let now = self.clock.now();
        Ok(open
            .iter()
            .filter_map(|i| {
                let email = &invited.iter().find(|u| u.id == i.user_id)?.email;
                email.contains(&search).then(|| InvitationSummary {
                    email: email.clone(),
                    role_label: labels
                        .get(&*i.role)
                        .cloned()
                        .unwrap_or(app::model::role_name::RoleName::Removed),
                    invited_on: app::model::Day::from(i.created_at),
                    expired: i.expires_at <= now,
                })
            })
            .collect())
    }

    /// A membership of the caller's account with its user; `NotFound` for any other
    /// account's, so ids reveal nothing.
    pub(super) async fn member(
        &self,
        caller: &Caller,
        membership_id: i32,
    ) -> Result<(MembershipRow, UserRow), AccessError> {
        let m = memberships::find_in_account(
            &self.store,
            AccountId(caller.account.id),
            MembershipId(membership_id),
        )
        .await?
        .ok_or(AccessError::NotFound)?;
        let u = users::find(&self.store, m.user_id)
            .await?
            .ok_or(AccessError::NotFound)?;
        Ok((m, u))
    }

    pub async fn user(
        &self,
        caller: &Caller,
        membership_id: i32,
    ) -> Result<UserSummary, AccessError> {
        caller.require(Permission::ManageUsers)?;
        let (m, u) = self.member(caller, membership_id).await?;
        let labels = self.role_labels(caller.account.id).await?;
        let grants = self.role_grants(caller.account.id).await?;
        let shared = self.is_shared(&u, caller.account.id).await?;
        Ok(summary(caller, &m, &u, &labels, &grants, shared))
    }

    /// One page of the account's users, newest first, optionally searched by name or e-mail.
    pub async fn users_page(
        &self,
        caller: &Caller,
        query: &UsersQuery,
    ) -> Result<UsersPage, AccessError> {
        caller.require(Permission::ManageUsers)?;
        let search = query.search.trim();
        if search.chars().count() > 254 {
            return Err(AccessError::Invalid(app::model::FieldErrors::single(
                "search",
                Msg::new("err-enter-most-254-characters"),
            )));
        }
        let page = app::model::field_errors::page_number(query.page)
            .map_err(|m| AccessError::Invalid(app::model::FieldErrors::single("page", m)))?;
        let (rows, total) = memberships::page_for_account(
            &self.store,
            caller.account.id,
            (!search.is_empty()).then_some(search),
            (page - 1) * USERS_PAGE_SIZE,
            USERS_PAGE_SIZE,
        )
        .await?;
        let ids: Vec<i32> = rows.iter().map(|m| m.user_id).collect();
        let found = users::find_many(&self.store, &ids).await?;
        let labels = self.role_labels(caller.account.id).await?;
        let grants = self.role_grants(caller.account.id).await?;
        let mut users = Vec::new();
        for m in &rows {
            if let Some(u) = found.iter().find(|u| u.id == m.user_id) {
                let shared = self.is_shared(u, caller.account.id).await?;
                users.push(summary(caller, m, u, &labels, &grants, shared));
            }
        }
        let invitations = self.invitations(caller, search, &labels).await?;
        Ok(UsersPage {
            users,
            invitations,
            page,
            total,
            roles: self.role_options(caller).await?,
        })
    }
}

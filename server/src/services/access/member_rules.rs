//! Who may change whom: a member whose role can do something the caller cannot is out of
//! the caller's reach, and an account always keeps one working Administrator. Checked again
//! inside the changing transaction, under the account's lock, so concurrent changes cannot
//! both pass.

use app::i18n::Msg;
use std::collections::HashMap;

use app::model::{
    AccountId, MembershipId, Permission, Role,
    roles::{AssignedRole, load_permissions},
};

use super::{AccessError, AccessService};
use crate::{
    services::identity::Caller,
    store::{Db, MembershipRow, Tx, custom_roles, memberships},
};

/// What a role grants in the account; a custom role that is gone grants nothing.
pub(super) async fn role_permissions(
    db: &impl Db,
    account_id: i32,
    role: AssignedRole,
) -> Result<Vec<Permission>, AccessError> {
    Ok(match role {
        AssignedRole::BuiltIn(role) => role.permissions().to_vec(),
        AssignedRole::Custom(id) => custom_roles::find(db, account_id, id)
            .await?
            .map(|c| load_permissions(&c.permissions))
            .unwrap_or_default(),
    })
}

fn out_of_reach() -> AccessError {
    AccessError::Refused(Msg::new("err-user-s-role-can-do"))
}

fn caller_changed() -> AccessError {
    AccessError::Refused(Msg::new("err-own-role-status-account-changed"))
}

fn last_administrator() -> AccessError {
    AccessError::Refused(Msg::new("err-account-s-last-active-administrator"))
}

/// Whether a member is one of the account's working Administrators.
fn is_active_administrator(m: &MembershipRow) -> bool {
    m.status == memberships::ACTIVE && *m.role == memberships::ADMINISTRATOR
}

impl AccessService {
    /// What each role of the account grants (built-in and custom), for lists that say
    /// whom the caller may change.
    pub(super) async fn role_grants(
        &self,
        account_id: i32,
    ) -> Result<HashMap<AssignedRole, Vec<Permission>>, AccessError> {
        let mut grants: HashMap<AssignedRole, Vec<Permission>> = Role::ALL
            .into_iter()
            .map(|r| (AssignedRole::BuiltIn(r), r.permissions().to_vec()))
            .collect();
        for row in custom_roles::of_account(&self.store, account_id).await? {
            grants.insert(
                AssignedRole::Custom(row.id),
                load_permissions(&row.permissions),
            );
        }
        Ok(grants)
    }

    /// Refuses a change to `m` by the caller, inside the changing transaction and under the
    /// account's lock: the caller must still hold `ManageUsers` there and every permission of
    /// the member's role as it is now.
    pub(super) async fn guard_member_change(
        &self,
        tx: &Tx,
        caller: &Caller,
        m: &MembershipRow,
    ) -> Result<MembershipRow, AccessError> {
        memberships::lock_account(tx, caller.account.id).await?;
        let mine = memberships::find(tx, caller.user.id, caller.account.id)
            .await?
            .filter(|c| c.status == memberships::ACTIVE)
            .ok_or_else(caller_changed)?;
        let allowed = role_permissions(tx, caller.account.id, *mine.role).await?;
        if !allowed.contains(&Permission::ManageUsers) {
            return Err(caller_changed());
        }
        let target =
            memberships::find_in_account(tx, AccountId(caller.account.id), MembershipId(m.id))
                .await?
                .ok_or(AccessError::NotFound)?;
        let theirs = role_permissions(tx, caller.account.id, *target.role).await?;
        if !theirs.iter().all(|p| allowed.contains(p)) {
            return Err(out_of_reach());
        }
        Ok(target)
    }

    /// After a change to `before` in `tx`, refuses it if it left the account without a working
    /// Administrator. Only a change that took an Administrator away needs the count.
    pub(super) async fn keeps_an_administrator(
        &self,
        tx: &Tx,
        before: &MembershipRow,
    ) -> Result<(), AccessError> {
        if !is_active_administrator(before) {
            return Ok(());
        }
        let after =
            memberships::find_in_account(tx, AccountId(before.account_id), MembershipId(before.id))
                .await?;
        if after.as_ref().is_some_and(is_active_administrator) {
            return Ok(());
        }
        if memberships::count_active_administrators(tx, before.account_id).await? == 0 {
            return Err(last_administrator());
        }
        Ok(())
    }
}

//! Partners and their sub-accounts (ID-11, FIN-4): a partner's Administrator or Manager opens
//! sub-accounts and suspends or reactivates them, sets price lists for them, and sees their
//! orders with its margin. Every entry point checks the caller's permission and that the
//! caller's account is a partner; a sub-account, a sibling or another partner's sub-account is
//! "not found" through the partner's id in every query.

mod act_for;
mod create;
mod page;
mod price_lists;
mod status;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use app::i18n::Msg;
use app::model::{AccountKind, FieldErrors, Permission, Role, group_members::can_use};

use crate::{
    ports::Clock,
    services::{
        identity::{Caller, IdentityError, IdentityService},
        notifications::MailWaker,
    },
    store::{AccountRow, Store, StoreError, group_members, groups, memberships},
};

pub struct PartnerService {
    store: Store,
    clock: Arc<dyn Clock>,
    identity: Arc<IdentityService>,
    /// Woken when mail is queued (a new sub-account's activation).
    mail: MailWaker,
}

#[derive(Debug, thiserror::Error)]
pub enum PartnerError {
    #[error("the role lacks {0:?}")]
    Forbidden(Permission),
    /// Another partner's sub-account or list, or none at all: the same answer for both.
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    /// A valid request the rules refuse, with the reason to show.
    #[error("{0}")]
    Refused(Msg),
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<crate::services::identity::Forbidden> for PartnerError {
    fn from(f: crate::services::identity::Forbidden) -> Self {
        Self::Forbidden(f.0)
    }
}

impl PartnerService {
    pub fn new(
        store: Store,
        clock: Arc<dyn Clock>,
        identity: Arc<IdentityService>,
        mail: MailWaker,
    ) -> Self {
        Self {
            store,
            clock,
            identity,
            mail,
        }
    }
}

/// Refuses a caller whose account is not a partner: only partners have sub-accounts (a
/// sub-account is an Enterprise account, so it never acts on its parent or a sibling here).
fn require_partner(caller: &Caller) -> Result<(), PartnerError> {
    if caller.kind == AccountKind::Partner && caller.account.parent_account_id.is_none() {
        Ok(())
    } else {
        Err(PartnerError::Refused(Msg::new(
            "err-only-partners-sub-accounts",
        )))
    }
}

impl PartnerService {
    /// The partner's sub-accounts the caller looks after: all of them, or for a Sub Account
    /// User those of the groups they work in.
    async fn reachable(&self, caller: &Caller) -> Result<Vec<AccountRow>, PartnerError> {
        let all = crate::store::sub_accounts::of_partner(&self.store, caller.account.id).await?;
        if caller.role != Role::SubAccountUser {
            return Ok(all);
        }
        let groups = self.groups_worked_in(caller).await?;
        let default_group = groups::for_account(&self.store, caller.account.id)
            .await?
            .into_iter()
            .find(|g| g.is_default)
            .map(|g| g.id);
        Ok(all
            .into_iter()
            .filter(|a| {
                a.parent_group_id
                    .or(default_group)
                    .is_some_and(|g| groups.contains(&g))
            })
            .collect())
    }

    /// One sub-account the caller looks after; any other account is "not found".
    async fn reachable_one(&self, caller: &Caller, id: i32) -> Result<AccountRow, PartnerError> {
        self.reachable(caller)
            .await?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or(PartnerError::NotFound)
    }

    /// The ids of the partner's groups the caller works in.
    async fn groups_worked_in(&self, caller: &Caller) -> Result<Vec<i32>, PartnerError> {
        let membership = memberships::find(&self.store, caller.user.id, caller.account.id)
            .await?
            .ok_or(PartnerError::NotFound)?;
        let all = *membership.group_access == app::model::users::GroupAccess::All;
        let mut out = Vec::new();
        for g in groups::for_account(&self.store, caller.account.id).await? {
            let member = group_members::of_group(
                &self.store,
                app::model::AccountId(g.account_id),
                app::model::GroupId(g.id),
            )
            .await?
            .contains(&membership.id);
            if can_use(g.restricted, all, member) {
                out.push(g.id);
            }
        }
        Ok(out)
    }
}

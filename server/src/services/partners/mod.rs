//! Partners and their sub-accounts (ID-11, FIN-4): a partner's Administrator or Manager opens
//! sub-accounts and suspends or reactivates them, sets price lists for them, and sees their
//! orders with its margin. Every entry point checks the caller's permission and that the
//! caller's account is a partner; a sub-account, a sibling or another partner's sub-account is
//! "not found" through the partner's id in every query.

mod act_for;
mod create;
mod order_for;
mod orders_report;
mod page;
mod price_lists;
pub(crate) mod reach;
mod status;
#[cfg(test)]
mod tests;

use std::sync::Arc;

pub use orders_report::{ORDERS_REPORT_LIMIT, ORDERS_REPORT_XLSX};

use app::i18n::Msg;
use app::model::{AccountKind, FieldErrors, Permission};

use crate::{
    ports::Clock,
    services::{
        identity::{Caller, IdentityError, IdentityService},
        notifications::MailWaker,
    },
    store::{AccountRow, Store, StoreError},
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
    /// The partner's sub-accounts the caller looks after.
    async fn reachable(&self, caller: &Caller) -> Result<Vec<AccountRow>, PartnerError> {
        Ok(reach::reachable(&self.store, caller).await?)
    }

    /// One sub-account the caller looks after; any other account is "not found".
    async fn reachable_one(&self, caller: &Caller, id: i32) -> Result<AccountRow, PartnerError> {
        self.reachable(caller)
            .await?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or(PartnerError::NotFound)
    }
}

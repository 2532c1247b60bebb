//! The vetting desk (VAL-3, VAL-4): operator users check an organization item by item, send the
//! representative an authentication code, and approve it as OV or EV or refuse it with a reason
//! the customer reads. Every step is audited and kept in the organization's history.

mod case;
mod check;
mod code;
mod decide;
mod document;
mod mails;
mod queue;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use app::i18n::Msg;
use app::model::{FieldErrors, OrganizationId};

pub use code::{CODE_LIFETIME_HOURS, CodeEntered};

use crate::{
    ports::{Clock, Random},
    services::{
        identity::{Caller, OperatorOnly},
        notifications::MailWaker,
        organizations::OrganizationError,
    },
    store::{Store, StoreError, organizations::OrganizationRow, vetting},
};

pub struct VettingService {
    store: Store,
    clock: Arc<dyn Clock>,
    random: Arc<dyn Random>,
    mail: MailWaker,
    /// The public URL without a trailing slash: the base of the code's link.
    link_base: String,
}

#[derive(Debug, thiserror::Error)]
pub enum VettingError {
    #[error("only operator users may do this")]
    OperatorOnly,
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    /// Not possible as the organization stands, with the reason.
    #[error("{0}")]
    Refused(Msg),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<OperatorOnly> for VettingError {
    fn from(_: OperatorOnly) -> Self {
        Self::OperatorOnly
    }
}

impl From<OrganizationError> for VettingError {
    fn from(e: OrganizationError) -> Self {
        match e {
            OrganizationError::NotFound | OrganizationError::Forbidden(_) => Self::NotFound,
            OrganizationError::Invalid(errors) => Self::Invalid(errors),
            OrganizationError::Refused(why) => Self::Refused(why),
            OrganizationError::Store(e) => Self::Store(e),
            OrganizationError::Export(e) => Self::Store(StoreError::Inconsistent(e)),
        }
    }
}

impl VettingService {
    pub fn new(
        store: Store,
        clock: Arc<dyn Clock>,
        random: Arc<dyn Random>,
        mail: MailWaker,
        link_base: String,
    ) -> Self {
        Self {
            store,
            clock,
            random,
            mail,
            link_base,
        }
    }

    #[cfg(test)]
    pub(crate) fn for_harness(h: &crate::services::identity::test_support::Harness) -> Self {
        Self::new(
            h.store.clone(),
            h.clock.clone(),
            Arc::new(crate::adapters::random::OsRandom),
            MailWaker::default(),
            "http://portal.test".into(),
        )
    }

    /// The organization, for an operator user.
    async fn case_row(
        &self,
        caller: &Caller,
        id: OrganizationId,
    ) -> Result<OrganizationRow, VettingError> {
        caller.require_operator()?;
        vetting::organization(&self.store, id)
            .await?
            .ok_or(VettingError::NotFound)
    }
}

fn invalid(field: &str, message: Msg) -> VettingError {
    VettingError::Invalid(FieldErrors::single(field, message))
}

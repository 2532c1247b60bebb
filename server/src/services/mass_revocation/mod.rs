//! Mass revocation (issue 24 §6; TLS BR 4.9.1.1 and ballot SC-089): operator users find
//! certificates across every account (issuing CA, serial range, public key, name, profile,
//! product, ACME profile, dates, state) and revoke a selection with one reason in one action.
//!
//! The action records a batch (one item per certificate) and marks every certificate for
//! early renewal, so ACME clients that ask for renewal information renew at once; a runner
//! (`jobs::mass_revocation`, woken by the action, and on a tick so a restart resumes) then
//! revokes each certificate through the CA's own revocation (`Authority::revoke`: the
//! "revoked" OCSP answer at once, the certificate's CRL shard signed again), audits each in
//! the subscriber's account, and when the batch is done mails each subscriber once, listing
//! their certificates.

mod batch;
mod key_index;
mod mails;
mod run;
mod search;
mod start;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use app::i18n::Msg;
use app::model::FieldErrors;
use tokio::sync::Notify;

use crate::{
    ca::Authority,
    ports::{Clock, Random},
    services::{identity::OperatorOnly, notifications::MailWaker},
    store::{Store, StoreError},
};

pub struct MassRevocationService {
    store: Store,
    clock: Arc<dyn Clock>,
    random: Arc<dyn Random>,
    authority: Arc<Authority>,
    mail: MailWaker,
    /// Wakes the runner once a new batch has committed.
    runner: Arc<Notify>,
}

#[derive(Debug, thiserror::Error)]
pub enum MassRevocationError {
    #[error("only operator users may do this")]
    OperatorOnly,
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    /// Not possible as things stand, with the reason.
    #[error("{0}")]
    Refused(Msg),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<OperatorOnly> for MassRevocationError {
    fn from(_: OperatorOnly) -> Self {
        Self::OperatorOnly
    }
}

impl MassRevocationService {
    pub fn new(
        store: Store,
        clock: Arc<dyn Clock>,
        random: Arc<dyn Random>,
        authority: Arc<Authority>,
        mail: MailWaker,
    ) -> Self {
        Self {
            store,
            clock,
            random,
            authority,
            mail,
            runner: Arc::new(Notify::new()),
        }
    }

    #[cfg(test)]
    pub(crate) fn for_harness(h: &crate::services::identity::test_support::Harness) -> Self {
        Self::new(
            h.store.clone(),
            h.clock.clone(),
            Arc::new(crate::adapters::random::OsRandom),
            Arc::new(crate::ca::test_support::authority_at(
                h.store.clone(),
                crate::ca::test_support::SECRET,
                h.clock.clone(),
            )),
            MailWaker::default(),
        )
    }

    /// What the runner waits on between its ticks.
    pub fn runner_waker(&self) -> Arc<Notify> {
        self.runner.clone()
    }
}

fn invalid(field: &str, message: Msg) -> MassRevocationError {
    MassRevocationError::Invalid(FieldErrors::single(field, message))
}

//! The EV workflow of an order (EV Guidelines 11.8 to 11.10). Placing an EV order names its
//! contract signer and certificate approver; once the order is paid, the requester, the signer
//! and the approver each get a one-use link that expires: the requester confirms the request,
//! the signer accepts the subscriber agreement (its version and text are kept with the
//! acceptance), the approver approves or rejects with a reason. The certificate issues only
//! when all three said yes; every answer is in the audit log with its time and address.

mod answer;
mod approvals;
mod links;
#[cfg(test)]
mod tests;

use app::model::{
    AccountId,
    ev::{EvAnswer, EvStepView},
};

use super::{OrderError, OrderService};
use crate::store::{Db, OrderRow, ev_steps};

/// How long an EV link works, in days.
pub const EV_LINK_DAYS: i64 = 30;

/// Where an EV order's workflow stands for issuance.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum EvGate {
    /// Consent, agreement and approval are all there.
    Ready,
    /// Someone has not answered yet.
    Waiting,
    /// Someone said no: why, for the order's log.
    Rejected(String),
}

/// The steps as pages show them.
pub(super) fn views(rows: &[ev_steps::EvStepRow]) -> Vec<EvStepView> {
    rows.iter()
        .map(|r| EvStepView {
            id: r.id,
            step: *r.step,
            name: r.name.clone(),
            email: r.email.clone(),
            answer: r.answer.map(|a| *a),
            answered_at: r.answered_at.map(Into::into),
            reason: r.reason.clone(),
            agreement_version: r.agreement_version,
        })
        .collect()
}

impl OrderService {
    /// Where `order`'s EV workflow stands. An EV order without its steps (it could not have
    /// been placed so) waits: nothing issues without the three answers.
    pub(super) async fn ev_gate(&self, order: &OrderRow) -> Result<EvGate, OrderError> {
        let rows = ev_steps::of_order(&self.store, AccountId(order.account_id), order.id).await?;
        if let Some(no) = rows
            .iter()
            .find(|r| r.answer.map(|a| *a) == Some(EvAnswer::Rejected))
        {
            return Ok(EvGate::Rejected(format!(
                "{} <{}> rejected the EV request ({}): {}",
                no.name,
                no.email,
                no.step.as_str().replace('_', " "),
                no.reason
            )));
        }
        let approved = rows
            .iter()
            .filter(|r| r.answer.map(|a| *a) == Some(EvAnswer::Approved))
            .count();
        Ok(if rows.len() == 3 && approved == 3 {
            EvGate::Ready
        } else {
            EvGate::Waiting
        })
    }

    /// The order's EV steps for its pages; empty for other orders.
    pub(super) async fn ev_steps_of(
        &self,
        db: &impl Db,
        order: &OrderRow,
    ) -> Result<Vec<EvStepView>, OrderError> {
        let rows = ev_steps::of_order(db, AccountId(order.account_id), order.id).await?;
        Ok(views(&rows))
    }
}

//! The operator's finance queue at `/operator/payments`: bank transfers and withdrawals
//! waiting for a decision, oldest first, and a transfer's proof.

use std::collections::HashMap;

use app::model::{
    Moment,
    payments::{PaymentId, PaymentsQueue, QueuedPayment, QueuedWithdrawal, WithdrawalId},
};

use super::{PaymentError, PaymentService};
use crate::{
    services::identity::Caller,
    store::{accounts, payments},
};

/// A proof of payment to send to the operator's browser.
#[derive(Debug, Clone)]
pub struct ProofFile {
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

impl PaymentService {
    pub async fn payments_queue(&self, operator: &Caller) -> Result<PaymentsQueue, PaymentError> {
        operator.require_operator()?;
        let pending = payments::pending_offline_any_account(&self.store).await?;
        let held = payments::held_withdrawals_any_account(&self.store).await?;
        let mut names: HashMap<i32, String> = HashMap::new();
        for account in pending
            .iter()
            .map(|p| p.account_id)
            .chain(held.iter().map(|w| w.account_id))
        {
            if let std::collections::hash_map::Entry::Vacant(e) = names.entry(account) {
                let name = accounts::find(&self.store, account)
                    .await?
                    .map(|a| a.name)
                    .unwrap_or_default();
                e.insert(name);
            }
        }
        let name = |id: i32| names.get(&id).cloned().unwrap_or_default();
        Ok(PaymentsQueue {
            payments: pending
                .iter()
                .map(|p| QueuedPayment {
                    id: PaymentId(p.id),
                    account_name: name(p.account_id),
                    currency: *p.currency,
                    amount_minor: p.amount_minor,
                    paid_on: p
                        .paid_on
                        .as_deref()
                        .and_then(app::model::payments::parse_day),
                    reference: p.reference.clone().unwrap_or_default(),
                    proof: p
                        .proof_file_name
                        .clone()
                        .map(|n| (n, format!("/operator/payments/{}/proof", p.id))),
                    created: Moment::from(p.created_at),
                })
                .collect(),
            withdrawals: held
                .iter()
                .map(|w| QueuedWithdrawal {
                    id: WithdrawalId(w.id),
                    account_name: name(w.account_id),
                    currency: *w.currency,
                    amount_minor: w.amount_minor,
                    bank: w.bank_text.clone(),
                    created: Moment::from(w.created_at),
                })
                .collect(),
        })
    }

    /// A bank transfer's proof, for the operator.
    pub async fn payment_proof(
        &self,
        operator: &Caller,
        id: PaymentId,
    ) -> Result<ProofFile, PaymentError> {
        operator.require_operator()?;
        let p = payments::find_any_account(&self.store, id.0)
            .await?
            .ok_or(PaymentError::NotFound)?;
        match (p.proof_file_name, p.proof_content_type, p.proof_bytes) {
            (Some(file_name), Some(content_type), Some(bytes)) => Ok(ProofFile {
                file_name,
                content_type,
                bytes,
            }),
            _ => Err(PaymentError::NotFound),
        }
    }
}

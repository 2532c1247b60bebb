//! Crediting a payment: the one place money comes in. The payment leaves `pending` by a
//! conditional UPDATE in the same transaction as its ledger transaction, so a webhook, a
//! recheck, a replay and the operator's approval together credit it once.

use app::model::{Money, payments::PaymentStatus};
use chrono::{DateTime, Utc};

use super::{PaymentError, PaymentService, mails};
use crate::{
    domain::ledger::Kind,
    ports::payment_gateway::RemoteState,
    services::{
        audit::{self, AuditEntry},
        billing::{AccountMovement, post_account_movement},
        notifications,
    },
    store::{Tx, payments, payments::PaymentRow, users},
};

impl PaymentService {
    /// Credits `payment` with `received` unless it left `pending` before; `true` when this call
    /// credited it. Queues the customer's mail; the caller commits and wakes the mailer.
    pub(super) async fn credit(
        &self,
        tx: &Tx,
        payment: &PaymentRow,
        received: Money,
        decided_by: Option<i32>,
        now: DateTime<Utc>,
    ) -> Result<bool, PaymentError> {
        if !payments::settle_if_pending(
            tx,
            payment.id,
            PaymentStatus::Credited,
            None,
            decided_by,
            now,
        )
        .await?
        {
            return Ok(false);
        }
        let memo = format!(
            "Payment {} ({})",
            payment.id,
            payment
                .reference
                .clone()
                .or_else(|| payment.provider_payment_id.clone())
                .unwrap_or_else(|| payment.provider.as_str().to_owned())
        );
        let transaction = post_account_movement(
            tx,
            AccountMovement {
                account_id: payment.account_id,
                amount: received,
                kind: Kind::Payment,
                memo: &memo,
                actor_user_id: decided_by,
                at: now,
                portal: &self.link_base,
            },
        )
        .await?;
        if let Some(id) = transaction {
            payments::set_ledger_transaction(tx, payment.id, id).await?;
        }
        if let Some(user) = users::find(tx, payment.created_by_user_id).await? {
            let mail = mails::payment_credited(
                user.mail_lang(),
                &user.email,
                &user.name,
                received,
                payment.id,
            );
            notifications::queue(tx, &mail, now).await?;
        }
        audit::record(
            tx,
            now,
            AuditEntry {
                account_id: Some(payment.account_id),
                user_id: decided_by,
                ip: None,
                module: "billing",
                action: "payment_credited",
                summary: format!(
                    "Payment {} credited: {} ({})",
                    payment.id,
                    app::model::billing::format_money(received.minor, received.currency.as_str()),
                    payment.provider.as_str()
                ),
            },
        )
        .await?;
        Ok(true)
    }

    /// Applies what the provider says of an online payment, in one transaction; answers its
    /// state afterwards.
    pub(super) async fn apply_remote(
        &self,
        payment: &PaymentRow,
        state: RemoteState,
    ) -> Result<PaymentStatus, PaymentError> {
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        match state {
            RemoteState::Open => return Ok(*payment.status),
            RemoteState::Paid(received) if received.currency == *payment.currency => {
                self.credit(&tx, payment, received, None, now).await?;
            }
            // Paid in another currency than asked, failed or expired: never credited.
            RemoteState::Paid(_) | RemoteState::Failed => {
                payments::settle_if_pending(
                    &tx,
                    payment.id,
                    PaymentStatus::Failed,
                    None,
                    None,
                    now,
                )
                .await?;
            }
        }
        let after = payments::find(&tx, payment.account_id, payment.id)
            .await?
            .map_or(*payment.status, |p| *p.status);
        tx.commit().await?;
        self.mail.wake();
        Ok(after)
    }
}

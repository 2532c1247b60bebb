//! The operator's decision on a bank transfer: approve (credited through the ledger) or reject
//! with a reason; the customer is mailed either way.

use app::i18n::Msg;
use app::model::{
    FieldErrors, Money,
    payments::{Decision, PaymentId, PaymentProvider, PaymentStatus, reason as checked_reason},
};

use super::{PaymentError, PaymentService, mails};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
        notifications,
    },
    store::{payments, users},
};

impl PaymentService {
    pub async fn decide_payment(
        &self,
        operator: &Caller,
        id: PaymentId,
        decision: Decision,
        reason: &str,
        ip: Option<String>,
    ) -> Result<(), PaymentError> {
        operator.require_operator()?;
        let payment = payments::find_any_account(&self.store, id.0)
            .await?
            .filter(|p| *p.provider == PaymentProvider::Offline)
            .ok_or(PaymentError::NotFound)?;
        let already = || PaymentError::Refused(Msg::new("err-payment-already-decided"));
        if *payment.status != PaymentStatus::Pending {
            return Err(already());
        }
        let amount = Money::new(payment.amount_minor, *payment.currency);
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        match decision {
            Decision::Approve => {
                if !self
                    .credit(&tx, &payment, amount, Some(operator.user.id), now)
                    .await?
                {
                    return Err(already());
                }
            }
            Decision::Reject => {
                let reason = checked_reason(reason)
                    .map_err(|m| PaymentError::Invalid(FieldErrors::single("reason", m)))?;
                if !payments::settle_if_pending(
                    &tx,
                    payment.id,
                    PaymentStatus::Rejected,
                    Some(&reason),
                    Some(operator.user.id),
                    now,
                )
                .await?
                {
                    return Err(already());
                }
                if let Some(user) = users::find(&tx, payment.created_by_user_id).await? {
                    let mail = mails::payment_rejected(
                        user.mail_lang(),
                        &user.email,
                        &user.name,
                        amount,
                        payment.id,
                        &reason,
                    );
                    notifications::queue(&tx, &mail, now).await?;
                }
                audit::record(
                    &tx,
                    now,
                    AuditEntry {
                        account_id: Some(payment.account_id),
                        user_id: Some(operator.user.id),
                        ip,
                        module: "billing",
                        action: "offline_payment_rejected",
                        summary: format!("Bank transfer {} rejected: {reason}", payment.id),
                    },
                )
                .await?;
            }
        }
        tx.commit().await?;
        self.mail.wake();
        Ok(())
    }
}

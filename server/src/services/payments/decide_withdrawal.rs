//! The operator's decision on a withdrawal: paid out (the held amount leaves for the
//! operator's side) or rejected with a reason (the held amount goes back to the balance); the
//! customer is mailed either way.

use app::i18n::Msg;
use app::model::{
    FieldErrors, Money,
    payments::{Decision, WithdrawalId, WithdrawalStatus, reason as checked_reason},
};

use super::{PaymentError, PaymentService, mails};
use crate::{
    domain::ledger::Kind,
    services::{
        audit::{self, AuditEntry},
        billing::{AccountMovement, post_account_movement},
        identity::Caller,
        notifications,
    },
    store::{payments, users},
};

impl PaymentService {
    pub async fn decide_withdrawal(
        &self,
        operator: &Caller,
        id: WithdrawalId,
        decision: Decision,
        reason: &str,
        ip: Option<String>,
    ) -> Result<(), PaymentError> {
        operator.require_operator()?;
        let withdrawal = payments::find_withdrawal_any_account(&self.store, id.0)
            .await?
            .ok_or(PaymentError::NotFound)?;
        let already = || PaymentError::Refused(Msg::new("err-withdrawal-already-decided"));
        if *withdrawal.status != WithdrawalStatus::Held {
            return Err(already());
        }
        let reason = match decision {
            Decision::Approve => None,
            Decision::Reject => Some(
                checked_reason(reason)
                    .map_err(|m| PaymentError::Invalid(FieldErrors::single("reason", m)))?,
            ),
        };
        let (status, kind, action) = match decision {
            Decision::Approve => (
                WithdrawalStatus::Paid,
                Kind::WithdrawalPaid,
                "withdrawal_paid",
            ),
            Decision::Reject => (
                WithdrawalStatus::Released,
                Kind::WithdrawalRelease,
                "withdrawal_rejected",
            ),
        };
        let amount = Money::new(withdrawal.amount_minor, *withdrawal.currency);
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        if !payments::settle_withdrawal_if_held(
            &tx,
            withdrawal.id,
            status,
            reason.as_deref(),
            operator.user.id,
            now,
        )
        .await?
        {
            return Err(already());
        }
        post_account_movement(
            &tx,
            AccountMovement {
                account_id: withdrawal.account_id,
                amount,
                kind,
                memo: &format!("Withdrawal {}", withdrawal.id),
                actor_user_id: Some(operator.user.id),
                at: now,
                portal: &self.link_base,
            },
        )
        .await?;
        if let Some(user) = users::find(&tx, withdrawal.requested_by_user_id).await? {
            let (lang, to, name) = (user.mail_lang(), &user.email, &user.name);
            let mail = match &reason {
                None => mails::withdrawal_paid(lang, to, name, amount, withdrawal.id),
                Some(r) => mails::withdrawal_rejected(lang, to, name, amount, withdrawal.id, r),
            };
            notifications::queue(&tx, &mail, now).await?;
        }
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(withdrawal.account_id),
                user_id: Some(operator.user.id),
                ip,
                module: "billing",
                action,
                summary: format!(
                    "Withdrawal {} of {}: {}",
                    withdrawal.id,
                    app::model::billing::format_money(amount.minor, amount.currency.as_str()),
                    reason.as_deref().unwrap_or("paid out")
                ),
            },
        )
        .await?;
        tx.commit().await?;
        self.mail.wake();
        Ok(())
    }
}

//! A withdrawal request: up to the available balance, to the bank details on file; the amount
//! is held at once (Account → Withdrawal), so it cannot be spent while the operator decides.

use app::i18n::Msg;
use app::model::{
    FieldErrors, Money, Permission,
    payments::{WithdrawalForm, WithdrawalId, amount_in},
};

use super::{PaymentError, PaymentService, bank_details::on_file, checked_token};
use crate::{
    domain::ledger::Kind,
    services::{
        audit::{self, AuditEntry},
        billing::{AccountMovement, post_account_movement},
        identity::Caller,
    },
    store::payments::{self, NewWithdrawal},
};

impl PaymentService {
    pub async fn request_withdrawal(
        &self,
        caller: &Caller,
        form: &WithdrawalForm,
        ip: Option<String>,
    ) -> Result<WithdrawalId, PaymentError> {
        caller.require(Permission::AllocateCredits)?;
        let currency = *caller.account.currency;
        let bank = payments::bank_details(&self.store, caller.account.id)
            .await?
            .as_ref()
            .and_then(on_file)
            .ok_or(PaymentError::Refused(Msg::new(
                "err-withdraw-no-bank-details",
            )))?;
        let amount_minor = amount_in(&form.amount, "", currency)
            .map_err(|m| PaymentError::Invalid(FieldErrors::single("amount", m)))?;
        let token = checked_token(&form.form_token)?;
        let amount = Money::new(amount_minor, currency);
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let (withdrawal, fresh) = payments::insert_withdrawal(
            &tx,
            NewWithdrawal {
                account_id: caller.account.id,
                amount,
                bank_text: bank.text(),
                form_token: token,
                requested_by_user_id: caller.user.id,
                at: now,
            },
        )
        .await?;
        if !fresh {
            // The same form posted again: the first request stands, held once.
            return Ok(WithdrawalId(withdrawal.id));
        }
        // More than the balance: refused, and the dropped transaction leaves no row behind.
        post_account_movement(
            &tx,
            AccountMovement {
                account_id: caller.account.id,
                amount,
                kind: Kind::WithdrawalHold,
                memo: &format!("Withdrawal {}", withdrawal.id),
                actor_user_id: Some(caller.user.id),
                at: now,
                portal: &self.link_base,
            },
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "billing",
                action: "withdrawal_requested",
                summary: format!(
                    "Withdrawal {} of {} requested to {}",
                    withdrawal.id,
                    app::model::billing::format_money(amount_minor, currency.as_str()),
                    bank.text()
                ),
            },
        )
        .await?;
        tx.commit().await?;
        // The hold may have taken the balance below its alert's threshold.
        self.mail.wake();
        Ok(WithdrawalId(withdrawal.id))
    }
}

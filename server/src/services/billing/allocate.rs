//! An administrator moves credits from the account balance to a group that pays from its own
//! balance, or back; remarks say why, and the group's history shows it.

use app::i18n::Msg;
use app::model::{
    FieldErrors, Permission,
    billing::{Allocation, CreditForm, format_money},
    groups::FinanceMode,
};

use super::{BillingError, BillingService, Movement, post};
use crate::{
    domain::ledger::Kind,
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::groups,
};

impl BillingService {
    pub async fn allocate(
        &self,
        caller: &Caller,
        group_id: i32,
        direction: Allocation,
        form: &CreditForm,
        ip: Option<String>,
    ) -> Result<(), BillingError> {
        caller.require(Permission::AllocateCredits)?;
        let account = &caller.account;
        let group = groups::for_account(&self.store, account.id)
            .await?
            .into_iter()
            .find(|g| g.id == group_id)
            .ok_or(BillingError::NotFound)?;
        let valid = form.validate().map_err(BillingError::Invalid)?;
        // De-allocating stays possible after the group went back to the account balance, so
        // what is left can return to the account.
        if direction == Allocation::Allocate && *group.finance_mode != FinanceMode::Group {
            return Err(BillingError::Refused(
                Msg::new("err-group-group-pays-account-balance").arg("group", group.name),
            ));
        }
        let kind = match direction {
            Allocation::Allocate => Kind::Allocate,
            Allocation::Deallocate => Kind::Deallocate,
        };
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let posted = post(
            &tx,
            Movement {
                account_id: account.id,
                currency: *account.currency,
                kind,
                amount_minor: valid.amount_minor,
                paying_group: Some(group.id),
                group_id: Some(group.id),
                order_id: None,
                memo: &valid.remarks,
                actor_user_id: Some(caller.user.id),
                at: now,
                portal: &self.portal,
            },
        )
        .await;
        if let Err(BillingError::InsufficientBalance { balance_minor, .. }) = posted {
            let available = format_money(balance_minor, account.currency.as_str());
            return Err(BillingError::Invalid(FieldErrors::single(
                "amount",
                match direction {
                    Allocation::Allocate => {
                        Msg::new("err-allocate-over-balance").arg("available", available)
                    }
                    Allocation::Deallocate => {
                        Msg::new("err-deallocate-over-balance").arg("available", available)
                    }
                },
            )));
        }
        posted?;
        let amount = format_money(valid.amount_minor, account.currency.as_str());
        let (action, summary) = match direction {
            Allocation::Allocate => (
                "credits_allocated",
                format!(
                    "{amount} allocated to group {}: {}",
                    group.name, valid.remarks
                ),
            ),
            Allocation::Deallocate => (
                "credits_deallocated",
                format!(
                    "{amount} de-allocated from group {}: {}",
                    group.name, valid.remarks
                ),
            ),
        };
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "billing",
                action,
                summary,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

//! The operator grants credits to a customer account (e.g. after an offline payment).

use app::model::billing::{CreditForm, format_money};

use super::{BillingError, BillingService, Movement, post};
use crate::{
    domain::ledger::Kind,
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::accounts,
};

impl BillingService {
    pub async fn grant_credits(
        &self,
        operator: &Caller,
        account_id: i32,
        form: &CreditForm,
        ip: Option<String>,
    ) -> Result<(), BillingError> {
        operator.require_operator()?;
        let account = accounts::find(&self.store, account_id)
            .await?
            .filter(|a| *a.kind != app::model::AccountKind::Operator)
            .ok_or(BillingError::NotFound)?;
        let valid = form.validate().map_err(BillingError::Invalid)?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        post(
            &tx,
            Movement {
                account_id: account.id,
                currency: *account.currency,
                kind: Kind::Grant,
                amount_minor: valid.amount_minor,
                paying_group: None,
                group_id: None,
                order_id: None,
                memo: &valid.remarks,
                actor_user_id: Some(operator.user.id),
                at: now,
                portal: &self.portal,
            },
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(account.id),
                user_id: Some(operator.user.id),
                ip,
                module: "billing",
                action: "credits_granted",
                summary: format!(
                    "{} granted to {}: {}",
                    format_money(valid.amount_minor, account.currency.as_str()),
                    account.name,
                    valid.remarks
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

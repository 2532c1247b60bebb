//! What the operator sees of a customer account's credits before granting more.

use app::model::billing::AccountCredits;

use super::{BillingError, BillingService, statement};
use crate::{
    domain::ledger::Holder,
    services::identity::Caller,
    store::{accounts, ledger},
};

impl BillingService {
    pub async fn account_credits(
        &self,
        operator: &Caller,
        account_id: i32,
        page: Option<u64>,
    ) -> Result<AccountCredits, BillingError> {
        operator.require_operator()?;
        let account = accounts::find(&self.store, account_id)
            .await?
            .filter(|a| *a.kind != app::model::AccountKind::Operator)
            .ok_or(BillingError::NotFound)?;
        Ok(AccountCredits {
            account_id: account.id,
            balance_minor: ledger::balance(&self.store, account.id, Holder::Account).await?,
            statement: statement(
                &self.store,
                account.id,
                account.currency.as_str(),
                None,
                page,
            )
            .await?,
            account_name: account.name,
            currency: account.currency.text(),
        })
    }
}

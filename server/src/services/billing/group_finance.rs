//! A group's finances on its page: its balance, spend limit and history.

use app::model::{Permission, billing::GroupFinance};

use super::{BillingError, BillingService, overview::group_balance, statement};
use crate::{
    domain::ledger::Holder,
    services::identity::Caller,
    store::{groups, ledger},
};

impl BillingService {
    pub async fn group_finance(
        &self,
        caller: &Caller,
        group_id: i32,
        page: Option<u64>,
    ) -> Result<GroupFinance, BillingError> {
        caller.require(Permission::ViewFinance)?;
        let account = &caller.account;
        let group = groups::for_account(&self.store, account.id)
            .await?
            .into_iter()
            .find(|g| g.id == group_id)
            .ok_or(BillingError::NotFound)?;
        Ok(GroupFinance {
            group: group_balance(&self.store, account.id, group).await?,
            currency: account.currency.text(),
            account_balance_minor: ledger::balance(&self.store, account.id, Holder::Account)
                .await?,
            history: statement(
                &self.store,
                account.id,
                account.currency.as_str(),
                Some(group_id),
                page,
            )
            .await?,
        })
    }
}

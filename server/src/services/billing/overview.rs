//! The billing page: the account balance, each group's balance and spending, the statement.

use app::model::{
    Permission,
    billing::{BillingPage, GroupBalance, months_since},
};

use super::{BillingError, BillingService, statement};
use crate::{
    domain::ledger::Holder,
    services::identity::Caller,
    store::{Db, GroupRow, groups, ledger},
};

/// The most monthly invoices the billing page lists.
const INVOICE_MONTHS: usize = 12;

pub(super) async fn group_balance(
    db: &impl Db,
    account_id: i32,
    g: GroupRow,
) -> Result<GroupBalance, BillingError> {
    Ok(GroupBalance {
        group_id: g.id,
        balance_minor: ledger::balance(db, account_id, Holder::Group(g.id)).await?,
        spent_minor: ledger::group_spent(db, account_id, g.id).await?,
        name: g.name,
        finance_mode: *g.finance_mode,
        spend_limit_minor: g.spend_limit_minor,
    })
}

impl BillingService {
    pub async fn billing_page(
        &self,
        caller: &Caller,
        page: Option<u64>,
    ) -> Result<BillingPage, BillingError> {
        caller.require(Permission::ViewFinance)?;
        let account = &caller.account;
        let mut groups_out = Vec::new();
        for g in groups::for_account(&self.store, account.id).await? {
            groups_out.push(group_balance(&self.store, account.id, g).await?);
        }
        Ok(BillingPage {
            currency: account.currency.text(),
            account_balance_minor: ledger::balance(&self.store, account.id, Holder::Account)
                .await?,
            groups: groups_out,
            statement: statement(
                &self.store,
                account.id,
                account.currency.as_str(),
                None,
                page,
            )
            .await?,
            invoice_months: {
                use chrono::Datelike;
                let now = self.clock.now();
                let since = account.created_at;
                months_since(
                    (since.year(), since.month()),
                    (now.year(), now.month()),
                    INVOICE_MONTHS,
                )
            },
        })
    }
}

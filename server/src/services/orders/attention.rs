//! The Overview's "what needs your attention": counts of the orders waiting for the user
//! (approval, payment of a draft, a CSR), the domains to validate, the certificates that end
//! soon and the balances, each scoped to the caller's account and reach.

use app::model::{
    Permission, Role,
    attention::{Attention, BalanceLine, EXPIRING_DAYS},
    billing::format_money,
    domains::DomainStatus,
    groups::FinanceMode,
    order_status::OrderStatus,
};

use super::{OrderError, OrderService};
use crate::{
    domain::ledger::Holder,
    services::identity::Caller,
    store::{groups, ledger, orders},
};

impl OrderService {
    /// What needs the caller's attention. Each count follows the permission of the list it
    /// links to: approvals for approvers, domains for those who manage them, balances for
    /// those who view finance; the orders are those the caller reaches.
    pub async fn attention(&self, caller: &Caller) -> Result<Attention, OrderError> {
        // Self-service: everyone's Overview; each count below checks its own permission.
        let reach = self.reach(caller).await?;
        let now = self.clock.now();
        let search = || orders::Search {
            account_id: caller.account.id,
            reach: reach.clone(),
            ..Default::default()
        };
        let approvals = if caller.can(Permission::ApproveOrders) {
            let s = orders::Search {
                status: Some(OrderStatus::PendingApproval.code()),
                ..search()
            };
            Some(orders::count(&self.store, &s).await?)
        } else {
            None
        };
        let drafts = orders::count(
            &self.store,
            &orders::Search {
                status: Some(OrderStatus::OnHold.code()),
                ..search()
            },
        )
        .await?;
        let awaiting_csr = orders::count(
            &self.store,
            &orders::Search {
                needs_csr: true,
                ..search()
            },
        )
        .await?;
        let expiring = orders::count(
            &self.store,
            &orders::Search {
                expiring: Some((
                    now,
                    now + chrono::Duration::days(i64::from(EXPIRING_DAYS)),
                )),
                ..search()
            },
        )
        .await?;
        let domains_to_validate = if caller.can(Permission::ManageDomains) {
            let page = self.validation.domains_page(caller.account.id, true).await?;
            let pending = page
                .domains
                .iter()
                .filter(|d| d.status != DomainStatus::Verified)
                .count();
            Some(u64::try_from(pending).unwrap_or(u64::MAX))
        } else {
            None
        };
        let balances = if caller.can(Permission::ViewFinance) {
            Some(self.balances(caller).await?)
        } else {
            None
        };
        Ok(Attention {
            approvals,
            awaiting_csr,
            drafts,
            domains_to_validate,
            expiring,
            balances,
        })
    }

    /// The account's balance and those of the groups the caller works in that pay from their
    /// own balance.
    async fn balances(&self, caller: &Caller) -> Result<Vec<BalanceLine>, OrderError> {
        let account_id = caller.account.id;
        let currency = caller.account.currency.as_str();
        let mut out = vec![BalanceLine {
            name: "Account balance".into(),
            balance: format_money(
                ledger::balance(&self.store, account_id, Holder::Account).await?,
                currency,
            ),
            href: "/billing".into(),
        }];
        let all = groups::for_account(&self.store, account_id).await?;
        let seen = if caller.role == Role::Administrator {
            all
        } else {
            self.groups_worked_in(caller, all).await?
        };
        for g in seen
            .into_iter()
            .filter(|g| *g.finance_mode == FinanceMode::Group)
        {
            out.push(BalanceLine {
                balance: format_money(
                    ledger::balance(&self.store, account_id, Holder::Group(g.id)).await?,
                    currency,
                ),
                href: format!("/groups/{}", g.id),
                name: g.name,
            });
        }
        Ok(out)
    }
}

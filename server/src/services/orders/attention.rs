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
                expiring: Some((now, now + chrono::Duration::days(i64::from(EXPIRING_DAYS)))),
                ..search()
            },
        )
        .await?;
        let domains_to_validate = if caller.can(Permission::ManageDomains) {
            let page = self
                .validation
                .domains_page(caller.account.id, true)
                .await?;
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
            account: true,
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
                account: false,
                name: g.name,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use app::model::{
        Role,
        domains::DomainNeed,
        order_status::OrderStatus,
        orders::{OrdersPage, OrdersQuery},
        roles::AssignedRole,
        users::GroupAccess,
    };

    use super::super::test_support::{World, csr_for, token_of, world};
    use crate::{
        ports::Clock,
        services::{catalog::test_support::caller, identity::Caller},
        store::{memberships, orders},
    };

    /// A Standard User who works in the administrator's account.
    async fn standard_user(w: &World) -> Caller {
        let token = w.h.signed_in("ravi@acme.example").await;
        let ravi = caller(&w.h, &token).await;
        memberships::insert(
            &w.h.store,
            ravi.user.id,
            w.admin.account.id,
            AssignedRole::BuiltIn(Role::StandardUser),
            GroupAccess::All,
            w.h.clock.now(),
        )
        .await
        .unwrap();
        w.h.service
            .switch_account(&ravi, w.admin.account.id, None)
            .await
            .unwrap();
        caller(&w.h, &token).await
    }

    /// What the Overview's link for a count lists.
    async fn listed(w: &World, who: &Caller, query: OrdersQuery) -> OrdersPage {
        w.orders.orders_page(who, &query).await.unwrap()
    }

    async fn place(w: &World, name: &str, csr: bool, draft: bool) -> i32 {
        let csr = csr.then(|| csr_for(name).0);
        let mut form = w.form(&w.admin, name, csr).await;
        form.draft = draft;
        w.orders
            .place(&w.admin, &form.to_command())
            .await
            .unwrap()
            .id
    }

    #[tokio::test]
    async fn an_approver_sees_the_orders_waiting_for_approval_and_the_link_lists_exactly_them() {
        let w = world().await;
        w.credit(w.admin.account.id, "100.00").await;
        let ravi = standard_user(&w).await;
        let form = w.form(&ravi, "www.example.org", None).await;
        let placed = w.orders.place(&ravi, &form.to_command()).await.unwrap();
        assert_eq!(placed.status, OrderStatus::PendingApproval);
        place(&w, "other.example.org", true, false).await;

        assert_eq!(
            w.orders.attention(&w.admin).await.unwrap().approvals,
            Some(1)
        );
        let list = listed(
            &w,
            &w.admin,
            OrdersQuery {
                status: "pending_approval".into(),
                ..Default::default()
            },
        )
        .await;
        assert_eq!(list.total, 1);
        assert_eq!(list.orders[0].id, placed.id);
        // Someone who may not approve is not asked to.
        assert_eq!(w.orders.attention(&ravi).await.unwrap().approvals, None);
    }

    #[tokio::test]
    async fn paid_orders_without_a_csr_are_counted_and_the_link_lists_exactly_them() {
        let w = world().await;
        w.credit(w.admin.account.id, "200.00").await;
        let waiting = place(&w, "csr-later.example.com", false, false).await;
        place(&w, "with-csr.example.com", true, false).await;
        place(&w, "draft.example.com", false, true).await;

        let a = w.orders.attention(&w.admin).await.unwrap();
        assert_eq!(
            a.awaiting_csr, 1,
            "the draft is not paid, the other has its CSR"
        );
        let list = listed(
            &w,
            &w.admin,
            OrdersQuery {
                needs: "csr".into(),
                ..Default::default()
            },
        )
        .await;
        assert_eq!(list.total, 1);
        assert_eq!(list.orders[0].id, waiting);
    }

    #[tokio::test]
    async fn drafts_waiting_for_payment_are_counted_and_the_link_lists_exactly_them() {
        let w = world().await;
        w.credit(w.admin.account.id, "200.00").await;
        let draft = place(&w, "draft.example.com", false, true).await;
        place(&w, "paid.example.com", false, false).await;

        assert_eq!(w.orders.attention(&w.admin).await.unwrap().drafts, 1);
        let list = listed(
            &w,
            &w.admin,
            OrdersQuery {
                status: "on_hold".into(),
                ..Default::default()
            },
        )
        .await;
        assert_eq!(list.total, 1);
        assert_eq!(list.orders[0].id, draft);
        w.orders.pay_draft(&w.admin, draft).await.unwrap();
        assert_eq!(w.orders.attention(&w.admin).await.unwrap().drafts, 0);
    }

    #[tokio::test]
    async fn domains_to_validate_are_counted_until_validated_and_the_link_lists_exactly_them() {
        let w = world().await;
        w.credit(w.admin.account.id, "200.00").await;
        let (csr, _dir) = csr_for("shop.example.com");
        let form = w.form(&w.admin, "shop.example.com", Some(csr)).await;
        let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();

        let a = w.orders.attention(&w.admin).await.unwrap();
        assert_eq!(a.domains_to_validate, Some(1));
        let page = w
            .validation
            .domains_page_for(&w.admin, Some(DomainNeed::Validation))
            .await
            .unwrap();
        assert!(page.only_to_validate);
        assert_eq!(page.domains.len(), 1);
        assert_eq!(page.domains[0].name, "shop.example.com");

        w.validate(&token_of(&placed.tracking_url)).await;
        let a = w.orders.attention(&w.admin).await.unwrap();
        assert_eq!(a.domains_to_validate, Some(0));
        let page = w
            .validation
            .domains_page_for(&w.admin, Some(DomainNeed::Validation))
            .await
            .unwrap();
        assert!(page.domains.is_empty());
        // A Standard User does not manage domains: no count for them.
        let ravi = standard_user(&w).await;
        assert_eq!(
            w.orders.attention(&ravi).await.unwrap().domains_to_validate,
            None
        );
    }

    #[tokio::test]
    async fn certificates_expiring_within_30_days_are_counted_and_the_link_lists_exactly_them() {
        let w = world().await;
        w.credit(w.admin.account.id, "200.00").await;
        let (csr, _dir) = csr_for("shop.example.com");
        let form = w.form(&w.admin, "shop.example.com", Some(csr)).await;
        let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
        w.validate(&token_of(&placed.tracking_url)).await;
        assert_eq!(w.orders.attention(&w.admin).await.unwrap().expiring, 0);

        let o = orders::get(&w.h.store, w.admin.account.id, placed.id)
            .await
            .unwrap()
            .unwrap();
        let not_after =
            crate::store::certificates::find_by_id(&w.h.store, o.certificate_id.unwrap())
                .await
                .unwrap()
                .unwrap()
                .not_after;
        w.h.clock.set(not_after - chrono::Duration::days(29));
        assert_eq!(w.orders.attention(&w.admin).await.unwrap().expiring, 1);
        let query = OrdersQuery {
            expiring: "30".into(),
            ..Default::default()
        };
        let list = listed(&w, &w.admin, query.clone()).await;
        assert_eq!(list.total, 1);
        assert_eq!(list.orders[0].id, placed.id);
        // An ended certificate no longer counts.
        w.h.clock.set(not_after + chrono::Duration::days(1));
        assert_eq!(w.orders.attention(&w.admin).await.unwrap().expiring, 0);
        assert_eq!(listed(&w, &w.admin, query).await.total, 0);
    }

    #[tokio::test]
    async fn balances_are_shown_to_those_who_view_finance_only() {
        let w = world().await;
        w.credit(w.admin.account.id, "100.00").await;
        let balances = w
            .orders
            .attention(&w.admin)
            .await
            .unwrap()
            .balances
            .unwrap();
        assert_eq!(balances[0].name, "Account balance");
        assert_eq!(balances[0].balance, "USD 100.00");
        assert_eq!(balances[0].href, "/billing");
        let ravi = standard_user(&w).await;
        assert_eq!(w.orders.attention(&ravi).await.unwrap().balances, None);
    }

    #[tokio::test]
    async fn nothing_needs_the_attention_of_a_new_account() {
        let w = world().await;
        let a = w.orders.attention(&w.admin).await.unwrap();
        assert!(a.items().is_empty(), "{a:?}");
    }
}

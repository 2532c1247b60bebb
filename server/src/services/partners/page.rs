//! The sub-accounts page: the partner's sub-accounts the caller looks after, its price lists,
//! the orders waiting for its approval and the latest orders with the partner's margin.

use std::collections::HashMap;

use app::model::{
    Currency, Moment, Money, Permission, Role,
    sub_accounts::{
        GroupChoice, ParentApprovalRow, PriceListSummary, SubAccountOrderRow, SubAccountSummary,
        SubAccountsPage,
    },
};

use super::{PartnerError, PartnerService, require_partner};
use crate::{
    services::identity::Caller,
    store::{AccountRow, OrderRow, groups, memberships, orders, price_lists, users},
};

/// How many of the sub-accounts' latest orders the page lists.
const LATEST_ORDERS: u64 = 50;

impl PartnerService {
    /// Needs `ManageSubAccounts`; a Sub Account User sees the sub-accounts of their groups.
    pub async fn sub_accounts_page(
        &self,
        caller: &Caller,
    ) -> Result<SubAccountsPage, PartnerError> {
        caller.require(Permission::ManageSubAccounts)?;
        require_partner(caller)?;
        let can_price = caller.can(Permission::ViewFinance);
        let subs = self.reachable(caller).await?;
        let lists = price_lists::of_partner(&self.store, caller.account.id).await?;
        let list_names: HashMap<i32, String> =
            lists.iter().map(|l| (l.id, l.name.clone())).collect();
        let partner_groups = groups::for_account(&self.store, caller.account.id).await?;
        let group_names: HashMap<i32, String> = partner_groups
            .iter()
            .map(|g| (g.id, g.name.clone()))
            .collect();
        let mut sub_accounts = Vec::with_capacity(subs.len());
        for a in &subs {
            sub_accounts.push(SubAccountSummary {
                id: a.id,
                name: a.name.clone(),
                country: a.country.clone(),
                currency: *a.currency,
                status: *a.status,
                price_list: a.price_list_id.and_then(|l| list_names.get(&l).cloned()),
                price_list_id: a.price_list_id,
                group: a.parent_group_id.and_then(|g| group_names.get(&g).cloned()),
                parent_approval: a.parent_approval,
                administrator: self.administrator_of(a.id).await?,
                orders: orders::partner::count_of(&self.store, a.id).await?,
            });
        }
        let price_lists = if can_price {
            let usage = price_lists::usage(&self.store, caller.account.id).await?;
            let mut out = Vec::with_capacity(lists.len());
            for l in &lists {
                out.push(PriceListSummary {
                    id: l.id,
                    name: l.name.clone(),
                    prices: price_lists::price_count(&self.store, l.id).await?,
                    sub_accounts: usage.get(&l.id).copied().unwrap_or(0),
                });
            }
            out
        } else {
            Vec::new()
        };
        let by_id: HashMap<i32, &AccountRow> = subs.iter().map(|a| (a.id, a)).collect();
        let partner_currency = *caller.account.currency;
        let mut waiting = Vec::new();
        for o in orders::partner::waiting(&self.store, caller.account.id).await? {
            let Some(sub) = by_id.get(&o.account_id) else {
                continue;
            };
            waiting.push(ParentApprovalRow {
                order_id: o.id,
                sub_account: sub.name.clone(),
                product: o.product_name.clone(),
                names: orders::names(&self.store, o.id).await?,
                validity_days: o.validity_days,
                requester: format!("{} <{}>", o.requester_name, o.requester_email),
                placed_at: Moment::from(o.created_at),
                sub_account_price: Money::new(o.price_minor, *o.currency),
                partner_price: partner_price(&o, partner_currency),
            });
        }
        let mut latest = Vec::new();
        for o in orders::partner::latest(&self.store, caller.account.id, LATEST_ORDERS).await? {
            if let Some(sub) = by_id.get(&o.account_id) {
                latest.push(order_row(&o, &sub.name, partner_currency));
            }
        }
        Ok(SubAccountsPage {
            can_create: caller.can(Permission::CreateSubAccounts),
            can_price,
            can_approve: caller.can(Permission::ApproveOrders)
                && caller.role != Role::SubAccountUser,
            sub_accounts,
            price_lists,
            groups: partner_groups
                .into_iter()
                .map(|g| GroupChoice {
                    id: g.id,
                    name: g.name,
                })
                .collect(),
            waiting,
            orders: latest,
        })
    }

    /// The sub-account's first administrator's address (who was mailed the activation).
    async fn administrator_of(&self, account_id: i32) -> Result<String, PartnerError> {
        Ok(
            match memberships::first_administrator(&self.store, account_id).await? {
                Some(m) => users::find(&self.store, m.user_id)
                    .await?
                    .map(|u| u.email)
                    .unwrap_or_default(),
                None => String::new(),
            },
        )
    }
}

/// A sub-account's order with both prices and the partner's margin.
pub(super) fn order_row(
    o: &OrderRow,
    sub_account: &str,
    partner_currency: Currency,
) -> SubAccountOrderRow {
    let sub_price = Money::new(o.price_minor, *o.currency);
    let partner = partner_price(o, partner_currency);
    SubAccountOrderRow {
        order_id: o.id,
        sub_account: sub_account.to_owned(),
        product: o.product_name.clone(),
        status: *o.status,
        placed_at: Moment::from(o.created_at),
        sub_account_price: sub_price,
        partner_price: partner,
        margin: (sub_price.currency == partner.currency)
            .then(|| Money::new(sub_price.minor - partner.minor, sub_price.currency)),
    }
}

/// What the partner pays for the order, in the partner's currency.
fn partner_price(o: &OrderRow, currency: Currency) -> Money {
    Money::new(o.partner_price_minor.unwrap_or_default(), currency)
}

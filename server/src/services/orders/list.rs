//! The order list (ORD-6): ten at a time, newest first, searched by date range, domain,
//! status, product and tag; Basic users see the orders they placed.

use app::model::{
    Permission,
    money::Money,
    order_status::OrderStatus,
    orders::{OrderNeed, OrderSummary, OrdersPage, OrdersQuery, ValidOrdersQuery},
};
use chrono::{DateTime, NaiveDate, Utc};

use super::{OrderError, OrderService, view::split};
use crate::{
    services::identity::Caller,
    store::{OrderRow, certificates, orders, users},
};

pub const PER_PAGE: u64 = 10;

fn day_start(date: &str) -> Option<DateTime<Utc>> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

/// The store's search for a checked query, scoped to what the caller may see; `now` is where
/// "expiring within N days" counts from.
pub(super) fn search<'a>(
    caller: &Caller,
    reach: orders::Reach,
    q: &'a ValidOrdersQuery,
    now: DateTime<Utc>,
) -> orders::Search<'a> {
    orders::Search {
        account_id: caller.account.id,
        reach,
        from: q.from.as_deref().and_then(day_start),
        // The end date is inclusive: everything before the next midnight.
        until: q
            .to
            .as_deref()
            .and_then(day_start)
            .map(|t| t + chrono::Duration::days(1)),
        domain: q.domain.as_deref(),
        status: q.status.map(OrderStatus::code),
        product: q.product.as_deref(),
        tag: q.tag.as_deref(),
        needs_csr: q.needs == Some(OrderNeed::Csr),
        expiring: q
            .expiring_days
            .map(|d| (now, now + chrono::Duration::days(i64::from(d)))),
    }
}

impl OrderService {
    pub(super) async fn summaries(
        &self,
        rows: &[OrderRow],
    ) -> Result<Vec<OrderSummary>, OrderError> {
        let ids: Vec<i32> = rows.iter().map(|o| o.id).collect();
        let names = orders::main_names(&self.store, &ids).await?;
        let mut placers: Vec<i32> = rows.iter().map(|o| o.placed_by).collect();
        placers.sort_unstable();
        placers.dedup();
        let people = users::find_many(&self.store, &placers).await?;
        let certificate_ids: Vec<i32> = rows.iter().filter_map(|o| o.certificate_id).collect();
        let certificates = certificates::find_many(&self.store, &certificate_ids).await?;
        let now = self.clock.now();
        Ok(rows
            .iter()
            .map(|o| {
                let (main_name, count) = names
                    .iter()
                    .find(|(id, _, _)| *id == o.id)
                    .map(|(_, n, c)| (n.clone(), *c))
                    .unwrap_or_default();
                OrderSummary {
                    id: o.id,
                    source: *o.source,
                    product: o.product_name.clone(),
                    main_name,
                    names: count,
                    status: *o.status,
                    certificate: o.certificate_id.and_then(|id| {
                        certificates
                            .iter()
                            .find(|c| c.id == id)
                            .map(|c| super::certificate::state_of(c, now))
                    }),
                    price: Money::new(o.price_minor, *o.currency),
                    placed_by: people
                        .iter()
                        .find(|u| u.id == o.placed_by)
                        .map(|u| u.name.clone())
                        .unwrap_or_default(),
                    created_at: app::model::Stamp::from(o.created_at),
                    tags: split(&o.tags),
                }
            })
            .collect())
    }

    pub async fn orders_page(
        &self,
        caller: &Caller,
        query: &OrdersQuery,
    ) -> Result<OrdersPage, OrderError> {
        // Self-service: everyone sees the orders in their reach (their own at least).
        self.orders_page_of(caller, query, PER_PAGE).await
    }

    /// The same search with `per_page` orders a page (the REST API lets clients choose it
    /// within its limits).
    pub async fn orders_page_of(
        &self,
        caller: &Caller,
        query: &OrdersQuery,
        per_page: u64,
    ) -> Result<OrdersPage, OrderError> {
        // Self-service: everyone sees the orders in their reach (their own at least).
        let q = query.validate().map_err(OrderError::Invalid)?;
        let per_page = per_page.max(1);
        let reach = self.reach(caller).await?;
        let (rows, total) = orders::search(
            &self.store,
            &search(caller, reach, &q, self.clock.now()),
            q.page,
            per_page,
        )
        .await?;
        Ok(OrdersPage {
            orders: self.summaries(&rows).await?,
            page: q.page,
            pages: total.div_ceil(per_page).max(1),
            total,
            can_order: caller.can(Permission::RequestCertificates),
        })
    }
}

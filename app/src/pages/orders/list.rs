use leptos::prelude::*;

use crate::{
    api::orders::orders_list,
    components::{
        badge::{Badge, certificate_tone, order_tone},
        list_link,
        portal::Portal,
        query_memo,
        table::Table,
    },
    model::{
        SessionView,
        certificate_status::CertificateState,
        order_status::OrderStatus,
        orders::{OrdersPage, OrdersQuery},
    },
};

#[component]
pub fn OrdersListPage() -> impl IntoView {
    view! { <Portal title="Orders" page=|s: SessionView| view! { <Orders session=s /> } /> }
}

/// The search as the address bar has it (a GET form: bookmarkable, works without script).
fn query_from_url() -> Memo<OrdersQuery> {
    query_memo(|p| OrdersQuery {
        from: p.get("from").unwrap_or_default(),
        to: p.get("to").unwrap_or_default(),
        domain: p.get("domain").unwrap_or_default(),
        status: p.get("status").unwrap_or_default(),
        product: p.get("product").unwrap_or_default(),
        tag: p.get("tag").unwrap_or_default(),
        needs: p.get("needs").unwrap_or_default(),
        expiring: p.get("expiring").unwrap_or_default(),
        page: p.get("page").and_then(|v| v.parse().ok()),
    })
}

fn link(base: &str, query: &OrdersQuery, page: u64) -> String {
    let filters = [
        ("from", query.from.as_str()),
        ("to", query.to.as_str()),
        ("domain", query.domain.as_str()),
        ("status", query.status.as_str()),
        ("product", query.product.as_str()),
        ("tag", query.tag.as_str()),
        ("needs", query.needs.as_str()),
        ("expiring", query.expiring.as_str()),
    ];
    list_link(base, page, &filters)
}

#[component]
fn Orders(session: SessionView) -> impl IntoView {
    let _ = session;
    let query = query_from_url();
    let page = Resource::new_blocking(move || query.get(), orders_list);
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let q = query.get_untracked();
                match page.await {
                    Ok(p) => view! { <Search query=q.clone() errors=None /> <List page=p query=q /> }.into_any(),
                    Err(e) => view! {
                        <Search query=q errors=Some(e.clone()) />
                        <div class="alert alert-error" role="alert">{e.to_string()}</div>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Search(query: OrdersQuery, errors: Option<crate::error::AppError>) -> impl IntoView {
    let error = move |field: &str| errors.as_ref().and_then(|e| e.field(field));
    let (from_error, to_error, status_error) = (error("from"), error("to"), error("status"));
    let selected = query.status.clone();
    let shortcut = match (query.needs.as_str(), query.expiring.as_str()) {
        ("csr", _) => Some("Showing only the orders waiting for their CSR.".to_owned()),
        (_, days) if !days.is_empty() => Some(format!(
            "Showing only the certificates that end within {days} days."
        )),
        _ => None,
    };
    view! {
        {shortcut.map(|text| view! {
            <p class="alert alert-info" role="status" data-testid="orders-shortcut">
                {text}" "<a href="/orders">"Show all orders"</a>
            </p>
        })}
        <div class="page-actions">
            <a class="button" href="/orders/new">"New request"</a>
            <a class="button button-quiet" href="/orders/smime/new">"New S/MIME order"</a>
        </div>
        <form class="filters" method="get" action="/orders" aria-label="Search orders">
            <div class="field">
                <label for="orders-from">"From"</label>
                <input id="orders-from" name="from" type="date" value=query.from.clone() />
                {from_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="orders-to">"To"</label>
                <input id="orders-to" name="to" type="date" value=query.to.clone() />
                {to_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="orders-domain">"Domain"</label>
                <input id="orders-domain" name="domain" type="search" value=query.domain.clone() />
            </div>
            <div class="field">
                <label for="orders-status">"Status"</label>
                <select id="orders-status" name="status">
                    <option value="" selected=selected.is_empty()>"Any status"</option>
                    {OrderStatus::ALL
                        .into_iter()
                        .map(|s| {
                            let is = s.code() == selected;
                            view! { <option value=s.code() selected=is>{s.label()}</option> }
                        })
                        .collect_view()}
                </select>
                {status_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="orders-product">"Product"</label>
                <input id="orders-product" name="product" type="search" value=query.product.clone() />
            </div>
            <div class="field">
                <label for="orders-tag">"Tag"</label>
                <input id="orders-tag" name="tag" type="search" value=query.tag.clone() />
            </div>
            <div class="filters-actions">
                <button type="submit" class="button">"Search"</button>
                <a class="button button-quiet" href="/orders">"Clear"</a>
                <a class="button button-quiet" href=link("/orders/export.xlsx", &query, 1)
                    rel="external" download="">"Export to Excel"</a>
            </div>
        </form>
    }
}

#[component]
fn List(page: OrdersPage, query: OrdersQuery) -> impl IntoView {
    if page.orders.is_empty() {
        return view! { <p class="empty">"No orders match this search."</p> }.into_any();
    }
    let prev = (page.page > 1).then(|| link("/orders", &query, page.page - 1));
    let next = (page.page < page.pages).then(|| link("/orders", &query, page.page + 1));
    view! {
        <Table label="Orders" cards=true columns=&["Order", "Domain", "Product", "Status", "Price", "Placed by", "Placed", "Source"]>
            {page
                .orders
                .into_iter()
                .map(|o| {
                    let more = (o.names > 1).then(|| format!(" +{}", o.names - 1));
                    // The certificate's revocation or expiry outranks "fulfilled".
                    let certificate = o.certificate.filter(|c| *c != CertificateState::Valid);
                    view! {
                        <tr>
                            <td data-label="Order"><a href=format!("/orders/{}", o.id)>{format!("#{}", o.id)}</a></td>
                            <td data-label="Domain">{o.main_name}{more}</td>
                            <td data-label="Product">{o.product}</td>
                            <td data-label="Status">
                                // One box for the badges, so a phone's card keeps them beside
                                // the column's name.
                                <span class="badges">
                                    <Badge tone=order_tone(o.status) text=o.status.label() />
                                    {certificate.map(|c| view! {
                                        " " <Badge tone=certificate_tone(c) text=format!("Certificate {}", c.label().to_lowercase()) test_id="order-certificate-state" />
                                    })}
                                </span>
                            </td>
                            <td data-label="Price">{o.price}</td>
                            <td data-label="Placed by">{o.placed_by}</td>
                            <td data-label="Placed">{o.created_at.get(..10).unwrap_or_default().to_owned()}</td>
                            <td data-label="Source">{o.source.as_str()}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
        <nav class="pager" aria-label="Pages">
            <span>{format!("Page {} of {} · {} orders", page.page, page.pages, page.total)}</span>
            {prev.map(|href| view! { <a class="button button-quiet" href=href>"Previous"</a> })}
            {next.map(|href| view! { <a class="button button-quiet" href=href>"Next"</a> })}
        </nav>
    }
    .into_any()
}

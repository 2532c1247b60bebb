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
    i18n::{t, t_args},
    model::{
        SessionView,
        certificate_status::CertificateState,
        order_status::OrderStatus,
        orders::{OrdersPage, OrdersQuery},
    },
};

#[component]
pub fn OrdersListPage() -> impl IntoView {
    view! { <Portal title="page-orders" page=|s: SessionView| view! { <Orders session=s /> } /> }
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
        <Suspense fallback=|| view! { <p class="loading">{t("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let q = query.get_untracked();
                match page.await {
                    Ok(p) => view! { <Search query=q.clone() errors=None /> <List page=p query=q /> }.into_any(),
                    Err(e) => view! {
                        <Search query=q errors=Some(e.clone()) />
                        <div class="alert alert-error" role="alert">{e.text(crate::i18n::use_lang())}</div>
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
        ("csr", _) => Some(t("orders-only-csr")),
        (_, days) if !days.is_empty() => Some(t_args(
            "orders-only-expiring",
            &[("days", days.to_owned().into())],
        )),
        _ => None,
    };
    view! {
        {shortcut.map(|text| view! {
            <p class="alert alert-info" role="status" data-testid="orders-shortcut">
                {text}" "<a href="/orders">{t("orders-show-all")}</a>
            </p>
        })}
        <div class="page-actions">
            <a class="button" href="/orders/new">{t("orders-new-request")}</a>
            <a class="button button-quiet" href="/orders/smime/new">{t("orders-new-smime")}</a>
        </div>
        <form class="filters" method="get" action="/orders" aria-label=t("orders-search-label")>
            <div class="field">
                <label for="orders-from">{t("common-from")}</label>
                <input id="orders-from" name="from" type="date" value=query.from.clone() />
                {from_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="orders-to">{t("common-to")}</label>
                <input id="orders-to" name="to" type="date" value=query.to.clone() />
                {to_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="orders-domain">{t("orders-domain")}</label>
                <input id="orders-domain" name="domain" type="search" value=query.domain.clone() />
            </div>
            <div class="field">
                <label for="orders-status">{t("orders-status")}</label>
                <select id="orders-status" name="status">
                    <option value="" selected=selected.is_empty()>{t("orders-any-status")}</option>
                    {OrderStatus::ALL
                        .into_iter()
                        .map(|s| {
                            let is = s.code() == selected;
                            view! { <option value=s.code() selected=is>{t(s.key())}</option> }
                        })
                        .collect_view()}
                </select>
                {status_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="orders-product">{t("orders-product")}</label>
                <input id="orders-product" name="product" type="search" value=query.product.clone() />
            </div>
            <div class="field">
                <label for="orders-tag">{t("orders-tag")}</label>
                <input id="orders-tag" name="tag" type="search" value=query.tag.clone() />
            </div>
            <div class="filters-actions">
                <button type="submit" class="button">{t("common-search")}</button>
                <a class="button button-quiet" href="/orders">{t("common-clear")}</a>
                <a class="button button-quiet" href=link("/orders/export.xlsx", &query, 1)
                    rel="external" download="">{t("common-export-excel")}</a>
            </div>
        </form>
    }
}

#[component]
fn List(page: OrdersPage, query: OrdersQuery) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    if page.orders.is_empty() {
        return view! { <p class="empty">{t("orders-none")}</p> }.into_any();
    }
    let prev = (page.page > 1).then(|| link("/orders", &query, page.page - 1));
    let next = (page.page < page.pages).then(|| link("/orders", &query, page.page + 1));
    let [
        order,
        domain,
        product,
        status,
        price,
        placed_by,
        placed,
        source,
    ] = [
        "orders-col-order",
        "orders-col-domain",
        "orders-col-product",
        "orders-col-status",
        "orders-col-price",
        "orders-col-placed-by",
        "orders-col-placed",
        "orders-col-source",
    ]
    .map(t);
    let columns = vec![
        order.clone(),
        domain.clone(),
        product.clone(),
        status.clone(),
        price.clone(),
        placed_by.clone(),
        placed.clone(),
        source.clone(),
    ];
    view! {
        <Table label=t("orders-table") cards=true columns=columns>
            {page
                .orders
                .into_iter()
                .map(|o| {
                    let more = (o.names > 1).then(|| format!(" +{}", o.names - 1));
                    // The certificate's revocation or expiry outranks "fulfilled".
                    let certificate = o.certificate.filter(|c| *c != CertificateState::Valid);
                    view! {
                        <tr>
                            <td data-label=order.clone()><a href=format!("/orders/{}", o.id)>{format!("#{}", o.id)}</a></td>
                            <td data-label=domain.clone()>{o.main_name}{more}</td>
                            <td data-label=product.clone()>{o.product}</td>
                            <td data-label=status.clone()>
                                // One box for the badges, so a phone's card keeps them beside
                                // the column's name.
                                <span class="badges">
                                    <Badge tone=order_tone(o.status) text=t(o.status.key()) />
                                    {certificate.map(|c| view! {
                                        " " <Badge tone=certificate_tone(c) text=t_args("orders-certificate-state", &[("state", t(c.key()).into())]) test_id="order-certificate-state" />
                                    })}
                                </span>
                            </td>
                            <td data-label=price.clone()>{o.price.text(lang)}</td>
                            <td data-label=placed_by.clone()>{o.placed_by}</td>
                            <td data-label=placed.clone()>{o.created_at.day_text(crate::i18n::use_lang())}</td>
                            <td data-label=source.clone()>{o.source.as_str()}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
        <nav class="pager" aria-label=t("common-pages")>
            <span>{t_args("orders-pager", &[
                ("page", page.page.into()),
                ("pages", page.pages.into()),
                ("total", page.total.into()),
            ])}</span>
            {prev.map(|href| view! { <a class="button button-quiet" href=href>{t("common-previous")}</a> })}
            {next.map(|href| view! { <a class="button button-quiet" href=href>{t("common-next")}</a> })}
        </nav>
    }
    .into_any()
}

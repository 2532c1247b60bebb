//! `/billing/price-list`: what the account pays for each product it can order (FIN-4), with a
//! GET filter form (bookmarkable, works without script) and the same list as Excel.

use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::billing::price_list,
    components::{filtered_link, portal::Portal, query_memo, table::Table},
    error::AppError,
    model::{
        Permission,
        money::Currency,
        price_list::{KINDS, PriceListQuery, PriceListRow},
    },
};

#[component]
pub fn PriceListPage() -> impl IntoView {
    view! { <Portal title="page-product-prices" needs=Permission::ViewFinance refusal="refusal-product-prices" page=|_| view! { <PriceListView /> } /> }
}

/// The filters as the address bar has them.
fn query_from_url() -> Memo<PriceListQuery> {
    query_memo(|p| PriceListQuery {
        currency: p.get("currency").unwrap_or_default(),
        kind: p.get("kind").unwrap_or_default(),
        product: p.get("product").unwrap_or_default(),
    })
}

/// The Excel export of what the filters select: the same filters, on the file's route.
fn export_link(query: &PriceListQuery) -> String {
    filtered_link(
        "/billing/price-list.xlsx",
        &[
            ("currency", query.currency.trim()),
            ("kind", query.kind.trim()),
            ("product", query.product.trim()),
        ],
    )
}

#[component]
fn PriceListView() -> impl IntoView {
    let query = query_from_url();
    let rows = Resource::new_blocking(move || query.get(), price_list);
    view! {
        <p class="muted">{t("product-prices-intro")}</p>
        <Suspense fallback=|| view! { <p class="loading">{t("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let q = query.get_untracked();
                match rows.await {
                    Ok(rows) => view! { <Filters query=q errors=None /> <Prices rows /> }.into_any(),
                    Err(e) => {
                        let text = e.text(crate::i18n::use_lang());
                        view! {
                            <Filters query=q errors=Some(e) />
                            <div class="alert alert-error" role="alert">{text}</div>
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Filters(query: PriceListQuery, errors: Option<AppError>) -> impl IntoView {
    let error = move |field: &str| errors.as_ref().and_then(|e| e.field(field));
    let (currency_error, kind_error, product_error) =
        (error("currency"), error("kind"), error("product"));
    let currency = query.currency.trim().to_ascii_uppercase();
    let kind = query.kind.trim().to_owned();
    view! {
        <form class="filters" method="get" action="/billing/price-list" aria-label=t("product-prices-filter-label")>
            <div class="field">
                <label for="product-prices-currency">{t("product-prices-currency")}</label>
                <select id="product-prices-currency" name="currency"
                    aria-invalid=currency_error.is_some().then_some("true")>
                    <option value="" selected=currency.is_empty()>{t("product-prices-all-currencies")}</option>
                    {Currency::ALL
                        .into_iter()
                        .map(|c| view! { <option value=c.as_str() selected=currency == c.as_str()>{c.as_str()}</option> })
                        .collect_view()}
                </select>
                {currency_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="product-prices-kind">{t("product-prices-kind")}</label>
                <select id="product-prices-kind" name="kind"
                    aria-invalid=kind_error.is_some().then_some("true")>
                    <option value="" selected=kind.is_empty()>{t("product-prices-all-kinds")}</option>
                    {KINDS
                        .into_iter()
                        .map(|k| view! { <option value=k.as_str() selected=kind == k.as_str()>{t(k.key())}</option> })
                        .collect_view()}
                </select>
                {kind_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="product-prices-product">{t("product-prices-product")}</label>
                <input id="product-prices-product" name="product" type="search" value=query.product.clone()
                    placeholder=t("product-prices-product-placeholder")
                    aria-invalid=product_error.is_some().then_some("true") />
                {product_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="filters-actions">
                <button type="submit" class="button">{t("product-prices-filter")}</button>
                <a class="button button-quiet" href="/billing/price-list">{t("common-clear")}</a>
                <a class="button button-quiet" href=export_link(&query) rel="external" download="">{t("common-export-excel")}</a>
            </div>
        </form>
    }
}

#[component]
fn Prices(rows: Vec<PriceListRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">{t("product-prices-none")}</p> }.into_any();
    }
    let lang = crate::i18n::use_lang();
    let [product, kind, validity, price, extra, included] = [
        "product-prices-product",
        "product-prices-kind",
        "product-prices-col-validity",
        "product-prices-col-price",
        "product-prices-col-extra-domain",
        "product-prices-col-included",
    ]
    .map(t);
    let columns = vec![
        product.clone(),
        kind.clone(),
        validity.clone(),
        price.clone(),
        extra.clone(),
        included.clone(),
    ];
    // Cards on a phone: each price is a short card of labelled facts, with no sideways
    // scrolling.
    view! {
        <Table label=t("product-prices-table") cards=true columns=columns>
            {rows
                .into_iter()
                .map(|r| {
                    view! {
                        <tr>
                            <td data-label=product.clone()>{r.product}</td>
                            <td data-label=kind.clone()>{t(r.kind.key())}</td>
                            <td data-label=validity.clone()>{t_args("product-prices-days", &[("days", r.validity_days.into())])}</td>
                            <td data-label=price.clone()>{r.base.text(lang)}</td>
                            <td data-label=extra.clone()>{r.per_extra_domain.map_or_else(|| "—".to_owned(), |m| m.text(lang))}</td>
                            <td data-label=included.clone()>{r.included_domains}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
    .into_any()
}

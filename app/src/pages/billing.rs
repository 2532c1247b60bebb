//! `/billing`: balances, monthly invoices and the statement. The pages under it (the price
//! list, …) are in `billing/`.

pub mod add_credits;
pub mod price_list;
pub mod statement;
pub mod withdraw;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::{t, t_args};
use crate::{
    api::billing::billing_overview,
    components::{loaded::Loaded, portal::Portal, statement::StatementTable, table::Table},
    model::{
        Permission,
        billing::{BillingPage as Billing, parse_month},
        groups::FinanceMode,
    },
};

#[component]
pub fn BillingPage() -> impl IntoView {
    view! { <Portal title="page-billing" needs=Permission::ViewFinance refusal="refusal-finance" page=|_| view! { <BillingView /> } /> }
}

#[component]
fn BillingView() -> impl IntoView {
    let query = use_query_map();
    let page =
        Memo::new(move |_| query.with(|q| q.get("page").and_then(|p| p.parse::<u64>().ok())));
    let data = Resource::new_blocking(move || page.get(), billing_overview);
    view! {
        <Loaded resource=data let:b>
            <Overview billing=b />
        </Loaded>
    }
    .into_any()
}

#[component]
fn Overview(billing: Billing) -> impl IntoView {
    let currency = billing.currency.clone();
    let lang = crate::i18n::use_lang();
    let money = move |m: i64| crate::i18n::money(lang, m, &currency);
    view! {
        <section class="card" aria-labelledby="balance-heading">
            <h2 id="balance-heading">{t("billing-balance")}</h2>
            <dl class="facts">
                <dt>{t("billing-account-balance")}</dt>
                <dd data-testid="account-balance">{money(billing.account_balance_minor)}</dd>
                <dt>{t("billing-currency")}</dt>
                <dd>{billing.currency.clone()}</dd>
            </dl>
            <p class="muted">{t("billing-explain")}</p>
        </section>
        <crate::pages::billing_tax::TaxDetailsCard />
        <section class="card" aria-labelledby="group-balances-heading">
            <h2 id="group-balances-heading">{t("billing-group-balances")}</h2>
            <Table label=t("billing-group-balances") columns=vec![t("statement-group"), t("billing-pays-from"), t("billing-balance"), t("billing-spent"), t("billing-spend-limit")]>
                {billing.groups.into_iter().map(|g| {
                    let href = format!("/groups/{}", g.group_id);
                    view! {
                        <tr>
                            <td><a href=href>{g.name}</a></td>
                            <td>{if g.finance_mode == FinanceMode::Group { t("billing-from-group") } else { t("billing-from-account") }}</td>
                            <td>{money(g.balance_minor)}</td>
                            <td>{money(g.spent_minor)}</td>
                            <td>{g.spend_limit_minor.map_or_else(|| t("billing-no-limit"), &money)}</td>
                        </tr>
                    }
                }).collect_view()}
            </Table>
        </section>
        <section class="card" aria-labelledby="product-prices-heading">
            <h2 id="product-prices-heading">{t("page-product-prices")}</h2>
            <p class="muted">{t("product-prices-billing-explain")}</p>
            <p><a href="/billing/price-list">{t("product-prices-billing-link")}</a></p>
        </section>
        <section class="card" aria-labelledby="invoices-heading">
            <h2 id="invoices-heading">{t("billing-monthly-invoices")}</h2>
            <p class="muted">{t("billing-monthly-explain")}</p>
            <ul class="plain-list" aria-label=t("billing-monthly-invoices")>
                {billing.invoice_months.into_iter().map(|m| {
                    let label = t_args("billing-invoice-for", &[("month", month_in_words(&m).into())]);
                    view! { <li><a rel="external" download="" href=format!("/billing/invoice?month={m}")>{label}</a></li> }
                }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="statement-heading">
            <h2 id="statement-heading">{t("billing-statement")}</h2>
            <p><a href="/billing/statement">{t("statement-full-link")}</a></p>
            <StatementTable page=billing.statement label=t("billing-statement") href_base="/billing?page=".to_owned() />
        </section>
    }
}

/// "November 2026" for `2026-11`, the month's name in the page's language.
fn month_in_words(code: &str) -> String {
    const MONTH_KEYS: [&str; 12] = [
        "month-january",
        "month-february",
        "month-march",
        "month-april",
        "month-may",
        "month-june",
        "month-july",
        "month-august",
        "month-september",
        "month-october",
        "month-november",
        "month-december",
    ];
    match parse_month(code) {
        Some((year, month)) => {
            let name = usize::try_from(month)
                .ok()
                .and_then(|m| m.checked_sub(1))
                .and_then(|i| MONTH_KEYS.get(i))
                .map(|key| t(key))
                .unwrap_or_default();
            format!("{name} {year}")
        }
        None => code.to_owned(),
    }
}

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    api::billing::billing_overview,
    components::{loaded::Loaded, portal::Portal, statement::StatementTable, table::Table},
    model::{
        Permission,
        billing::{BillingPage as Billing, format_money, month_label},
        groups::FinanceMode,
    },
};

#[component]
pub fn BillingPage() -> impl IntoView {
    view! { <Portal title="Billing" needs=Permission::ViewFinance refusal="Your role does not allow you to see balances and the statement." page=|_| view! { <BillingView /> } /> }
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
    let money = move |m: i64| format_money(m, &currency);
    view! {
        <section class="card" aria-labelledby="balance-heading">
            <h2 id="balance-heading">"Balance"</h2>
            <dl class="facts">
                <dt>"Account balance"</dt>
                <dd data-testid="account-balance">{money(billing.account_balance_minor)}</dd>
                <dt>"Currency"</dt>
                <dd>{billing.currency.clone()}</dd>
            </dl>
            <p class="muted">"The Rootline operator adds credits to the account; administrators allocate them to groups that pay from their own balance."</p>
        </section>
        <section class="card" aria-labelledby="group-balances-heading">
            <h2 id="group-balances-heading">"Group balances"</h2>
            <Table label="Group balances" columns=&["Group", "Pays from", "Balance", "Spent", "Spend limit"]>
                {billing.groups.into_iter().map(|g| {
                    let href = format!("/groups/{}", g.group_id);
                    view! {
                        <tr>
                            <td><a href=href>{g.name}</a></td>
                            <td>{if g.finance_mode == FinanceMode::Group { "The group balance" } else { "The account balance" }}</td>
                            <td>{money(g.balance_minor)}</td>
                            <td>{money(g.spent_minor)}</td>
                            <td>{g.spend_limit_minor.map_or_else(|| "No limit".to_owned(), &money)}</td>
                        </tr>
                    }
                }).collect_view()}
            </Table>
        </section>
        <section class="card" aria-labelledby="invoices-heading">
            <h2 id="invoices-heading">"Monthly invoices"</h2>
            <p class="muted">"Every order charged in the month, less refunds, as a PDF. Each order's own invoice is on its page."</p>
            <ul class="plain-list" aria-label="Monthly invoices">
                {billing.invoice_months.into_iter().map(|m| {
                    let label = format!("Invoice for {} (PDF)", month_label(&m));
                    view! { <li><a rel="external" download="" href=format!("/billing/invoice?month={m}")>{label}</a></li> }
                }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="statement-heading">
            <h2 id="statement-heading">"Statement"</h2>
            <StatementTable page=billing.statement label="Statement" href_base="/billing?page=".to_owned() />
        </section>
    }
}

//! `/billing/statement`: the ledger statement (FIN-2) with a GET filter form (period, type,
//! group, and for a partner which sub-account), bookmarkable and working without script, the
//! balances at the start and end of the period, and the same lines as Excel.

use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::billing::ledger_statement,
    components::{
        filtered_link, list_link,
        portal::Portal,
        query_memo,
        table::{Pager, Table},
    },
    error::AppError,
    model::{
        Permission,
        statement::{LedgerKind, StatementChoice, StatementQuery, StatementView},
    },
};

#[component]
pub fn StatementPage() -> impl IntoView {
    view! { <Portal title="page-statement" needs=Permission::ViewFinance refusal="refusal-finance" page=|_| view! { <StatementBody /> } /> }
}

/// The filters as the address bar has them.
fn query_from_url() -> Memo<StatementQuery> {
    query_memo(|p| StatementQuery {
        from: p.get("from").unwrap_or_default(),
        to: p.get("to").unwrap_or_default(),
        kind: p.get("kind").unwrap_or_default(),
        group: p.get("group").unwrap_or_default(),
        account: p.get("account").unwrap_or_default(),
        page: p.get("page").unwrap_or_default(),
    })
}

/// The filters that carry over to the export and the other pages (not the page itself).
fn filters(query: &StatementQuery) -> [(&'static str, &str); 5] {
    [
        ("from", query.from.trim()),
        ("to", query.to.trim()),
        ("kind", query.kind.trim()),
        ("group", query.group.trim()),
        ("account", query.account.trim()),
    ]
}

#[component]
fn StatementBody() -> impl IntoView {
    let query = query_from_url();
    let data = Resource::new_blocking(move || query.get(), ledger_statement);
    view! {
        <p class="muted">{t("statement-intro")}</p>
        <Suspense fallback=|| view! { <p class="loading">{t("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let q = query.get_untracked();
                match data.await {
                    Ok(view) => {
                        let (groups, subs) = (view.groups.clone(), view.sub_accounts.clone());
                        view! {
                            <Filters query=q.clone() groups subs errors=None />
                            <Summary view=view.clone() />
                            <Lines view query=q />
                        }
                        .into_any()
                    }
                    Err(e) => {
                        let text = e.text(crate::i18n::use_lang());
                        view! {
                            <Filters query=q groups=Vec::new() subs=Vec::new() errors=Some(e) />
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
fn Filters(
    query: StatementQuery,
    groups: Vec<StatementChoice>,
    subs: Vec<StatementChoice>,
    errors: Option<AppError>,
) -> impl IntoView {
    let error = move |field: &str| errors.as_ref().and_then(|e| e.field(field));
    let [from_error, to_error, kind_error, group_error, account_error] =
        ["from", "to", "kind", "group", "account"].map(error);
    let kind = query.kind.trim().to_owned();
    let group = query.group.trim().to_owned();
    let account = query.account.trim().to_owned();
    let export = filtered_link("/billing/statement.xlsx", &filters(&query));
    // Without the choices (the filters were refused), a sub-account asked for stays asked for.
    let keep_account = subs.is_empty() && !account.is_empty();
    view! {
        <form class="filters" method="get" action="/billing/statement" aria-label=t("statement-filter-label")>
            {(!subs.is_empty()).then(|| view! {
                <div class="field">
                    <label for="statement-account">{t("statement-account")}</label>
                    <select id="statement-account" name="account"
                        aria-invalid=account_error.is_some().then_some("true")>
                        <option value="" selected=account.is_empty()>{t("statement-own-account")}</option>
                        {subs.into_iter().map(|s| {
                            let id = s.id.to_string();
                            let selected = account == id;
                            view! { <option value=id selected=selected>{s.name}</option> }
                        }).collect_view()}
                    </select>
                    {account_error.clone().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
            })}
            <div class="field">
                <label for="statement-from">{t("statement-from")}</label>
                <input id="statement-from" name="from" type="date" value=query.from.clone()
                    aria-invalid=from_error.is_some().then_some("true") />
                {from_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="statement-to">{t("statement-to")}</label>
                <input id="statement-to" name="to" type="date" value=query.to.clone()
                    aria-invalid=to_error.is_some().then_some("true") />
                {to_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="statement-kind">{t("statement-type")}</label>
                <select id="statement-kind" name="kind"
                    aria-invalid=kind_error.is_some().then_some("true")>
                    <option value="" selected=kind.is_empty()>{t("statement-all-types")}</option>
                    {LedgerKind::ALL
                        .into_iter()
                        .map(|k| view! { <option value=k.as_str() selected=kind == k.as_str()>{t(k.key())}</option> })
                        .collect_view()}
                </select>
                {kind_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="statement-group">{t("statement-group")}</label>
                <select id="statement-group" name="group"
                    aria-invalid=group_error.is_some().then_some("true")>
                    <option value="" selected=group.is_empty()>{t("statement-all-groups")}</option>
                    {groups.into_iter().map(|g| {
                        let id = g.id.to_string();
                        let selected = group == id;
                        view! { <option value=id selected=selected>{g.name}</option> }
                    }).collect_view()}
                </select>
                {group_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            {keep_account.then(|| view! {
                <input type="hidden" name="account" value=account.clone() />
            })}
            <div class="filters-actions">
                <button type="submit" class="button">{t("statement-filter")}</button>
                <a class="button button-quiet" href="/billing/statement">{t("common-clear")}</a>
                <a class="button button-quiet" href=export rel="external" download="">{t("common-export-excel")}</a>
            </div>
        </form>
    }
}

#[component]
fn Summary(view: StatementView) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let currency = view.currency.clone();
    let money = move |m: i64| crate::i18n::money(lang, m, &currency);
    let heading = match view.sub_account_id {
        Some(_) => t_args(
            "statement-of-sub-account",
            &[("account", view.account_name.clone().into())],
        ),
        None => t_args(
            "statement-of-account",
            &[("account", view.account_name.clone().into())],
        ),
    };
    view! {
        <section class="card" aria-labelledby="statement-summary-heading">
            <h2 id="statement-summary-heading">{heading}</h2>
            <dl class="facts">
                <dt>{t("statement-opening")}</dt>
                <dd data-testid="statement-opening">{money(view.opening_minor)}</dd>
                <dt>{t("statement-credits")}</dt>
                <dd data-testid="statement-credits">{money(view.credits_minor)}</dd>
                <dt>{t("statement-debits")}</dt>
                <dd data-testid="statement-debits">{money(view.debits_minor)}</dd>
                <dt>{t("statement-closing")}</dt>
                <dd data-testid="statement-closing">{money(view.closing_minor)}</dd>
                <dt>{t("statement-balance-now")}</dt>
                <dd data-testid="statement-balance">{money(view.balance_minor)}</dd>
            </dl>
        </section>
    }
}

#[component]
fn Lines(view: StatementView, query: StatementQuery) -> impl IntoView {
    let page = view.statement;
    if page.lines.is_empty() {
        return view! { <p class="empty">{t("statement-none-match")}</p> }.into_any();
    }
    let lang = crate::i18n::use_lang();
    let currency = page.currency.clone();
    let money = move |m: i64| crate::i18n::money(lang, m, &currency);
    let current = page.page;
    let pages = page.pages();
    let link = |n: u64| list_link("/billing/statement", n, &filters(&query));
    let prev = (current > 1).then(|| link(current - 1));
    let next = (current < pages).then(|| link(current + 1));
    let [
        date,
        kind,
        remarks,
        group,
        credit,
        debit,
        balance,
        group_balance,
        by,
    ] = [
        "statement-date",
        "statement-type",
        "statement-remarks",
        "statement-group",
        "statement-credit",
        "statement-debit",
        "statement-account-balance",
        "statement-group-balance",
        "statement-by",
    ]
    .map(t);
    let columns = vec![
        date.clone(),
        kind.clone(),
        remarks.clone(),
        group.clone(),
        credit.clone(),
        debit.clone(),
        balance.clone(),
        group_balance.clone(),
        by.clone(),
    ];
    let status = t_args(
        "statement-pager",
        &[
            ("page", current.into()),
            ("pages", pages.into()),
            ("total", page.total.into()),
        ],
    );
    // Cards on a phone: each transaction is a short card of labelled facts.
    view! {
        <Table label=t("billing-statement") cards=true columns=columns>
            {page.lines.into_iter().map(|l| {
                // What the transaction did to the account's balance, or to the group's when the
                // group's own balance paid.
                let change = if l.account_change_minor != 0 { l.account_change_minor } else { l.group_change_minor };
                let memo = match l.order_id {
                    Some(order) => view! { {l.memo.clone()} " " <a href=format!("/orders/{order}")>{t_args("statement-order", &[("order", order.into())])}</a> }.into_any(),
                    None => view! { {l.memo.clone()} }.into_any(),
                };
                view! {
                    <tr>
                        <td data-label=date.clone()>{l.at.text(lang)}</td>
                        <td data-label=kind.clone()>{t(l.kind.key())}</td>
                        <td data-label=remarks.clone()>{memo}</td>
                        <td data-label=group.clone()>{l.group_name.clone().unwrap_or_else(|| "—".into())}</td>
                        <td data-label=credit.clone()>{if change > 0 { money(change) } else { "—".into() }}</td>
                        <td data-label=debit.clone()>{if change < 0 { money(change.saturating_neg()) } else { "—".into() }}</td>
                        <td data-label=balance.clone()>{money(l.account_balance_minor)}</td>
                        <td data-label=group_balance.clone()>{l.group_balance_minor.map_or_else(|| "—".into(), &money)}</td>
                        <td data-label=by.clone()>{if l.actor.is_empty() { "—".to_owned() } else { l.actor }}</td>
                    </tr>
                }
            }).collect_view()}
        </Table>
        <Pager prev next status />
    }
    .into_any()
}

use crate::i18n::{t, t_args};
use leptos::prelude::*;

use crate::model::billing::StatementPage;

/// A page of ledger transactions, newest first, each with the balances right after it and
/// what it changed, with links to the newer and older pages.
/// `href_base` is the address the page number is appended to, e.g. `/billing?page=`.
#[component]
pub fn StatementTable(
    page: StatementPage,
    /// The table's accessible name, e.g. "Statement" or "Group history".
    #[prop(into)]
    label: String,
    href_base: String,
    /// Show the group column (the account statement) or not (one group's history).
    #[prop(default = true)]
    show_group: bool,
) -> impl IntoView {
    if page.lines.is_empty() {
        return view! { <p class="empty">{t("statement-empty")}</p> }.into_any();
    }
    let current = page.page;
    let pages = page.pages();
    let prev = (current > 1).then(|| format!("{href_base}{}", current - 1));
    let next = (current < pages).then(|| format!("{href_base}{}", current + 1));
    let currency = page.currency.clone();
    let lang = crate::i18n::use_lang();
    // A balance after the transaction, with what the transaction changed beneath it.
    let balance = move |after: Option<i64>, change: i64| match after {
        None => view! { "—" }.into_any(),
        Some(after) => {
            let change = (change != 0).then(|| {
                let sign = if change > 0 { "+" } else { "−" };
                format!(
                    "{sign}{}",
                    crate::i18n::money(lang, change.saturating_abs(), &currency)
                )
            });
            view! {
                {crate::i18n::money(lang, after, &currency)}
                {change.map(|c| view! { <br /><span class="muted">{c}</span> })}
            }
            .into_any()
        }
    };
    view! {
        <div class="table-wrap" tabindex="0">
            <table class="table" aria-label=label>
                <thead>
                    <tr>
                        <th scope="col">{t("statement-date")}</th>
                        <th scope="col">{t("statement-type")}</th>
                        <th scope="col">{t("statement-remarks")}</th>
                        {show_group.then(|| view! { <th scope="col">{t("statement-group")}</th> })}
                        <th scope="col">{t("statement-account-balance")}</th>
                        <th scope="col">{t("statement-group-balance")}</th>
                        <th scope="col">{t("statement-by")}</th>
                    </tr>
                </thead>
                <tbody>
                    {page
                        .lines
                        .into_iter()
                        .map(|l| {
                            let memo = match l.order_id {
                                Some(order) if !l.memo.contains(&order.to_string()) => {
                                    format!("{} (order {order})", l.memo)
                                }
                                _ => l.memo.clone(),
                            };
                            view! {
                                <tr>
                                    <td>{l.at.text(crate::i18n::use_lang())}</td>
                                    <td>{t(l.kind.key())}</td>
                                    <td>{memo}</td>
                                    {show_group.then(|| view! { <td>{l.group_name.clone().unwrap_or_else(|| "—".into())}</td> })}
                                    <td>{balance(Some(l.account_balance_minor), l.account_change_minor)}</td>
                                    <td>{balance(l.group_balance_minor, l.group_change_minor)}</td>
                                    <td>{if l.actor.is_empty() { "—".to_owned() } else { l.actor }}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label=t("common-pages")>
            {prev.map(|href| view! { <a class="button button-quiet" href=href rel="prev">{t("pager-newer")}</a> })}
            <span class="pager-status">{t_args("statement-pager", &[
                ("page", current.into()),
                ("pages", pages.into()),
                ("total", page.total.into()),
            ])}</span>
            {next.map(|href| view! { <a class="button button-quiet" href=href rel="next">{t("pager-older")}</a> })}
        </nav>
    }
    .into_any()
}

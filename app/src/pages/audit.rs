use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::access::audit_log,
    components::{
        list_link,
        portal::Portal,
        query_memo,
        table::{Pager, Table},
    },
    model::{AuditPage, AuditQuery, Permission},
};

#[component]
pub fn AuditPage() -> impl IntoView {
    view! { <Portal title="page-audit-log" needs=Permission::ViewAuditLog refusal="refusal-audit" page=|_| view! { <AuditLog /> } /> }
}

/// The filters as the address bar has them (a GET form, so a filtered view can be bookmarked
/// and works without script).
fn query_from_url() -> Memo<AuditQuery> {
    query_memo(|p| AuditQuery {
        module: p.get("module").unwrap_or_default(),
        user: p.get("user").unwrap_or_default(),
        from: p.get("from").unwrap_or_default(),
        to: p.get("to").unwrap_or_default(),
        page: p.get("page").and_then(|v| v.parse().ok()),
    })
}

/// The Excel export of what the filters select (all pages).
fn export_link(query: &AuditQuery) -> String {
    link(query, 1).replacen("/audit?", "/audit/export.xlsx?", 1)
}

fn link(query: &AuditQuery, page: u64) -> String {
    let filters = [
        ("module", query.module.as_str()),
        ("user", query.user.as_str()),
        ("from", query.from.as_str()),
        ("to", query.to.as_str()),
    ];
    list_link("/audit", page, &filters)
}

#[component]
fn AuditLog() -> impl IntoView {
    let query = query_from_url();
    let page = Resource::new_blocking(move || query.get(), audit_log);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let q = query.get_untracked();
                match page.await {
                    Ok(p) => view! { <Filters query=q.clone() modules=p.modules.clone() errors=None /> <Entries page=p query=q /> }.into_any(),
                    Err(e) => {
                        let errors = Some(e.clone());
                        view! {
                            <Filters query=q modules=Vec::new() errors=errors />
                            <div class="alert alert-error" role="alert">{e.text(crate::i18n::use_lang())}</div>
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Filters(
    query: AuditQuery,
    modules: Vec<String>,
    errors: Option<crate::error::AppError>,
) -> impl IntoView {
    let error = move |field: &str| errors.as_ref().and_then(|e| e.field(field));
    let (from_error, to_error, user_error, module_error) =
        (error("from"), error("to"), error("user"), error("module"));
    let selected = query.module.clone();
    view! {
        <form class="filters" method="get" action="/audit" aria-label=t("audit-filter-label")>
            <div class="field">
                <label for="audit-module">{t("audit-module")}</label>
                <select id="audit-module" name="module">
                    <option value="" selected=selected.is_empty()>{t("audit-all-modules")}</option>
                    {modules
                        .into_iter()
                        .map(|m| {
                            let is = m == selected;
                            view! { <option value=m.clone() selected=is>{m.clone()}</option> }
                        })
                        .collect_view()}
                </select>
                {module_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="audit-user">{t("audit-user")}</label>
                <input id="audit-user" name="user" type="search" value=query.user.clone()
                    placeholder=t("audit-user-placeholder") />
                {user_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="audit-from">{t("common-from")}</label>
                <input id="audit-from" name="from" type="date" value=query.from.clone()
                    aria-invalid=from_error.is_some().then_some("true") />
                {from_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="audit-to">{t("common-to")}</label>
                <input id="audit-to" name="to" type="date" value=query.to.clone()
                    aria-invalid=to_error.is_some().then_some("true") />
                {to_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="filters-actions">
                <button type="submit" class="button">{t("audit-filter")}</button>
                <a class="button button-quiet" href="/audit">{t("common-clear")}</a>
                <a class="button button-quiet" href=export_link(&query) rel="external" download="">{t("common-export-excel")}</a>
            </div>
        </form>
    }
}

#[component]
fn Entries(page: AuditPage, query: AuditQuery) -> impl IntoView {
    let pages = page.pages();
    let current = page.page;
    let prev = (current > 1).then(|| link(&query, current - 1));
    let next = (current < pages).then(|| link(&query, current + 1));
    if page.entries.is_empty() {
        return view! { <p class="empty">{t("audit-none")}</p> }.into_any();
    }
    view! {
        <Table label=t("audit-table") columns=vec![t("audit-time"), t("audit-module"), t("audit-action"), t("audit-user"), t("audit-ip"), t("audit-summary")]>
            {page
                .entries
                .into_iter()
                .map(|e| {
                    view! {
                        <tr>
                            <td>{e.at}</td>
                            <td>{e.module}</td>
                            <td>{e.action}</td>
                            <td>{e.user.unwrap_or_else(|| "—".into())}</td>
                            <td>{e.ip.unwrap_or_else(|| "—".into())}</td>
                            <td>{e.summary}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
        <Pager prev next status=t_args("audit-pager", &[("page", current.into()), ("pages", pages.into()), ("total", page.total.into())]) />
    }
    .into_any()
}

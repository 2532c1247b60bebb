use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::organizations::organizations_list,
    components::{
        badge::Badge,
        list_link,
        loaded::Loaded,
        portal::Portal,
        query_memo,
        table::{Pager, Table},
    },
    model::{
        Permission,
        organizations::{
            ORGANIZATIONS_NEW_PATH, ORGANIZATIONS_PATH, OrganizationStatus, OrganizationsPage,
            OrganizationsQuery, StatusFilter, organization_page,
        },
    },
};

#[component]
pub fn OrganizationsListPage() -> impl IntoView {
    view! { <Portal title="page-organizations" needs=Permission::RequestCertificates refusal="refusal-organizations" page=|_| view! { <Organizations /> } /> }
}

#[component]
fn Organizations() -> impl IntoView {
    let query = query_memo(|p| OrganizationsQuery {
        search: p.get("search").unwrap_or_default(),
        status: p.get("status").unwrap_or_default(),
        page: p.get("page").and_then(|v| v.parse().ok()),
    });
    let page = Resource::new_blocking(move || query.get(), organizations_list);
    let current = query.get_untracked();
    let export = list_link(
        "/organizations/export.xlsx",
        1,
        &[("search", &current.search), ("status", &current.status)],
    );
    let chosen = current.status.clone();
    view! {
        <div class="toolbar">
            <form class="filters" method="get" action=ORGANIZATIONS_PATH role="search" aria-label=t("organizations-search-label")>
                <div class="field">
                    <label for="organizations-search">{t("common-search")}</label>
                    <input id="organizations-search" name="search" type="search" placeholder=t("organizations-search-placeholder")
                        value=current.search.clone() />
                </div>
                <div class="field">
                    <label for="organizations-status">{t("orders-col-status")}</label>
                    <select id="organizations-status" name="status">
                        <option value="">{t("organizations-status-any")}</option>
                        {OrganizationStatus::ALL
                            .into_iter()
                            .map(|s| view! { <option value=s.as_str() selected={s.as_str() == chosen}>{t(s.label_key())}</option> })
                            .collect_view()}
                        <option value=StatusFilter::EXPIRED selected={chosen == StatusFilter::EXPIRED}>{t("organization-status-expired")}</option>
                    </select>
                </div>
                <div class="filters-actions">
                    <button type="submit" class="button">{t("common-search")}</button>
                    <a class="button button-quiet" href=export download="organizations.xlsx">{t("organizations-export")}</a>
                </div>
            </form>
        </div>
        <Loaded resource=page let:p>
            {
                let can_manage = p.can_manage;
                view! {
                    <OrganizationTable page=p query=query.get_untracked() />
                    <ExternalOrganizations can_manage=can_manage />
                }
            }
        </Loaded>
    }
    .into_any()
}

#[component]
fn OrganizationTable(page: OrganizationsPage, query: OrganizationsQuery) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let pages = page.pages();
    let current = page.page;
    let link = |n: u64| {
        list_link(
            ORGANIZATIONS_PATH,
            n,
            &[("search", &query.search), ("status", &query.status)],
        )
    };
    let prev = (current > 1).then(|| link(current - 1));
    let next = (current < pages).then(|| link(current + 1));
    let add = page.can_manage.then(|| {
        view! { <p><a class="button button-primary" href=ORGANIZATIONS_NEW_PATH>{t("page-add-organization")}</a></p> }
    });
    if page.organizations.is_empty() {
        return view! {
            {add}
            <p class="empty">{t("organizations-none")}</p>
        }
        .into_any();
    }
    view! {
        {add}
        <Table label=t("page-organizations") cards=true columns=vec![t("organizations-col-legal-name"), t("organizations-field-type"), t("organizations-col-jurisdiction"), t("orders-col-status"), t("organizations-col-verified-until"), t("organizations-col-updated")]>
            {page
                .organizations
                .into_iter()
                .map(|o| {
                    let href = organization_page(o.id);
                    let status = t(o.status_key());
                    let tone = super::status_tone(o.status, o.expired);
                    view! {
                        <tr>
                            <td data-label=t("organizations-col-legal-name")>
                                <a href=href>{o.legal_name.clone()}</a>
                                {o.trade_name.clone().map(|dba| view! { <p class="field-hint">{t_args("organizations-trading-as", &[("name", dba.into())])}</p> })}
                            </td>
                            <td data-label=t("organizations-field-type")>{t(o.org_type.label_key())}</td>
                            <td data-label=t("organizations-col-jurisdiction")>{t(&crate::model::countries::name_key(&o.jurisdiction_country))}</td>
                            <td data-label=t("orders-col-status")><Badge tone=tone text=status /></td>
                            <td data-label=t("organizations-col-verified-until")>{o.verified_until.map_or_else(|| "—".to_owned(), |d| d.text(lang))}</td>
                            <td data-label=t("organizations-col-updated")>{o.updated.text(lang)}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
        <Pager prev next status=t_args("organizations-pager", &[("page", current.into()), ("pages", pages.into()), ("total", page.total.into())]) />
    }
    .into_any()
}

/// Organizations of other accounts this account may name: those their representative shared,
/// and (for those who manage organizations) the request that asks a representative by e-mail.
#[component]
fn ExternalOrganizations(can_manage: bool) -> impl IntoView {
    let shared = Resource::new_blocking(
        || (),
        |()| crate::api::organizations::organizations_shared(),
    );
    let asked =
        leptos_router::hooks::use_query_map().with_untracked(|q| q.get("consent").is_some());
    let action = ServerAction::<crate::api::organizations::OrganizationConsentRequest>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let email_error = Signal::derive(move || error.get().and_then(|e| e.field("email")));
    let lang = crate::i18n::use_lang();
    view! {
        <section class="card" aria-labelledby="external-organizations">
            <h2 id="external-organizations">{t("organizations-external-heading")}</h2>
            <p>{t("organizations-external-lead")}</p>
            {asked.then(|| view! { <crate::components::form_alert::Notice>{t("organizations-external-asked")}</crate::components::form_alert::Notice> })}
            <Loaded resource=shared let:rows>
                {if rows.is_empty() {
                    view! { <p class="empty">{t("organizations-external-none")}</p> }.into_any()
                } else {
                    view! {
                        <ul aria-label=t("organizations-external-heading") data-testid="shared-organizations">
                            {rows.into_iter().map(|o| view! {
                                <li>
                                    <strong>{o.legal_name}</strong>" · "{t(o.status.label_key())}
                                    {o.verified_until.map(|d| format!(" · {}", d.text(lang)))}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </Loaded>
            {can_manage.then(|| view! {
                <ActionForm action=action>
                    <crate::components::form_alert::FormAlert error=Signal::derive(move || error.get().filter(|e| e.field("email").is_none())) />
                    <div class="field" class:field-invalid=move || email_error.get().is_some()>
                        <label for="consent-email">{t("organizations-external-email")}</label>
                        <input id="consent-email" name="email" type="email" autocomplete="off" required=true aria-describedby="consent-email-error" />
                        <p class="field-error" id="consent-email-error" role="alert">{move || email_error.get()}</p>
                    </div>
                    <button type="submit" class="button">{t("organizations-external-ask")}</button>
                </ActionForm>
            })}
        </section>
    }
}

use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::access::users_list,
    components::{
        form_alert::Notice,
        loaded::Loaded,
        portal::Portal,
        query_memo, query_notice, query_value,
        table::{Pager, Table},
    },
    model::{Permission, UsersPage, UsersQuery},
};

#[component]
pub fn UsersPage() -> impl IntoView {
    view! { <Portal title="page-users" needs=Permission::ManageUsers refusal="refusal-users" page=|_| view! { <Users /> } /> }
}

fn page_link(search: &str, page: u64) -> String {
    format!("/users?page={page}&search={}", query_value(search))
}

#[component]
fn Users() -> impl IntoView {
    let query = query_memo(|p| UsersQuery {
        search: p.get("search").unwrap_or_default(),
        page: p.get("page").and_then(|v| v.parse().ok()),
    });
    let notice = query_notice(&[
        ("added", "users-added"),
        ("invited", "users-invited"),
        ("saved", "order-done-edited"),
        ("deactivated", "users-deactivated"),
    ]);
    let page = Resource::new_blocking(move || query.get(), users_list);
    view! {
        {move || notice().map(|key| view! { <Notice>{t(key)}</Notice> })}
        <div class="toolbar">
            <form class="filters" method="get" action="/users" role="search" aria-label=t("users-search-label")>
                <div class="field">
                    <label for="users-search">{t("common-search")}</label>
                    <input id="users-search" name="search" type="search" placeholder=t("users-search-placeholder")
                        value=move || query.get().search />
                </div>
                <div class="filters-actions">
                    <button type="submit" class="button">{t("common-search")}</button>
                </div>
            </form>
            <a class="button button-primary" href="/users/new">{t("page-add-user")}</a>
        </div>
        <Loaded resource=page let:p>
            <UserTable page=p search=query.get_untracked().search />
        </Loaded>
    }
    .into_any()
}

#[component]
fn UserTable(page: UsersPage, search: String) -> impl IntoView {
    let pages = page.pages();
    let current = page.page;
    let prev = (current > 1).then(|| page_link(&search, current - 1));
    let next = (current < pages).then(|| page_link(&search, current + 1));
    let invitations = (!page.invitations.is_empty()).then(|| {
        view! {
            <Table label=t("users-invitations") columns=vec![t("field-email"), t("users-role-offered"), t("users-invited-on"), t("orders-col-status")]>
                {page
                    .invitations
                    .iter()
                    .map(|i| {
                        let status = if i.expired {
                            t("users-invitation-expired")
                        } else {
                            t("users-invitation-pending")
                        };
                        view! {
                            <tr>
                                <td>{i.email.clone()}</td>
                                <td>{i.role_label.text(crate::i18n::use_lang())}</td>
                                <td>{i.invited_on.text(crate::i18n::use_lang())}</td>
                                <td>{status}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
        }
    });
    if page.users.is_empty() {
        return view! {
            {invitations}
            <p class="empty">{t("users-none")}</p>
        }
        .into_any();
    }
    view! {
        {invitations}
        <Table label=t("page-users") columns=vec![t("users-col-name"), t("field-email"), t("field-role"), t("field-designation"), t("orders-col-status")]>
            {page
                .users
                .into_iter()
                .map(|u| {
                    let href = format!("/users/{}", u.id);
                    view! {
                        <tr>
                            <td><a href=href>{u.name}</a>{u.is_you.then(|| format!(" ({})", t("users-you")))}</td>
                            <td>{u.email}</td>
                            <td>{u.role_label.text(crate::i18n::use_lang())}</td>
                            <td>{u.designation}</td>
                            <td>{t(u.status.key())}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
        <Pager prev next status=t_args("users-pager", &[("page", current.into()), ("pages", pages.into()), ("total", page.total.into())]) />
    }
    .into_any()
}

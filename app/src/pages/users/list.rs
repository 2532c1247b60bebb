use leptos::prelude::*;

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
    view! { <Portal title="Users" needs=Permission::ManageUsers refusal="Your role does not allow you to manage users." page=|_| view! { <Users /> } /> }
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
        (
            "added",
            "The user was added and an e-mail is on its way to them.",
        ),
        (
            "invited",
            "This address already has a Rootline user, so they were invited by e-mail. \
             They join, and you see their details, only when they accept.",
        ),
        ("saved", "The changes were saved."),
        (
            "deactivated",
            "The user was deactivated; their sessions have ended.",
        ),
    ]);
    let page = Resource::new_blocking(move || query.get(), users_list);
    view! {
        {move || notice().map(|n| view! { <Notice>{n}</Notice> })}
        <div class="toolbar">
            <form class="filters" method="get" action="/users" role="search" aria-label="Search users">
                <div class="field">
                    <label for="users-search">"Search"</label>
                    <input id="users-search" name="search" type="search" placeholder="Name or e-mail"
                        value=move || query.get().search />
                </div>
                <div class="filters-actions">
                    <button type="submit" class="button">"Search"</button>
                </div>
            </form>
            <a class="button button-primary" href="/users/new">"Add user"</a>
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
            <Table label="Invitations" columns=&["E-mail", "Role offered", "Invited", "Status"]>
                {page
                    .invitations
                    .iter()
                    .map(|i| {
                        let status = if i.expired {
                            "Expired: add the address again to send a new invitation"
                        } else {
                            "Invited"
                        };
                        view! {
                            <tr>
                                <td>{i.email.clone()}</td>
                                <td>{i.role_label.clone()}</td>
                                <td>{i.invited_on.clone()}</td>
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
            <p class="empty">"No users match."</p>
        }
        .into_any();
    }
    view! {
        {invitations}
        <Table label="Users" columns=&["Name", "E-mail", "Role", "Designation", "Status"]>
            {page
                .users
                .into_iter()
                .map(|u| {
                    let href = format!("/users/{}", u.id);
                    view! {
                        <tr>
                            <td><a href=href>{u.name}</a>{u.is_you.then_some(" (you)")}</td>
                            <td>{u.email}</td>
                            <td>{u.role_label.clone()}</td>
                            <td>{u.designation}</td>
                            <td>{u.status.label()}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
        <Pager prev next status=format!("Page {current} of {pages} · {} users", page.total) />
    }
    .into_any()
}

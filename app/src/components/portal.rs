use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::{
    api::auth::{SignOut, current_session},
    components::loaded::refused,
    error::AppError,
    model::{Permission, SessionView},
};

/// The signed-in frame: header with account and user, navigation, sign-out. Sends a visitor
/// without a session to the sign-in page; renders `page` with the session otherwise. A page
/// that `needs` a permission (or is for `operator` users only) shows `refusal` instead to
/// anyone else; the server refuses them too, this only spares them a page of errors.
#[component]
pub fn Portal<F, V>(
    title: &'static str,
    page: F,
    #[prop(optional)] needs: Option<Permission>,
    #[prop(optional)] operator: bool,
    #[prop(optional)] refusal: &'static str,
) -> impl IntoView
where
    F: Fn(SessionView) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // Blocking, so the server can still answer with a redirect before any HTML is streamed.
    // Keyed on the address: after an action redirects to the same page (e.g. `?saved=1`),
    // the header shows what changed (a new name) and a session that ended is noticed.
    let location = leptos_router::hooks::use_location();
    let session = Resource::new_blocking(
        move || (location.pathname.get(), location.search.get()),
        |_| current_session(),
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || {
                let page = page.clone();
                Suspend::new(async move {
                    match session.await {
                        Ok(Some(s)) => {
                            let allowed = needs.is_none_or(|p| s.can(p)) && (!operator || s.is_operator);
                            view! {
                                <Frame session=s.clone() title=title>
                                    {if allowed { page(s).into_any() } else { refused(refusal) }}
                                </Frame>
                            }
                            .into_any()
                        }
                        Ok(None) | Err(AppError::Unauthenticated) => {
                            view! { <Redirect path="/sign-in" /> }.into_any()
                        }
                        Err(e) => view! {
                            <div class="alert alert-error" role="alert">{e.to_string()}</div>
                        }
                            .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Frame(session: SessionView, title: &'static str, children: Children) -> impl IntoView {
    let sign_out = ServerAction::<SignOut>::new();
    view! {
        <leptos_meta::Title text=format!("{title} · Rootline") />
        <div class="portal">
            <a class="skip-link" href="#main">"Skip to main content"</a>
            <header class="topbar">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Rootline"
                </a>
                <div class="topbar-account" aria-label="Account">
                    <span class="account-name">{session.account_name.clone()}</span>
                    <span class="badge">{session.account_kind.label()}</span>
                    {session.other_accounts.then(|| view! { <a class="switch-account" href="/choose-account">"Switch account"</a> })}
                </div>
                <div class="topbar-user">
                    <span class="user-name" aria-label="Signed in as">{session.user_name.clone()}</span>
                    <span class="user-role">{session.role_label.clone()}</span>
                    <ActionForm action=sign_out>
                        <button type="submit" class="button button-quiet">"Sign out"</button>
                    </ActionForm>
                </div>
            </header>
            <nav class="sidenav" aria-label="Main">
                <ul>
                    <li>
                        <a href="/" aria-current=move || (title == "Overview").then_some("page")>"Overview"</a>
                    </li>
                    <li>
                        <a href="/profile" aria-current=move || (title == "Profile").then_some("page")>"Profile"</a>
                    </li>
                    {session.can(Permission::RequestCertificates).then(|| view! {
                        <li>
                            <a href="/orders/new" aria-current=move || (title == "New request").then_some("page")>"New request"</a>
                        </li>
                        <li>
                            <a href="/orders/smime/new" aria-current=move || (title == "New S/MIME order").then_some("page")>"New S/MIME order"</a>
                        </li>
                    })}
                    <li>
                        <a href="/orders" aria-current=move || matches!(title, "Orders" | "Order").then_some("page")>"Orders"</a>
                    </li>
                    {session.can(Permission::ManageDomains).then(|| view! {
                        <li>
                            <a href="/domains" aria-current=move || (title == "Domains").then_some("page")>"Domains"</a>
                        </li>
                    })}
                    {session.is_operator.then(|| view! {
                        <li>
                            <a href="/operator/accounts" aria-current=move || (title == "Accounts").then_some("page")>"Accounts"</a>
                        </li>
                    })}
                    {session.is_operator.then(|| view! {
                        <li>
                            <a href="/operator/products" aria-current=move || (title == "Public products").then_some("page")>"Public products"</a>
                        </li>
                    })}
                    {session.can(Permission::ManageUsers).then(|| view! {
                        <li>
                            <a href="/users" aria-current=move || matches!(title, "Users" | "Add user" | "Edit user").then_some("page")>"Users"</a>
                        </li>
                    })}
                    {session.can(Permission::ManageSettings).then(|| view! {
                        <li>
                            <a href="/settings/two-factor" aria-current=move || (title == "Two-factor sign-in").then_some("page")>"Two-factor sign-in"</a>
                        </li>
                        <li>
                            <a href="/settings/ip-rules" aria-current=move || (title == "IP restrictions").then_some("page")>"IP restrictions"</a>
                        </li>
                        <li>
                            <a href="/settings/renewals" aria-current=move || (title == "Renewal reminders").then_some("page")>"Renewal reminders"</a>
                        </li>
                        <li>
                            <a href="/settings/rest-api" aria-current=move || (title == "REST APIs").then_some("page")>"REST APIs"</a>
                        </li>
                        <li>
                            <a href="/settings/acme" aria-current=move || (title == "ACME APIs").then_some("page")>"ACME APIs"</a>
                        </li>
                    })}
                    {session.can(Permission::ManageRoles).then(|| view! {
                        <li>
                            <a href="/settings/roles" aria-current=move || (title == "Roles").then_some("page")>"Roles"</a>
                        </li>
                    })}
                    {session.can(Permission::ManageCas).then(|| view! {
                        <li>
                            <a href="/settings/private-cas" aria-current=move || (title == "Private CAs").then_some("page")>"Private CAs"</a>
                        </li>
                    })}
                    {session.can(Permission::ManageProducts).then(|| view! {
                        <li>
                            <a href="/settings/products" aria-current=move || (title == "Private products").then_some("page")>"Private products"</a>
                        </li>
                    })}
                    {session.can(Permission::ManageGroups).then(|| view! {
                        <li>
                            <a href="/groups" aria-current=move || (title == "Groups").then_some("page")>"Groups"</a>
                        </li>
                    })}
                    {session.can(Permission::ViewFinance).then(|| view! {
                        <li>
                            <a href="/billing" aria-current=move || (title == "Billing").then_some("page")>"Billing"</a>
                        </li>
                    })}
                    {session.can(Permission::ViewAuditLog).then(|| view! {
                        <li>
                            <a href="/audit" aria-current=move || (title == "Audit log").then_some("page")>"Audit log"</a>
                        </li>
                    })}
                </ul>
            </nav>
            <main class="content" id="main">
                <h1>{title}</h1>
                {children()}
            </main>
        </div>
    }
}

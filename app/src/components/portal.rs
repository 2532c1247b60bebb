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

/// Who sees a menu entry: the same rule as the page behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Everyone,
    Needs(Permission),
    Operator,
}

/// One entry of the main menu: where it goes, what it says, who sees it, and the page titles
/// under which it is the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MenuEntry {
    pub href: &'static str,
    pub label: &'static str,
    pub access: Access,
    pub titles: &'static [&'static str],
}

const fn entry(
    href: &'static str,
    label: &'static str,
    access: Access,
    titles: &'static [&'static str],
) -> MenuEntry {
    MenuEntry {
        href,
        label,
        access,
        titles,
    }
}

/// The main menu, in order. Each entry's access is the permission its page asks for.
pub const MENU: [MenuEntry; 22] = [
    entry("/", "Overview", Access::Everyone, &["Overview"]),
    entry("/profile", "Profile", Access::Everyone, &["Profile"]),
    entry(
        "/orders/new",
        "New request",
        Access::Needs(Permission::RequestCertificates),
        &["New request"],
    ),
    entry(
        "/orders/smime/new",
        "New S/MIME order",
        Access::Needs(Permission::RequestCertificates),
        &["New S/MIME order"],
    ),
    entry(
        "/orders",
        "Orders",
        Access::Everyone,
        &["Orders", "Order", "Revoke certificate"],
    ),
    entry(
        "/domains",
        "Domains",
        Access::Needs(Permission::ManageDomains),
        &["Domains"],
    ),
    entry(
        "/operator/accounts",
        "Accounts",
        Access::Operator,
        &["Accounts", "Credits"],
    ),
    entry(
        "/operator/products",
        "Public products",
        Access::Operator,
        &["Public products"],
    ),
    entry(
        "/operator/legal",
        "Legal documents",
        Access::Operator,
        &["Legal documents"],
    ),
    entry(
        "/users",
        "Users",
        Access::Needs(Permission::ManageUsers),
        &["Users", "Add user", "Edit user"],
    ),
    entry(
        "/settings/two-factor",
        "Two-factor sign-in",
        Access::Needs(Permission::ManageSettings),
        &["Two-factor sign-in"],
    ),
    entry(
        "/settings/ip-rules",
        "IP restrictions",
        Access::Needs(Permission::ManageSettings),
        &["IP restrictions"],
    ),
    entry(
        "/settings/renewals",
        "Renewal reminders",
        Access::Needs(Permission::ManageSettings),
        &["Renewal reminders"],
    ),
    entry(
        "/settings/rest-api",
        "REST APIs",
        Access::Needs(Permission::ManageSettings),
        &["REST APIs"],
    ),
    entry(
        "/settings/acme",
        "ACME APIs",
        Access::Needs(Permission::ManageSettings),
        &["ACME APIs"],
    ),
    entry(
        "/settings/roles",
        "Roles",
        Access::Needs(Permission::ManageRoles),
        &["Roles"],
    ),
    entry(
        "/settings/private-cas",
        "Private CAs",
        Access::Needs(Permission::ManageCas),
        &["Private CAs"],
    ),
    entry(
        "/settings/products",
        "Private products",
        Access::Needs(Permission::ManageProducts),
        &["Private products"],
    ),
    entry(
        "/groups",
        "Groups",
        Access::Needs(Permission::ManageGroups),
        &["Groups", "Group"],
    ),
    entry(
        "/billing",
        "Billing",
        Access::Needs(Permission::ViewFinance),
        &["Billing"],
    ),
    entry(
        "/audit",
        "Audit log",
        Access::Needs(Permission::ViewAuditLog),
        &["Audit log"],
    ),
    entry(
        "/design",
        "Design system",
        Access::Operator,
        &["Design system"],
    ),
];

/// Whether a user with these permissions (and operator standing) sees `entry`.
pub fn sees(entry: &MenuEntry, can: impl Fn(Permission) -> bool, is_operator: bool) -> bool {
    match entry.access {
        Access::Everyone => true,
        Access::Needs(p) => can(p),
        Access::Operator => is_operator,
    }
}

/// The entries this session sees, in menu order.
pub fn menu(session: &SessionView) -> Vec<MenuEntry> {
    MENU.iter()
        .filter(|e| sees(e, |p| session.can(p), session.is_operator))
        .copied()
        .collect()
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
                // On a phone the entries hide behind this button (no script: the disclosure's own
                // open state shows them); on wider screens the button is hidden and they all show.
                <details class="menu-toggle">
                    <summary class="button button-quiet">"Menu"</summary>
                </details>
                <ul>
                    {menu(&session).into_iter().map(|entry| {
                        let current = entry.titles.contains(&title);
                        view! {
                            <li><a href=entry.href aria-current=current.then_some("page")>{entry.label}</a></li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
            <main class="content" id="main">
                <h1>{title}</h1>
                {children()}
            </main>
        </div>
    }
}

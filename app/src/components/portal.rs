use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::{
    api::auth::{SignOut, current_session},
    components::{language_switch::LanguageSwitch, loaded::refused},
    error::AppError,
    i18n::t,
    model::{Permission, SessionView},
};

/// The signed-in frame: header with account and user, navigation, sign-out. Sends a visitor
/// without a session to the sign-in page; renders `page` with the session otherwise. A page
/// that `needs` a permission (or is for `operator` users only) shows `refusal` instead to
/// anyone else (`title` and `refusal` are catalogue keys); the server refuses them too, this
/// only spares them a page of errors.
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
    let session = Resource::new_blocking(|| (), |_| current_session());
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("common-loading")}</p> }>
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
                            <div class="alert alert-error" role="alert">{e.text(crate::i18n::use_lang())}</div>
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
    /// Only partner accounts (which have sub-accounts), with the permission.
    PartnerNeeds(Permission),
    Operator,
}

/// One entry of the main menu: where it goes, what it says, who sees it, and the page titles
/// under which it is the current one (the label and the titles are catalogue keys).
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
pub const MENU: [MenuEntry; 33] = [
    entry("/", "menu-overview", Access::Everyone, &["page-overview"]),
    entry(
        "/profile",
        "menu-profile",
        Access::Everyone,
        &["page-profile"],
    ),
    entry(
        "/orders/new",
        "menu-new-request",
        Access::Needs(Permission::RequestCertificates),
        &["page-new-request"],
    ),
    entry(
        "/orders/smime/new",
        "menu-new-smime-order",
        Access::Needs(Permission::RequestCertificates),
        &["page-new-smime-order"],
    ),
    entry(
        "/orders",
        "menu-orders",
        Access::Everyone,
        &["page-orders", "page-order", "page-revoke-certificate"],
    ),
    entry(
        "/ev-approvals",
        "menu-ev-approvals",
        Access::Needs(Permission::RequestCertificates),
        &["page-ev-approvals"],
    ),
    entry(
        "/domains",
        "menu-domains",
        Access::Needs(Permission::ManageDomains),
        &["page-domains"],
    ),
    entry(
        "/organizations",
        "menu-organizations",
        Access::Needs(Permission::RequestCertificates),
        &[
            "page-organizations",
            "page-add-organization",
            "page-organization",
            "page-edit-organization",
        ],
    ),
    entry(
        "/operator/accounts",
        "menu-accounts",
        Access::Operator,
        &["page-accounts", "page-credits"],
    ),
    entry(
        "/operator/products",
        "menu-public-products",
        Access::Operator,
        &["page-public-products"],
    ),
    entry(
        "/operator/vetting",
        "menu-vetting",
        Access::Operator,
        &["page-vetting", "page-vetting-case"],
    ),
    entry(
        "/operator/payments",
        "menu-operator-payments",
        Access::Operator,
        &["page-operator-payments"],
    ),
    entry(
        "/operator/revocations",
        "menu-revocations",
        Access::Operator,
        &["page-revocations", "page-revocation-batch"],
    ),
    entry(
        "/operator/legal",
        "menu-legal-documents",
        Access::Operator,
        &["page-legal-documents"],
    ),
    entry(
        "/users",
        "menu-users",
        Access::Needs(Permission::ManageUsers),
        &["page-users", "page-add-user", "page-edit-user"],
    ),
    entry(
        "/settings/two-factor",
        "menu-two-factor",
        Access::Needs(Permission::ManageSettings),
        &["page-two-factor"],
    ),
    entry(
        "/settings/ip-rules",
        "menu-ip-restrictions",
        Access::Needs(Permission::ManageSettings),
        &["page-ip-restrictions"],
    ),
    entry(
        "/settings/renewals",
        "menu-renewal-reminders",
        Access::Needs(Permission::ManageSettings),
        &["page-renewal-reminders"],
    ),
    entry(
        "/settings/low-balance-alerts",
        "menu-low-balance-alerts",
        Access::Needs(Permission::ManageSettings),
        &["page-low-balance-alerts"],
    ),
    entry(
        "/settings/rest-api",
        "menu-rest-apis",
        Access::Needs(Permission::ManageSettings),
        &["page-rest-apis"],
    ),
    entry(
        "/settings/acme",
        "menu-acme-apis",
        Access::Needs(Permission::ManageSettings),
        &["page-acme-apis"],
    ),
    entry(
        "/settings/roles",
        "menu-roles",
        Access::Needs(Permission::ManageRoles),
        &["page-roles"],
    ),
    entry(
        "/settings/private-cas",
        "menu-private-cas",
        Access::Needs(Permission::ManageCas),
        &["page-private-cas"],
    ),
    entry(
        "/settings/products",
        "menu-private-products",
        Access::Needs(Permission::ManageProducts),
        &["page-private-products"],
    ),
    entry(
        "/groups",
        "menu-groups",
        Access::Needs(Permission::ManageGroups),
        &["page-groups", "page-group"],
    ),
    entry(
        "/billing",
        "menu-billing",
        Access::Needs(Permission::ViewFinance),
        &["page-billing"],
    ),
    entry(
        "/billing/statement",
        "menu-statement",
        Access::Needs(Permission::ViewFinance),
        &["page-statement"],
    ),
    entry(
        "/billing/add-credits",
        "menu-add-credits",
        Access::Needs(Permission::ViewFinance),
        &["page-add-credits"],
    ),
    entry(
        "/billing/withdraw",
        "menu-withdraw",
        Access::Needs(Permission::ViewFinance),
        &["page-withdraw"],
    ),
    entry(
        "/billing/price-list",
        "menu-product-prices",
        Access::Needs(Permission::ViewFinance),
        &["page-product-prices"],
    ),
    entry(
        "/sub-accounts",
        "menu-sub-accounts",
        Access::PartnerNeeds(Permission::ManageSubAccounts),
        &["page-sub-accounts", "page-price-list-edit"],
    ),
    entry(
        "/audit",
        "menu-audit-log",
        Access::Needs(Permission::ViewAuditLog),
        &["page-audit-log"],
    ),
    entry(
        "/design",
        "menu-design-system",
        Access::Operator,
        &["page-design-system"],
    ),
];

/// Whether a user with these permissions (and operator standing, in a partner account or
/// not) sees `entry`.
pub fn sees(
    entry: &MenuEntry,
    can: impl Fn(Permission) -> bool,
    is_operator: bool,
    is_partner: bool,
) -> bool {
    match entry.access {
        Access::Everyone => true,
        Access::Needs(p) => can(p),
        Access::PartnerNeeds(p) => is_partner && can(p),
        Access::Operator => is_operator,
    }
}

/// The entries this session sees, in menu order.
pub fn menu(session: &SessionView) -> Vec<MenuEntry> {
    MENU.iter()
        .filter(|e| {
            sees(
                e,
                |p| session.can(p),
                session.is_operator,
                session.account_kind == crate::model::AccountKind::Partner,
            )
        })
        .copied()
        .collect()
}

#[component]
fn Frame(session: SessionView, title: &'static str, children: Children) -> impl IntoView {
    let sign_out = ServerAction::<SignOut>::new();
    let heading = t(title);
    view! {
        <leptos_meta::Title text=format!("{heading} · Rootline") />
        <div class="portal">
            <a class="skip-link" href="#main">{t("common-skip-to-content")}</a>
            <header class="topbar">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Rootline"
                </a>
                <div class="topbar-account" aria-label=t("common-account")>
                    <span class="account-name">{session.account_name.clone()}</span>
                    <span class="badge">{t(session.account_kind.key())}</span>
                    {session.other_accounts.then(|| view! { <a class="switch-account" href="/choose-account">{t("common-switch-account")}</a> })}
                </div>
                <div class="topbar-user">
                    <span class="user-name" aria-label=t("common-signed-in-as")>{session.user_name.clone()}</span>
                    <span class="user-role">{session.role_label.text(crate::i18n::use_lang())}</span>
                    <ActionForm action=sign_out>
                        <button type="submit" class="button button-quiet">{t("common-sign-out")}</button>
                    </ActionForm>
                    <LanguageSwitch />
                </div>
            </header>
            <nav class="sidenav" aria-label=t("common-main-menu")>
                // On a phone the entries hide behind this button (no script: the disclosure's own
                // open state shows them); on wider screens the button is hidden and they all show.
                <details class="menu-toggle">
                    <summary class="button button-quiet">{t("common-menu")}</summary>
                </details>
                <ul>
                    {menu(&session).into_iter().map(|entry| {
                        let current = entry.titles.contains(&title);
                        view! {
                            <li><a href=entry.href aria-current=current.then_some("page")>{t(entry.label)}</a></li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
            <main class="content" id="main">
                <h1>{heading}</h1>
                <LowBalanceBanners banners=session.low_balance.clone() />
                {children()}
                {(!session.publicly_trusted).then(|| view! {
                    <p class="trust-note" data-testid="private-ca-note">{t("common-private-ca")}</p>
                })}
            </main>
        </div>
    }
}

/// While a balance the user sees is below its low-balance alert's threshold, every portal page
/// says so and links to where credits are added (SET-1 / FIN-5).
#[component]
fn LowBalanceBanners(banners: Vec<crate::model::low_balance::LowBalanceBanner>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    banners
        .into_iter()
        .map(|b| {
            let (balance, threshold) = (b.balance.text(lang), b.threshold.text(lang));
            let text = match b.group_name {
                None => crate::i18n::t_args(
                    "low-balance-banner-account",
                    &[("balance", balance.into()), ("threshold", threshold.into())],
                ),
                Some(group) => crate::i18n::t_args(
                    "low-balance-banner-group",
                    &[
                        ("group", group.into()),
                        ("balance", balance.into()),
                        ("threshold", threshold.into()),
                    ],
                ),
            };
            view! {
                <p class="alert alert-warning" data-testid="low-balance-banner">
                    {text}" "<a href="/billing/add-credits">{t("low-balance-banner-add")}</a>
                </p>
            }
        })
        .collect_view()
}

use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::pages::{
    audit::AuditPage,
    auth::{
        activate::ActivatePage,
        application_received::ApplicationReceivedPage,
        check_email::CheckEmailPage,
        invitation::InvitationPage,
        passkey_sign_in::PasskeySignInPage,
        sign_in::SignInPage,
        sign_up::SignUpPage,
        two_factor::{TwoFactorEnrolPage, TwoFactorPage},
    },
    billing::{
        BillingPage, add_credits::AddCreditsPage, price_list::PriceListPage,
        statement::StatementPage, withdraw::WithdrawPage,
    },
    choose_account::ChooseAccountPage,
    dcv::confirm::DcvConfirmPage,
    design::DesignPage,
    domains::list::DomainsPage,
    download::DelegateDownloadPage,
    ev::{approvals::EvApprovalsPage, link::EvLinkPage},
    groups::{list::GroupsPage, view::GroupViewPage},
    legal::{SubscriberAgreementPage, TermsPage},
    not_found::NotFoundPage,
    operator::{
        accounts::{credits::OperatorCreditsPage, list::OperatorAccountsPage},
        legal::OperatorLegalPage,
        payments::OperatorPaymentsPage,
        products::OperatorProductsPage,
        revocations::{batch::RevocationBatchPage, search::RevocationsPage},
        vetting::{case::VettingCasePage, queue::VettingQueuePage},
    },
    orders::{
        list::OrdersListPage,
        new::OrderNewPage,
        revoke::RevokeConfirmPage,
        smime::{new::SmimeNewPage, view::SmimeOrderPage},
        view::OrderViewPage,
    },
    organizations::{
        consent::OrganizationConsentPage, edit::OrganizationEditPage, list::OrganizationsListPage,
        new::OrganizationNewPage, verify::OrganizationVerifyPage, view::OrganizationViewPage,
    },
    overview::OverviewPage,
    profile::page::ProfilePage,
    settings::{
        acme::AcmeCredentialsSettingsPage, ip_rules::IpRestrictionsPage,
        low_balance::LowBalanceAlertsPage, private_cas::PrivateCasPage,
        products::PrivateProductsPage, renewals::RenewalRemindersPage,
        rest_api::ApiKeysSettingsPage, roles::RolesPage, two_factor::TwoFactorSettingPage,
    },
    smime::verify::SmimeVerifyPage,
    sub_accounts::{PriceListEditPage, SubAccountsPage},
    track::page::TrackPage,
    users::{edit::UserEditPage, list::UsersPage, new::UserNewPage},
};

/// Whether the page at `path` is served as plain HTML, without the browser bundle: the pages
/// a new visitor opens first (signing in and up, following an order's link, the activation
/// link). They have no islands: their forms post without script and the server answers them
/// in full, so a visitor downloads no wasm before signing in. The one thing that needs script
/// there, signing in with a passkey, has a page of its own.
#[cfg(any(feature = "ssr", test))]
pub fn plain_html_page(path: &str) -> bool {
    matches!(
        path,
        "/sign-in" | "/sign-up" | "/sign-up/check-email" | "/sign-up/application-received"
    ) || [
        "/track/",
        "/activate/",
        "/organizations/verify/",
        "/organizations/consent/",
        "/ev/",
    ]
    .iter()
    .any(|p| {
        path.strip_prefix(p)
            .is_some_and(|rest| !rest.is_empty() && !rest.contains('/'))
    })
}

/// Whether the page being rendered gets the browser bundle (for its islands).
#[cfg(feature = "ssr")]
fn hydrates() -> bool {
    use_context::<http::request::Parts>().is_none_or(|parts| !plain_html_page(parts.uri.path()))
}

/// The HTML document around the app, rendered on the server. A plain HTML page says so on
/// `<html data-static>`; on any other, the islands script sets `data-hydrated` once every
/// island of the page has hydrated.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = crate::i18n::page_lang();
    let hydrate = hydrates();
    view! {
        <!DOCTYPE html>
        // `data-catalogue`: the page's language catalogue, which the bundle fetches before the
        // islands hydrate.
        <html lang=lang.tag() data-static=(!hydrate).then_some("")
            data-catalogue=hydrate.then(|| crate::browser::catalogue_href(&options.site_pkg_dir, lang))>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                {hydrate.then(|| view! { <crate::island_scripts::IslandScripts options=options.clone() /> })}
                <leptos_meta::MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Every page, rendered on the server. In the browser only the islands in them run (Leptos's
/// islands mode): a link or a form loads the next page from the server, as it does without
/// script, and a page costs the code of its interactive parts only.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    crate::i18n::provide_lang(crate::i18n::page_lang());
    view! {
        <Stylesheet id="rootline" href="/pkg/rootline.css" />
        <Title text="Rootline" />
        <Router>
            <Routes fallback=NotFoundPage>
                // Pages that load data render whole on the server, so they work before (or
                // without) the wasm; streamed placeholders would need script to be filled in.
                <Route path=path!("/") view=OverviewPage ssr=SsrMode::Async />
                <Route path=path!("/audit") view=AuditPage ssr=SsrMode::Async />
                <Route path=path!("/operator/accounts") view=OperatorAccountsPage ssr=SsrMode::Async />
                <Route path=path!("/operator/accounts/:id/credits") view=OperatorCreditsPage ssr=SsrMode::Async />
                <Route path=path!("/billing") view=BillingPage ssr=SsrMode::Async />
                <Route path=path!("/billing/price-list") view=PriceListPage ssr=SsrMode::Async />
                <Route path=path!("/billing/statement") view=StatementPage ssr=SsrMode::Async />
                <Route path=path!("/billing/add-credits") view=AddCreditsPage ssr=SsrMode::Async />
                <Route path=path!("/billing/withdraw") view=WithdrawPage ssr=SsrMode::Async />
                <Route path=path!("/operator/payments") view=OperatorPaymentsPage ssr=SsrMode::Async />
                <Route path=path!("/operator/products") view=OperatorProductsPage ssr=SsrMode::Async />
                <Route path=path!("/settings/private-cas") view=PrivateCasPage ssr=SsrMode::Async />
                <Route path=path!("/settings/products") view=PrivateProductsPage ssr=SsrMode::Async />
                <Route path=path!("/users") view=UsersPage ssr=SsrMode::Async />
                <Route path=path!("/groups") view=GroupsPage ssr=SsrMode::Async />
                <Route path=path!("/groups/:id") view=GroupViewPage ssr=SsrMode::Async />
                <Route path=path!("/settings/roles") view=RolesPage ssr=SsrMode::Async />
                <Route path=path!("/profile") view=ProfilePage ssr=SsrMode::Async />
                <Route path=path!("/choose-account") view=ChooseAccountPage ssr=SsrMode::Async />
                <Route path=path!("/settings/ip-rules") view=IpRestrictionsPage ssr=SsrMode::Async />
                <Route path=path!("/users/new") view=UserNewPage ssr=SsrMode::Async />
                <Route path=path!("/users/:id") view=UserEditPage ssr=SsrMode::Async />
                <Route path=path!("/design") view=DesignPage ssr=SsrMode::Async />
                <Route path=path!("/orders") view=OrdersListPage ssr=SsrMode::Async />
                <Route path=path!("/orders/new") view=OrderNewPage ssr=SsrMode::Async />
                <Route path=path!("/orders/:id") view=OrderViewPage ssr=SsrMode::Async />
                <Route path=path!("/orders/smime/new") view=SmimeNewPage ssr=SsrMode::Async />
                <Route path=path!("/orders/:id/smime") view=SmimeOrderPage ssr=SsrMode::Async />
                <Route path=path!("/orders/:id/revoke") view=RevokeConfirmPage ssr=SsrMode::Async />
                <Route path=path!("/smime/verify/:value") view=SmimeVerifyPage />
                <Route path=path!("/domains") view=DomainsPage ssr=SsrMode::Async />
                <Route path=path!("/organizations") view=OrganizationsListPage ssr=SsrMode::Async />
                <Route path=path!("/organizations/new") view=OrganizationNewPage ssr=SsrMode::Async />
                <Route path=path!("/organizations/:id") view=OrganizationViewPage ssr=SsrMode::Async />
                <Route path=path!("/organizations/:id/edit") view=OrganizationEditPage ssr=SsrMode::Async />
                <Route path=path!("/organizations/verify/:token") view=OrganizationVerifyPage ssr=SsrMode::Async />
                <Route path=path!("/organizations/consent/:token") view=OrganizationConsentPage ssr=SsrMode::Async />
                <Route path=path!("/operator/vetting") view=VettingQueuePage ssr=SsrMode::Async />
                <Route path=path!("/operator/vetting/:id") view=VettingCasePage ssr=SsrMode::Async />
                <Route path=path!("/operator/revocations") view=RevocationsPage ssr=SsrMode::Async />
                <Route path=path!("/operator/revocations/:id") view=RevocationBatchPage ssr=SsrMode::Async />
                <Route path=path!("/track/:token") view=TrackPage ssr=SsrMode::Async />
                <Route path=path!("/ev/:token") view=EvLinkPage ssr=SsrMode::Async />
                <Route path=path!("/ev-approvals") view=EvApprovalsPage ssr=SsrMode::Async />
                <Route path=path!("/sub-accounts") view=SubAccountsPage ssr=SsrMode::Async />
                <Route path=path!("/sub-accounts/price-lists/:id") view=PriceListEditPage ssr=SsrMode::Async />
                <Route path=path!("/dcv/confirm/:domain/:value") view=DcvConfirmPage />
                <Route path=path!("/download") view=DelegateDownloadPage />
                <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async />
                <Route path=path!("/sign-in/passkey") view=PasskeySignInPage ssr=SsrMode::Async />
                <Route path=path!("/sign-in/two-factor") view=TwoFactorPage />
                <Route path=path!("/sign-in/two-factor/enrol") view=TwoFactorEnrolPage ssr=SsrMode::Async />
                <Route path=path!("/settings/two-factor") view=TwoFactorSettingPage ssr=SsrMode::Async />
                <Route path=path!("/settings/renewals") view=RenewalRemindersPage ssr=SsrMode::Async />
                <Route path=path!("/settings/low-balance-alerts") view=LowBalanceAlertsPage ssr=SsrMode::Async />
                <Route path=path!("/settings/rest-api") view=ApiKeysSettingsPage ssr=SsrMode::Async />
                <Route path=path!("/settings/acme") view=AcmeCredentialsSettingsPage ssr=SsrMode::Async />
                <Route path=path!("/sign-up") view=SignUpPage ssr=SsrMode::Async />
                <Route path=path!("/terms") view=TermsPage ssr=SsrMode::Async />
                <Route path=path!("/subscriber-agreement") view=SubscriberAgreementPage ssr=SsrMode::Async />
                <Route path=path!("/operator/legal") view=OperatorLegalPage ssr=SsrMode::Async />
                <Route path=path!("/sign-up/check-email") view=CheckEmailPage ssr=SsrMode::Async />
                <Route path=path!("/sign-up/application-received") view=ApplicationReceivedPage ssr=SsrMode::Async />
                <Route path=path!("/activate/:token") view=ActivatePage ssr=SsrMode::Async />
                <Route path=path!("/invitation/:token") view=InvitationPage ssr=SsrMode::Async />
            </Routes>
        </Router>
    }
}

#[cfg(test)]
mod tests {
    use super::plain_html_page;

    #[test]
    fn the_pages_a_new_visitor_opens_first_are_plain_html_and_no_others() {
        for path in [
            "/sign-in",
            "/sign-up",
            "/sign-up/check-email",
            "/sign-up/application-received",
            "/track/abc123",
            "/activate/abc123",
            "/ev/abc123",
        ] {
            assert!(plain_html_page(path), "{path}");
        }
        for path in [
            "/",
            "/sign-in/passkey",
            "/sign-in/two-factor",
            "/orders",
            "/track/abc123/certificate/pem",
            "/track/",
            "/activated/x",
        ] {
            assert!(!plain_html_page(path), "{path}");
        }
    }
}

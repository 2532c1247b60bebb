use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    Lazy, SsrMode,
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
    billing::BillingPage,
    choose_account::ChooseAccountPage,
    dcv::confirm::DcvConfirmPage,
    design::DesignPage,
    domains::list::DomainsPage,
    download::DelegateDownloadPage,
    groups::{list::GroupsPage, view::GroupViewPage},
    legal::{SubscriberAgreementPage, TermsPage},
    not_found::NotFoundPage,
    operator::{
        accounts::{credits::OperatorCreditsPage, list::OperatorAccountsPage},
        legal::OperatorLegalPage,
        products::OperatorProductsPage,
    },
    orders::{
        list::OrdersListPage,
        new::OrderNewPage,
        revoke::RevokeConfirmPage,
        smime::{new::SmimeNewPage, view::SmimeOrderPage},
        view::OrderViewPage,
    },
    overview::OverviewPage,
    profile::page::ProfilePage,
    settings::{
        acme::AcmeCredentialsSettingsPage, ip_rules::IpRestrictionsPage,
        private_cas::PrivateCasPage, products::PrivateProductsPage, renewals::RenewalRemindersPage,
        rest_api::ApiKeysSettingsPage, roles::RolesPage, two_factor::TwoFactorSettingPage,
    },
    smime::verify::SmimeVerifyPage,
    track::page::TrackPage,
    users::{edit::UserEditPage, list::UsersPage, new::UserNewPage},
};

/// Pages are lazy routes, in five groups: each group's code is a chunk of the browser bundle
/// of its own (with the code it shares with other groups in further chunks), fetched the
/// first time one of its pages is shown and preloaded by the server for the page it renders.
/// A visitor pays for the group they use rather than for the whole portal. Groups rather than
/// one chunk per page: the splitter makes a chunk for every set of split points that share
/// code, which for 44 pages came to nearly a thousand files, some two hundred per page.
/// The pages load their data themselves, so a route's `data` is nothing.
macro_rules! page_group {
    ($group:ident, $view:ident, $preload:ident { $($route:ident => $page:ident,)* }) => {
        /// The pages of one lazy group.
        // Each variant is named after its route type, which all end in `Route`.
        #[allow(clippy::enum_variant_names)]
        #[derive(Clone, Copy)]
        pub enum $group {
            $($route,)*
        }

        #[leptos::lazy]
        fn $view(page: $group) -> AnyView {
            match page {
                $($group::$route => $page().into_any(),)*
            }
        }

        $(
            #[doc = concat!("The lazy route of [`", stringify!($page), "`].")]
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_this: Self) -> AnyView {
                    $view($group::$route).await
                }

                async fn preload() {
                    // The preloader exists only where the bundle is split: in the browser.
                    #[cfg(target_arch = "wasm32")]
                    $preload().await;
                }
            }
        )*
    };
}

// The split points `#[lazy]` makes link each chunk's loader with `unsafe extern` blocks and
// `#[unsafe(no_mangle)]` (wasm_split_helpers); this module is the one place the app allows it.
#[allow(unsafe_code)]
mod lazy {
    use super::*;
    use leptos_router::LazyRoute;

    // What a new visitor opens first: signing in and up, and following an order by its link.
    // Served as plain HTML (`plain_html_page`); the app fetches this group only when one of
    // these pages is reached from inside it.
    page_group!(VisitorPages, visitor_pages, __preload_visitor_pages {
        SignInRoute => SignInPage,
        SignUpRoute => SignUpPage,
        TrackRoute => TrackPage,
        CheckEmailRoute => CheckEmailPage,
        ApplicationReceivedRoute => ApplicationReceivedPage,
        ActivateRoute => ActivatePage,
    });

    // The steps after the first: a second factor, choosing an account, the legal texts, and
    // the pages mails link to (invitations, domain and S/MIME confirmations, downloads).
    page_group!(StepPages, step_pages, __preload_step_pages {
        InvitationRoute => InvitationPage,
        PasskeySignInRoute => PasskeySignInPage,
        TwoFactorRoute => TwoFactorPage,
        TwoFactorEnrolRoute => TwoFactorEnrolPage,
        TermsRoute => TermsPage,
        SubscriberAgreementRoute => SubscriberAgreementPage,
        DcvConfirmRoute => DcvConfirmPage,
        SmimeVerifyRoute => SmimeVerifyPage,
        DelegateDownloadRoute => DelegateDownloadPage,
        ChooseAccountRoute => ChooseAccountPage,
    });

    // Ordering and the certificates themselves (with the in-browser key generation).
    page_group!(OrderPages, order_pages, __preload_order_pages {
        OverviewRoute => OverviewPage,
        OrdersListRoute => OrdersListPage,
        OrderNewRoute => OrderNewPage,
        OrderViewRoute => OrderViewPage,
        SmimeNewRoute => SmimeNewPage,
        SmimeOrderRoute => SmimeOrderPage,
        RevokeConfirmRoute => RevokeConfirmPage,
        DomainsRoute => DomainsPage,
    });

    // The account's administration, settings and the signed-in person's profile.
    page_group!(AccountPages, account_pages, __preload_account_pages {
        AuditRoute => AuditPage,
        BillingRoute => BillingPage,
        PrivateCasRoute => PrivateCasPage,
        PrivateProductsRoute => PrivateProductsPage,
        UsersRoute => UsersPage,
        UserNewRoute => UserNewPage,
        UserEditRoute => UserEditPage,
        GroupsRoute => GroupsPage,
        GroupViewRoute => GroupViewPage,
        RolesRoute => RolesPage,
        ProfileRoute => ProfilePage,
        IpRestrictionsRoute => IpRestrictionsPage,
        TwoFactorSettingRoute => TwoFactorSettingPage,
        RenewalRemindersRoute => RenewalRemindersPage,
        ApiKeysSettingsRoute => ApiKeysSettingsPage,
        AcmeCredentialsSettingsRoute => AcmeCredentialsSettingsPage,
        DesignRoute => DesignPage,
    });

    // The CA operator's pages.
    page_group!(OperatorPages, operator_pages, __preload_operator_pages {
        OperatorAccountsRoute => OperatorAccountsPage,
        OperatorCreditsRoute => OperatorCreditsPage,
        OperatorProductsRoute => OperatorProductsPage,
        OperatorLegalRoute => OperatorLegalPage,
    });
}
use lazy::*;

/// Whether the page at `path` is served as plain HTML, without the browser bundle: the pages
/// a new visitor opens first (signing in and up, following an order's link, the activation
/// link). Their forms post without script and the server answers them in full, so a visitor
/// downloads no wasm before signing in. The one thing that needs script there, signing in
/// with a passkey, has a page of its own. The same pages reached from inside the running app
/// are rendered by it, so nothing differs but the bytes.
#[cfg(any(feature = "ssr", test))]
pub fn plain_html_page(path: &str) -> bool {
    matches!(
        path,
        "/sign-in" | "/sign-up" | "/sign-up/check-email" | "/sign-up/application-received"
    ) || ["/track/", "/activate/"].iter().any(|p| {
        path.strip_prefix(p)
            .is_some_and(|rest| !rest.is_empty() && !rest.contains('/'))
    })
}

/// Whether the page being rendered on the server gets the browser bundle.
fn hydrates() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().is_none_or(|parts| !plain_html_page(parts.uri.path()))
    }
    #[cfg(not(feature = "ssr"))]
    {
        true
    }
}

/// The HTML document around the app, rendered on the server. A plain HTML page says so on
/// `<html data-static>`, as a hydrated one says `data-hydrated` once the wasm has taken over.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = crate::i18n::page_lang();
    let hydrate = hydrates();
    view! {
        <!DOCTYPE html>
        <html lang=lang.tag() data-static=(!hydrate).then_some("")>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                {hydrate.then(|| {
                    // The page's language catalogue: the wasm fetches it before it hydrates.
                    let catalogue = crate::browser::catalogue_href(&options.site_pkg_dir, lang);
                    view! {
                        <link id=crate::browser::CATALOGUE_LINK_ID rel="preload" r#as="fetch"
                            crossorigin="anonymous" href=catalogue />
                        <HydrationScripts options />
                    }
                })}
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

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
                <Route path=path!("/") view={Lazy::<OverviewRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/audit") view={Lazy::<AuditRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/operator/accounts") view={Lazy::<OperatorAccountsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/operator/accounts/:id/credits") view={Lazy::<OperatorCreditsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/billing") view={Lazy::<BillingRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/operator/products") view={Lazy::<OperatorProductsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/settings/private-cas") view={Lazy::<PrivateCasRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/settings/products") view={Lazy::<PrivateProductsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/users") view={Lazy::<UsersRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/groups") view={Lazy::<GroupsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/groups/:id") view={Lazy::<GroupViewRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/settings/roles") view={Lazy::<RolesRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/profile") view={Lazy::<ProfileRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/choose-account") view={Lazy::<ChooseAccountRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/settings/ip-rules") view={Lazy::<IpRestrictionsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/users/new") view={Lazy::<UserNewRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/users/:id") view={Lazy::<UserEditRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/design") view={Lazy::<DesignRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/orders") view={Lazy::<OrdersListRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/orders/new") view={Lazy::<OrderNewRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/orders/:id") view={Lazy::<OrderViewRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/orders/smime/new") view={Lazy::<SmimeNewRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/orders/:id/smime") view={Lazy::<SmimeOrderRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/orders/:id/revoke") view={Lazy::<RevokeConfirmRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/smime/verify/:value") view={Lazy::<SmimeVerifyRoute>::new()} />
                <Route path=path!("/domains") view={Lazy::<DomainsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/track/:token") view={Lazy::<TrackRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/dcv/confirm/:domain/:value") view={Lazy::<DcvConfirmRoute>::new()} />
                <Route path=path!("/download") view={Lazy::<DelegateDownloadRoute>::new()} />
                <Route path=path!("/sign-in") view={Lazy::<SignInRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/sign-in/passkey") view={Lazy::<PasskeySignInRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/sign-in/two-factor") view={Lazy::<TwoFactorRoute>::new()} />
                <Route path=path!("/sign-in/two-factor/enrol") view={Lazy::<TwoFactorEnrolRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/settings/two-factor") view={Lazy::<TwoFactorSettingRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/settings/renewals") view={Lazy::<RenewalRemindersRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/settings/rest-api") view={Lazy::<ApiKeysSettingsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/settings/acme") view={Lazy::<AcmeCredentialsSettingsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/sign-up") view={Lazy::<SignUpRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/terms") view={Lazy::<TermsRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/subscriber-agreement") view={Lazy::<SubscriberAgreementRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/operator/legal") view={Lazy::<OperatorLegalRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/sign-up/check-email") view={Lazy::<CheckEmailRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/sign-up/application-received") view={Lazy::<ApplicationReceivedRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/activate/:token") view={Lazy::<ActivateRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/invitation/:token") view={Lazy::<InvitationRoute>::new()} ssr=SsrMode::Async />
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

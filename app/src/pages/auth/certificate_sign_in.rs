//! The sign-in page's part in certificate sign-in (ID-5): why the last attempt was refused,
//! and the way to the HTTPS listener, when the server has one.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    api::auth::certificate_sign_in_url, i18n::t, model::login_certificates::CertificateRefusal,
};

/// The refusal the server sent back in `?certificate=<code>`.
#[component]
pub fn CertificateRefused() -> impl IntoView {
    let query = use_query_map();
    let refusal = move || {
        query
            .read()
            .get("certificate")
            .and_then(|code| CertificateRefusal::from_code(&code))
    };
    move || {
        refusal().map(|r| {
            view! { <div class="alert alert-error" role="alert">{r.msg().text(crate::i18n::use_lang())}</div> }
        })
    }
}

/// "Sign in with a certificate", linking to the HTTPS listener; nothing without one.
#[component]
pub fn CertificateSignInLink() -> impl IntoView {
    let url = Resource::new_blocking(|| (), |_| certificate_sign_in_url());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                url.await.ok().flatten().map(|href| {
                    view! {
                        <p class="certificate-sign-in">
                            <a class="button button-quiet" href=href>{t("sign-in-certificate")}</a>
                        </p>
                    }
                })
            })}
        </Suspense>
    }
}

use leptos::prelude::*;

use crate::{components::auth_card::AuthCard, i18n::t};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <AuthCard title="page-not-found">
            <p>{t("not-found-message")}</p>
            <a class="button" href="/">{t("not-found-home")}</a>
        </AuthCard>
    }
}

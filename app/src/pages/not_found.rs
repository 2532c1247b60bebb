use leptos::prelude::*;

use crate::components::auth_card::AuthCard;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <leptos_meta::Title text="Page not found · Rootline" />
        <AuthCard title="Page not found">
            <p>"There is nothing at this address. Check the link, or start from the portal."</p>
            <a class="button" href="/">"Go to the portal"</a>
        </AuthCard>
    }
}

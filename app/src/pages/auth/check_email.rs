use leptos::prelude::*;

use crate::{components::auth_card::AuthMessage, i18n::t};

#[component]
pub fn CheckEmailPage() -> impl IntoView {
    view! {
        <AuthMessage
            title="page-check-email"
            message="check-email-message"
            note="check-email-note"
        >
            <a class="button" href="/sign-in">{t("common-go-to-sign-in")}</a>
        </AuthMessage>
    }
}

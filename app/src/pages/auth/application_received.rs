use leptos::prelude::*;

use crate::components::auth_card::AuthMessage;

#[component]
pub fn ApplicationReceivedPage() -> impl IntoView {
    view! {
        <AuthMessage
            title="page-application-received"
            message="application-received-message"
            note="application-received-note"
        />
    }
}

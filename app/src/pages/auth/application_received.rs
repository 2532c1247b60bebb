use leptos::prelude::*;

use crate::components::auth_card::AuthMessage;

#[component]
pub fn ApplicationReceivedPage() -> impl IntoView {
    view! {
        <AuthMessage
            title="Application received"
            message="Thank you for applying to become a partner. Our operators review every partner \
                application; once yours is approved we e-mail you an activation link to set your password."
            note="We have sent a confirmation of your application to the address you gave."
        />
    }
}

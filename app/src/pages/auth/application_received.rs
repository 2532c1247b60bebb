use leptos::prelude::*;

use crate::components::auth_card::AuthCard;

#[component]
pub fn ApplicationReceivedPage() -> impl IntoView {
    view! {
        <leptos_meta::Title text="Application received · Rootline" />
        <AuthCard title="Application received">
            <p>
                "Thank you for applying to become a partner. Our operators review every partner "
                "application; once yours is approved we e-mail you an activation link to set your password."
            </p>
            <p class="muted">"We have sent a confirmation of your application to the address you gave."</p>
        </AuthCard>
    }
}

use leptos::prelude::*;

use crate::components::auth_card::AuthCard;

#[component]
pub fn CheckEmailPage() -> impl IntoView {
    view! {
        <leptos_meta::Title text="Check your e-mail · Rootline" />
        <AuthCard title="Check your e-mail">
            <p>
                "We have sent an e-mail to the address you gave. Open its link within 24 hours to "
                "choose your password and activate your account."
            </p>
            <p class="muted">"The link works once. Nothing arrived? Check your spam folder."</p>
            <a class="button" href="/sign-in">"Go to sign in"</a>
        </AuthCard>
    }
}

use leptos::prelude::*;

use crate::components::auth_card::AuthMessage;

#[component]
pub fn CheckEmailPage() -> impl IntoView {
    view! {
        <AuthMessage
            title="Check your e-mail"
            message="We have sent an e-mail to the address you gave. Open its link within 24 hours to \
                choose your password and activate your account."
            note="The link works once. Nothing arrived? Check your spam folder."
        >
            <a class="button" href="/sign-in">"Go to sign in"</a>
        </AuthMessage>
    }
}

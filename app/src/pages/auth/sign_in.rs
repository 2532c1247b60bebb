use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    api::auth::SignIn,
    components::{
        auth_card::AuthCard,
        field::{Field, FieldRule},
        form_alert::{FormAlert, Notice},
        passkey_gate::PasskeyGate,
    },
    i18n::t,
};

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let query = use_query_map();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let field_error =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let notice = move || {
        let q = query.read();
        if q.get("activated").is_some() {
            Some(t("sign-in-activated"))
        } else if q.get("signed_out").is_some() {
            Some(t("sign-in-signed-out"))
        } else {
            None
        }
    };
    // A page to return to after signing in (an invitation link); the server follows only
    // local paths.
    let next = move || query.read().get("next").unwrap_or_default();
    // The address a refused post (without script) typed, to show again.
    let kept = crate::api::refill::take("/sign-in");
    let email = crate::api::refill::value(&kept, "email").unwrap_or_default();
    view! {
        <AuthCard title="page-sign-in">
            {move || notice().map(|n| view! { <Notice>{n}</Notice> })}
            <super::certificate_sign_in::CertificateRefused />
            <ActionForm action=action>
                <FormAlert error=error />
                {move || {
                    let next = next();
                    (!next.is_empty()).then(|| view! { <input type="hidden" name="next" value=next /> })
                }}
                <Field label=t("field-email") name="email" input_type="email" autocomplete="username" value=email
                    server_error=field_error("email")
                    validate=FieldRule::Email />
                <Field label=t("field-password") name="password" input_type="password"
                    autocomplete="current-password" server_error=field_error("password") />
                <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { t("sign-in-busy") } else { t("sign-in-button") }}
                </button>
            </ActionForm>
            <PasskeyGate path="/sign-in">
                <super::passkey_sign_in::PasskeySignInLink />
            </PasskeyGate>
            <super::certificate_sign_in::CertificateSignInLink />
            <p class="muted">{t("sign-in-new-here")}" " <a href="/sign-up">{t("sign-in-create-account")}</a></p>
        </AuthCard>
    }
}

use leptos::prelude::*;

use crate::{
    api::profile::{ChangePassword, ProfileUpdate, profile_get},
    components::{
        field::{Field, rule},
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
        query_notice,
    },
    error::AppError,
    model::{SessionView, password, profile::ProfileView, text},
};

#[component]
pub fn ProfilePage() -> impl IntoView {
    view! { <Portal title="Profile" page=|_s: SessionView| view! { <Profile /> } /> }
}

#[component]
fn Profile() -> impl IntoView {
    let notice = query_notice(&[
        ("saved", "Your profile was saved."),
        (
            "password",
            "Your password was changed; your other sessions have ended.",
        ),
    ]);
    let profile = Resource::new_blocking(notice, |_| profile_get());
    view! {
        {move || notice().map(|n| view! { <Notice>{n}</Notice> })}
        <Loaded resource=profile let:p>
            <Details profile=p /> <Password />
        </Loaded>
        // Siblings of the details, not inside their Suspense: each loads its own list, and
        // nested inside the details' resolved content they broke hydration of /profile when it
        // was loaded directly (the passkey spec loads it so).
        <super::authenticator_app::AuthenticatorApp />
        <super::passkeys::Passkeys />
        <super::login_certificates::LoginCertificates />
    }
}

#[component]
fn Details(profile: ProfileView) -> impl IntoView {
    let action = ServerAction::<ProfileUpdate>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    view! {
        <section class="card form-card" aria-labelledby="details-heading">
            <h2 id="details-heading">"Your details"</h2>
            <dl class="facts">
                <dt>"E-mail"</dt><dd>{profile.email.clone()}</dd>
                <dt>"Employee ID"</dt><dd>{if profile.employee_id.is_empty() { "—".to_owned() } else { profile.employee_id.clone() }}</dd>
            </dl>
            <ActionForm action=action>
                <FormAlert error=Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
                <Field label="Full name" name="name" autocomplete="name" value=profile.name.clone()
                    server_error=field("name") validate=rule(|v| text::person_name(v).map(|_| ())) />
                <Field label="Mobile number" name="mobile" input_type="tel" autocomplete="tel" value=profile.mobile.clone()
                    server_error=field("mobile") validate=rule(|v| text::mobile(v).map(|_| ())) />
                <Field label="Designation" name="designation" required=false value=profile.designation.clone()
                    server_error=field("designation") />
                <div class="form-actions">
                    <button type="submit" class="button button-primary">"Save details"</button>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn Password() -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    view! {
        <section class="card form-card" aria-labelledby="password-heading">
            <h2 id="password-heading">"Change password"</h2>
            <p class="lead">"Your other sessions end when the password changes."</p>
            <ActionForm action=action>
                <FormAlert error=Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
                <Field label="Current password" name="current_password" input_type="password"
                    autocomplete="current-password" server_error=field("current_password") />
                <Field label="New password" name="password" input_type="password" autocomplete="new-password"
                    hint="12 or more characters, with a letter and a digit or symbol."
                    server_error=field("password") validate=rule(|v| password::check_new_password(v, None)) />
                <Field label="Confirm new password" name="password_confirmation" input_type="password"
                    autocomplete="new-password" server_error=field("password_confirmation") />
                <div class="form-actions">
                    <button type="submit" class="button button-primary">"Change password"</button>
                </div>
            </ActionForm>
        </section>
    }
}

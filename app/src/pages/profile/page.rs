use leptos::prelude::*;

use crate::{
    api::profile::{ChangePassword, ProfileUpdate, profile_get},
    components::{
        field::{Field, FieldRule},
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
        query_notice,
    },
    error::AppError,
    i18n::t,
    model::{SessionView, profile::ProfileView},
};

/// The notice for each flag the profile's forms come back with: catalogue keys, shown in the
/// page's language.
const NOTICES: &[(&str, &str)] = &[
    ("saved", "profile-saved"),
    ("password", "profile-password-changed"),
];

#[component]
pub fn ProfilePage() -> impl IntoView {
    view! { <Portal title="page-profile" page=|_s: SessionView| view! { <Profile /> } /> }
}

#[component]
fn Profile() -> impl IntoView {
    let notice = query_notice(NOTICES);
    let profile = Resource::new_blocking(notice, |_| profile_get());
    view! {
        {move || notice().map(|key| view! { <Notice>{t(key)}</Notice> })}
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
            <h2 id="details-heading">{t("profile-details")}</h2>
            <dl class="facts">
                <dt>{t("profile-email")}</dt><dd>{profile.email.clone()}</dd>
                <dt>{t("profile-employee-id")}</dt><dd>{if profile.employee_id.is_empty() { "—".to_owned() } else { profile.employee_id.clone() }}</dd>
            </dl>
            <ActionForm action=action>
                <FormAlert error=Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
                <Field label=t("field-full-name") name="name" autocomplete="name" value=profile.name.clone()
                    server_error=field("name") validate=FieldRule::PersonName />
                <Field label=t("field-mobile") name="mobile" input_type="tel" autocomplete="tel" value=profile.mobile.clone()
                    server_error=field("mobile") validate=FieldRule::Mobile />
                <Field label=t("profile-designation") name="designation" required=false value=profile.designation.clone()
                    server_error=field("designation") />
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{t("profile-save-details")}</button>
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
            <h2 id="password-heading">{t("profile-change-password")}</h2>
            <p class="lead">{t("profile-password-lead")}</p>
            <ActionForm action=action>
                <FormAlert error=Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
                <Field label=t("profile-current-password") name="current_password" input_type="password"
                    autocomplete="current-password" server_error=field("current_password") />
                <Field label=t("field-new-password") name="password" input_type="password" autocomplete="new-password"
                    hint=t("profile-password-hint")
                    server_error=field("password") validate=FieldRule::NewPassword />
                <Field label=t("profile-confirm-new-password") name="password_confirmation" input_type="password"
                    autocomplete="new-password" server_error=field("password_confirmation") />
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{t("profile-change-password")}</button>
                </div>
            </ActionForm>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::NOTICES;
    use crate::i18n::{Lang, tr};

    /// The catalogue test finds keys only in `t(…)` calls; these go through `query_notice`.
    #[test]
    fn the_i18n_catalogue_has_each_notice_in_english_and_polish() {
        let english: Vec<_> = NOTICES.iter().map(|(_, key)| tr(Lang::En, key)).collect();
        assert_eq!(
            english,
            [
                "Your profile was saved.",
                "Your password was changed; your other sessions have ended."
            ]
        );
        for (_, key) in NOTICES {
            assert_ne!(
                tr(Lang::Pl, key),
                tr(Lang::En, key),
                "{key} has no Polish text"
            );
        }
    }
}

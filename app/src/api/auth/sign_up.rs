use leptos::prelude::*;

use crate::error::AppError;

/// Where the browser goes after a sign-up, by what happens next.
pub const CHECK_EMAIL_PATH: &str = "/sign-up/check-email";
pub const APPLICATION_RECEIVED_PATH: &str = "/sign-up/application-received";

/// Creates an Enterprise or Partner account with its first administrator; the form's fields
/// are [`SignUpForm`]'s.
#[server(endpoint = "auth/sign-up")]
pub async fn sign_up(#[server(flatten)] form: crate::model::SignUpForm) -> Result<(), AppError> {
    use crate::model::sign_up::fields;
    // Refused, the form comes back as it was typed (the page is plain HTML).
    let kept = [
        (fields::KIND, form.kind.clone()),
        (fields::NAME, form.name.clone()),
        (fields::EMAIL, form.email.clone()),
        (fields::MOBILE, form.mobile.clone()),
        (fields::ORGANIZATION, form.organization.clone()),
        (fields::COUNTRY, form.country.clone()),
    ];
    let result = crate::api::call(|backend, meta| async move {
        use crate::ports::SignUpOutcome;
        let next = match backend.identity.sign_up(&meta, form).await? {
            SignUpOutcome::ActivationSent => CHECK_EMAIL_PATH,
            SignUpOutcome::AwaitingApproval => APPLICATION_RECEIVED_PATH,
        };
        leptos_axum::redirect(next);
        Ok(())
    })
    .await;
    let kept: Vec<(&str, &str)> = kept.iter().map(|(n, v)| (*n, v.as_str())).collect();
    crate::api::refill::keep_if_refused(result, SIGN_UP_PATH, &kept)
}

/// The sign-up page.
pub const SIGN_UP_PATH: &str = "/sign-up";

use leptos::prelude::*;

use crate::error::AppError;

/// Where the browser goes after a sign-up, by what happens next.
pub const CHECK_EMAIL_PATH: &str = "/sign-up/check-email";
pub const APPLICATION_RECEIVED_PATH: &str = "/sign-up/application-received";

/// Creates an Enterprise or Partner account with its first administrator; the form's fields
/// are [`SignUpForm`]'s.
#[server(endpoint = "auth/sign-up")]
pub async fn sign_up(#[server(flatten)] form: crate::model::SignUpForm) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        use crate::ports::SignUpOutcome;
        let next = match backend.identity.sign_up(&meta, form).await? {
            SignUpOutcome::ActivationSent => CHECK_EMAIL_PATH,
            SignUpOutcome::AwaitingApproval => APPLICATION_RECEIVED_PATH,
        };
        leptos_axum::redirect(next);
        Ok(())
    })
    .await
}

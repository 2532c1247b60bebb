use leptos::prelude::*;

use crate::error::AppError;

/// Where the browser goes after a sign-up, by what happens next.
pub const CHECK_EMAIL_PATH: &str = "/sign-up/check-email";
pub const APPLICATION_RECEIVED_PATH: &str = "/sign-up/application-received";

#[server(endpoint = "auth/sign-up")]
pub async fn sign_up(
    kind: String,
    name: String,
    email: String,
    mobile: String,
    organization: String,
    country: String,
    accept_terms: Option<String>,
) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        use crate::{model::SignUpForm, ports::SignUpOutcome};
        let form = SignUpForm {
            kind,
            name,
            email,
            mobile,
            organization,
            country,
            accept_terms: accept_terms.is_some(),
        };
        let next = match backend.identity.sign_up(&meta, form).await? {
            SignUpOutcome::ActivationSent => CHECK_EMAIL_PATH,
            SignUpOutcome::AwaitingApproval => APPLICATION_RECEIVED_PATH,
        };
        leptos_axum::redirect(next);
        Ok(())
    })
    .await
}

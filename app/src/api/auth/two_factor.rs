use leptos::prelude::*;

use crate::{error::AppError, model::two_factor::EnrolmentView};

/// The secret to enrol, for a sign-in that must enrol an authenticator app.
#[server(endpoint = "auth/two-factor/enrolment")]
pub async fn two_factor_enrolment() -> Result<EnrolmentView, AppError> {
    crate::api::call(|backend, meta| async move { backend.identity.enrolment(&meta).await }).await
}

/// Confirms the authenticator app with its current code; returns the recovery codes.
#[server(endpoint = "auth/two-factor/confirm")]
pub async fn two_factor_confirm(code: String) -> Result<Vec<String>, AppError> {
    crate::api::call(|backend, meta| async move {
        backend.identity.confirm_enrolment(&meta, code).await
    })
    .await
}

/// Completes a sign-in with the app's current code or a recovery code.
#[server(endpoint = "auth/two-factor/verify")]
pub async fn two_factor_verify(code: String) -> Result<(), AppError> {
    crate::api::call_then_redirect("/", |backend, meta| async move {
        backend.identity.verify_code(&meta, code).await
    })
    .await
}

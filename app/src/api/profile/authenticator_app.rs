//! The signed-in user's own authenticator app: its state, setting one up, new recovery codes
//! and removing it.

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::two_factor::{AuthenticatorAppView, EnrolmentView},
};

#[server(endpoint = "profile/authenticator-app")]
pub async fn authenticator_app() -> Result<AuthenticatorAppView, AppError> {
    crate::api::call(|backend, meta| async move { backend.identity.authenticator_app(&meta).await })
        .await
}

/// The secret to scan, for a user without an app.
#[server(endpoint = "profile/authenticator-app/start")]
pub async fn authenticator_app_start() -> Result<EnrolmentView, AppError> {
    crate::api::call(|backend, meta| async move {
        backend.identity.start_authenticator_app(&meta).await
    })
    .await
}

/// Confirms the app with its first code; returns the recovery codes, shown once.
#[server(endpoint = "profile/authenticator-app/confirm")]
pub async fn authenticator_app_confirm(code: String) -> Result<Vec<String>, AppError> {
    crate::api::call(|backend, meta| async move {
        backend
            .identity
            .confirm_authenticator_app(&meta, code)
            .await
    })
    .await
}

/// New recovery codes for a current code from the app.
#[server(endpoint = "profile/authenticator-app/recovery-codes")]
pub async fn recovery_codes_renew(code: String) -> Result<Vec<String>, AppError> {
    crate::api::call(|backend, meta| async move {
        backend.identity.renew_recovery_codes(&meta, code).await
    })
    .await
}

/// Removes the app (refused where the account requires one).
#[server(endpoint = "profile/authenticator-app/remove")]
pub async fn authenticator_app_remove(password: String) -> Result<(), AppError> {
    crate::api::call_then_redirect("/profile?app=removed", |backend, meta| async move {
        backend
            .identity
            .remove_authenticator_app(&meta, password)
            .await
    })
    .await
}

use leptos::prelude::*;

use crate::error::AppError;

/// Registers a certificate (PEM text) for the signed-in user to sign in with. Any signed-in
/// user, for themselves.
#[server(endpoint = "profile/login-certificates/register")]
pub async fn login_certificate_register(
    label: String,
    certificate: String,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/profile?certificate=added", |backend, meta| async move {
        backend
            .identity
            .register_login_certificate(&meta, label, certificate)
            .await
    })
    .await
}

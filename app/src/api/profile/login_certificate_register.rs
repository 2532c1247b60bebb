use leptos::prelude::*;

use crate::error::AppError;

/// Registers a certificate (PEM text) for the signed-in user to sign in with. Any signed-in
/// user, for themselves.
#[server(endpoint = "profile/login-certificates/register")]
pub async fn login_certificate_register(
    label: String,
    certificate: String,
) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend
                .identity
                .register_login_certificate(&meta, label, certificate)
                .await?;
            leptos_axum::redirect("/profile?certificate=added");
            Ok(())
        }
        .await,
    )
}

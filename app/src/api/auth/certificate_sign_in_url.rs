use leptos::prelude::*;

use crate::error::AppError;

/// Where to sign in with a certificate (the HTTPS listener), when the server has one. Public.
#[server(endpoint = "auth/certificate-sign-in-url")]
pub async fn certificate_sign_in_url() -> Result<Option<String>, AppError> {
    crate::api::call(
        |backend, _meta| async move { backend.identity.certificate_sign_in_url().await },
    )
    .await
}

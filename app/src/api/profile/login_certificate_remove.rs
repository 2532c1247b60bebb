use leptos::prelude::*;

use crate::error::AppError;

/// Removes one of the signed-in user's sign-in certificates; another user's is not found.
#[server(endpoint = "profile/login-certificates/remove")]
pub async fn login_certificate_remove(id: i32) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.identity.remove_login_certificate(&meta, id).await?;
            leptos_axum::redirect("/profile?certificate=removed");
            Ok(())
        }
        .await,
    )
}

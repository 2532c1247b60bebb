use leptos::prelude::*;

use crate::error::AppError;

/// Removes one of the signed-in user's sign-in certificates; another user's is not found.
#[server(endpoint = "profile/login-certificates/remove")]
pub async fn login_certificate_remove(id: i32) -> Result<(), AppError> {
    crate::api::call_then_redirect("/profile?certificate=removed", |backend, meta| async move {
        backend.identity.remove_login_certificate(&meta, id).await
    })
    .await
}

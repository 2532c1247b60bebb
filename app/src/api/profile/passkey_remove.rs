use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "profile/passkeys/remove")]
pub async fn passkey_remove(id: i32) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.passkeys.remove(&meta, id).await?;
            leptos_axum::redirect("/profile?passkey=removed");
            Ok(())
        }
        .await,
    )
}

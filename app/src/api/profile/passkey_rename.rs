use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "profile/passkeys/rename")]
pub async fn passkey_rename(id: i32, name: String) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.passkeys.rename(&meta, id, name).await?;
            leptos_axum::redirect("/profile?passkey=renamed");
            Ok(())
        }
        .await,
    )
}

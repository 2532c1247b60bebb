use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "profile/passkeys/rename")]
pub async fn passkey_rename(id: i32, name: String) -> Result<(), AppError> {
    crate::api::call_then_redirect("/profile?passkey=renamed", |backend, meta| async move {
        backend.passkeys.rename(&meta, id, name).await
    })
    .await
}

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "profile/passkeys/remove")]
pub async fn passkey_remove(id: i32) -> Result<(), AppError> {
    crate::api::call_then_redirect("/profile?passkey=removed", |backend, meta| async move {
        backend.passkeys.remove(&meta, id).await
    })
    .await
}

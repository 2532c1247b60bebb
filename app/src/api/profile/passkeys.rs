use leptos::prelude::*;

use crate::{error::AppError, model::passkeys::PasskeyView};

/// The signed-in user's passkeys.
#[server(endpoint = "profile/passkeys")]
pub async fn passkeys_list() -> Result<Vec<PasskeyView>, AppError> {
    crate::api::call(|backend, meta| async move { backend.passkeys.passkeys(&meta).await }).await
}

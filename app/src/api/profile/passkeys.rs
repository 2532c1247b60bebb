use leptos::prelude::*;

use crate::{error::AppError, model::passkeys::PasskeyView};

/// The signed-in user's passkeys.
#[server(endpoint = "profile/passkeys")]
pub async fn passkeys_list() -> Result<Vec<PasskeyView>, AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.passkeys.passkeys(&meta).await
        }
        .await,
    )
}

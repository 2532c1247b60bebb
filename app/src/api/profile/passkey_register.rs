use leptos::prelude::*;

use crate::{error::AppError, model::passkeys::PasskeyChallengeView};

/// A challenge for registering a new passkey of the signed-in user.
#[server(endpoint = "profile/passkeys/challenge")]
pub async fn passkey_registration_start() -> Result<PasskeyChallengeView, AppError> {
    crate::api::call(
        |backend, meta| async move { backend.passkeys.start_registration(&meta).await },
    )
    .await
}

/// Keeps the new passkey, once its answer to the challenge verifies.
#[server(endpoint = "profile/passkeys/register")]
pub async fn passkey_registration_finish(
    ceremony: String,
    name: String,
    credential: String,
) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        backend
            .passkeys
            .finish_registration(&meta, ceremony, name, credential)
            .await
    })
    .await
}

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::passkeys::{PasskeyChallengeView, SecondFactorChoicesView},
};

/// What a sign-in that owes its second factor can use: a code, a passkey, or both.
#[server(endpoint = "auth/two-factor/choices")]
pub async fn second_factor_choices() -> Result<SecondFactorChoicesView, AppError> {
    crate::api::call(
        |backend, meta| async move { backend.passkeys.second_factor_choices(&meta).await },
    )
    .await
}

/// A challenge only the half-signed-in user's passkeys can answer.
#[server(endpoint = "auth/two-factor/passkey-challenge")]
pub async fn passkey_second_factor_start() -> Result<PasskeyChallengeView, AppError> {
    crate::api::call(
        |backend, meta| async move { backend.passkeys.start_second_factor(&meta).await },
    )
    .await
}

/// Completes the sign-in with the passkey's answer.
#[server(endpoint = "auth/two-factor/passkey")]
pub async fn passkey_second_factor_finish(
    ceremony: String,
    credential: String,
) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        backend
            .passkeys
            .finish_second_factor(&meta, ceremony, credential)
            .await
    })
    .await
}

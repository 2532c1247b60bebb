use leptos::prelude::*;

use crate::{error::AppError, model::passkeys::PasskeyChallengeView};

/// A challenge any registered passkey can answer (sign-in without a password).
#[server(endpoint = "auth/passkey/challenge")]
pub async fn passkey_sign_in_start() -> Result<PasskeyChallengeView, AppError> {
    crate::api::call(|backend, meta| async move { backend.passkeys.start_sign_in(&meta).await })
        .await
}

/// Signs in with the passkey's answer; returns the page to continue on.
#[server(endpoint = "auth/passkey/sign-in")]
pub async fn passkey_sign_in_finish(
    ceremony: String,
    credential: String,
) -> Result<String, AppError> {
    crate::api::call(|backend, meta| async move {
        let signed_in = backend
            .passkeys
            .finish_sign_in(&meta, ceremony, credential)
            .await?;
        let next = signed_in.next_page().to_owned();
        crate::api::set_cookie(signed_in.cookie)?;
        if let Some(lang) = signed_in.lang_cookie {
            crate::api::set_cookie(lang)?;
        }
        Ok(next)
    })
    .await
}

use leptos::prelude::*;

use crate::error::AppError;

/// The invited user, signed in, declines; the account never gets them.
#[server(endpoint = "auth/invitation/decline")]
pub async fn decline_invitation(token: String) -> Result<(), AppError> {
    crate::api::call_then_redirect("/choose-account?declined=1", |backend, meta| async move {
        backend.identity.decline_invitation(&meta, &token).await
    })
    .await
}

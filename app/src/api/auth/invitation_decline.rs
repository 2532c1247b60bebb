use leptos::prelude::*;

use crate::error::AppError;

/// The invited user, signed in, declines; the account never gets them.
#[server(endpoint = "auth/invitation/decline")]
pub async fn decline_invitation(token: String) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.identity.decline_invitation(&meta, &token).await?;
            leptos_axum::redirect("/choose-account?declined=1");
            Ok(())
        }
        .await,
    )
}

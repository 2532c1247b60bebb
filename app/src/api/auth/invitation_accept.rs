use leptos::prelude::*;

use crate::error::AppError;

/// The invited user, signed in, joins the account. Then they choose where to work.
#[server(endpoint = "auth/invitation/accept")]
pub async fn accept_invitation(token: String) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.identity.accept_invitation(&meta, &token).await?;
            leptos_axum::redirect("/choose-account?joined=1");
            Ok(())
        }
        .await,
    )
}

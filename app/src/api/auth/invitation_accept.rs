use leptos::prelude::*;

use crate::error::AppError;

/// The invited user, signed in, joins the account. Then they choose where to work.
#[server(endpoint = "auth/invitation/accept")]
pub async fn accept_invitation(token: String) -> Result<(), AppError> {
    crate::api::call_then_redirect("/choose-account?joined=1", |backend, meta| async move {
        backend.identity.accept_invitation(&meta, &token).await
    })
    .await
}

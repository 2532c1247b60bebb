use leptos::prelude::*;

use crate::{error::AppError, model::invitation::InvitationView};

/// What an invitation link shows: anyone holding the link may look; only the invited user,
/// signed in, may answer.
#[server(endpoint = "auth/invitation")]
pub async fn invitation_details(token: String) -> Result<InvitationView, AppError> {
    crate::api::call(
        |backend, meta| async move { backend.identity.invitation(&meta, &token).await },
    )
    .await
}

use leptos::prelude::*;

use crate::{error::AppError, model::profile::ProfileView};

/// The signed-in user's profile. Any signed-in user.
#[server(endpoint = "profile/get")]
pub async fn profile_get() -> Result<ProfileView, AppError> {
    crate::api::call(|backend, meta| async move { backend.identity.profile(&meta).await }).await
}

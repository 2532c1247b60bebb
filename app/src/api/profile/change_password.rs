use leptos::prelude::*;

use crate::error::AppError;

/// Changes the signed-in user's password; their other sessions end. Any signed-in user.
#[server(endpoint = "profile/password")]
pub async fn change_password(
    current_password: String,
    password: String,
    password_confirmation: String,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/profile?password=1", |backend, meta| async move {
        backend
            .identity
            .change_password(&meta, current_password, password, password_confirmation)
            .await
    })
    .await
}

use leptos::prelude::*;

use crate::error::AppError;

/// Deactivates a user in the account; their sessions there end at once. Needs `ManageUsers`.
#[server(endpoint = "users/deactivate")]
pub async fn user_deactivate(id: i32) -> Result<(), AppError> {
    crate::api::call_then_redirect("/users?deactivated=1", |backend, meta| async move {
        backend.access.deactivate_user(&meta, id).await
    })
    .await
}

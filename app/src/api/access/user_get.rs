use leptos::prelude::*;

use crate::{error::AppError, model::UserSummary};

/// One user of the account; another account's id answers NotFound. Needs `ManageUsers`.
#[server(endpoint = "users/get")]
pub async fn user_get(id: i32) -> Result<UserSummary, AppError> {
    crate::api::call(|backend, meta| async move { backend.access.user(&meta, id).await }).await
}

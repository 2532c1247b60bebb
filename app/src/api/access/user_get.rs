use leptos::prelude::*;

use crate::{error::AppError, model::UserSummary};

/// One user of the account; another account's id answers NotFound. Needs `ManageUsers`.
#[server(endpoint = "users/get")]
pub async fn user_get(id: i32) -> Result<UserSummary, AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.access.user(&meta, id).await
        }
        .await,
    )
}

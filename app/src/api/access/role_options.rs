use leptos::prelude::*;

use crate::error::AppError;

/// The roles the caller may give in the user form. Needs `ManageUsers`.
#[server(endpoint = "roles/options")]
pub async fn role_options() -> Result<Vec<crate::model::roles::RoleOption>, AppError> {
    crate::api::call(|backend, meta| async move { backend.access.role_options(&meta).await }).await
}

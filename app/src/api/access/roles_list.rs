use leptos::prelude::*;

use crate::{error::AppError, model::roles::RolesPage};

/// The built-in roles and the account's custom roles. Needs `ManageRoles`.
#[server(endpoint = "roles/list")]
pub async fn roles_list() -> Result<RolesPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.access.roles(&meta).await }).await
}

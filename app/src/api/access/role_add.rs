use leptos::prelude::*;

use crate::{error::AppError, model::roles::CustomRoleForm};

/// Adds a custom role. Needs `ManageRoles`; each permission as `permissions[<index>]`.
#[server(endpoint = "roles/add")]
pub async fn role_add(#[server(flatten)] form: CustomRoleForm) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/roles?saved=1", |backend, meta| async move {
        backend.access.add_role(&meta, form).await
    })
    .await
}

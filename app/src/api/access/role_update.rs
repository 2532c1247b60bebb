use leptos::prelude::*;

use crate::{error::AppError, model::roles::CustomRoleForm};

/// Changes a custom role of the account. Needs `ManageRoles`.
#[server(endpoint = "roles/update")]
pub async fn role_update(id: i32, #[server(flatten)] form: CustomRoleForm) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/roles?saved=1", |backend, meta| async move {
        backend.access.update_role(&meta, id, form).await
    })
    .await
}

use leptos::prelude::*;

use crate::error::AppError;

/// Deletes a custom role nobody holds. Needs `ManageRoles`.
#[server(endpoint = "roles/delete")]
pub async fn role_delete(id: i32) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/roles?deleted=1", |backend, meta| async move {
        backend.access.delete_role(&meta, id).await
    })
    .await
}

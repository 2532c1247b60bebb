use leptos::prelude::*;

use crate::{error::AppError, model::roles::RolesPage};

/// The built-in roles and the account's custom roles. Needs `ManageRoles`.
#[server(endpoint = "roles/list")]
pub async fn roles_list() -> Result<RolesPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.access.roles(&meta).await }).await
}

/// Adds a custom role. Needs `ManageRoles`; each permission as `permissions[<index>]`.
#[server(endpoint = "roles/add")]
pub async fn role_add(
    name: String,
    description: String,
    #[server(default)] permissions: Vec<String>,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/roles?saved=1", |backend, meta| async move {
        let form = crate::model::roles::CustomRoleForm {
            name,
            description,
            permissions,
        };
        backend.access.add_role(&meta, form).await
    })
    .await
}

/// Changes a custom role of the account. Needs `ManageRoles`.
#[server(endpoint = "roles/update")]
pub async fn role_update(
    id: i32,
    name: String,
    description: String,
    #[server(default)] permissions: Vec<String>,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/roles?saved=1", |backend, meta| async move {
        let form = crate::model::roles::CustomRoleForm {
            name,
            description,
            permissions,
        };
        backend.access.update_role(&meta, id, form).await
    })
    .await
}

/// Deletes a custom role nobody holds. Needs `ManageRoles`.
#[server(endpoint = "roles/delete")]
pub async fn role_delete(id: i32) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/roles?deleted=1", |backend, meta| async move {
        backend.access.delete_role(&meta, id).await
    })
    .await
}

/// The roles the caller may give in the user form. Needs `ManageUsers`.
#[server(endpoint = "roles/options")]
pub async fn role_options() -> Result<Vec<crate::model::roles::RoleOption>, AppError> {
    crate::api::call(|backend, meta| async move { backend.access.role_options(&meta).await }).await
}

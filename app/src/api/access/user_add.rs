use leptos::prelude::*;

use crate::error::AppError;

/// Adds a user to the account and sends the activation e-mail, or invites an address that
/// already has a user. Needs `ManageUsers`.
#[server(endpoint = "users/add")]
pub async fn user_add(
    name: String,
    email: String,
    mobile: String,
    designation: String,
    employee_id: String,
    role: String,
    group_access: String,
) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let form = crate::model::UserForm {
            name,
            email,
            mobile,
            designation,
            employee_id,
            role,
            group_access,
        };
        let next = match backend.access.add_user(&meta, form).await? {
            crate::model::users::AddUserOutcome::Added(_) => "/users?added=1",
            crate::model::users::AddUserOutcome::Invited => "/users?invited=1",
        };
        leptos_axum::redirect(next);
        Ok(())
    })
    .await
}

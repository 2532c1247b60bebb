use leptos::prelude::*;

use crate::error::AppError;

/// Changes a user's role, group access and employee ID, and their personal details unless
/// they are shared with another account (the form then leaves them out). Needs `ManageUsers`.
#[server(endpoint = "users/update")]
#[allow(clippy::too_many_arguments)]
pub async fn user_update(
    id: i32,
    name: Option<String>,
    mobile: Option<String>,
    designation: Option<String>,
    employee_id: String,
    role: String,
    group_access: String,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/users?saved=1", |backend, meta| async move {
        let form = crate::model::UserForm {
            name: name.unwrap_or_default(),
            email: String::new(),
            mobile: mobile.unwrap_or_default(),
            designation: designation.unwrap_or_default(),
            employee_id,
            role,
            group_access,
        };
        backend.access.update_user(&meta, id, form).await
    })
    .await
}

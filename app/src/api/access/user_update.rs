use leptos::prelude::*;

use crate::error::AppError;

/// Changes a user's details, role and group access. Needs `ManageUsers`.
#[server(endpoint = "users/update")]
#[allow(clippy::too_many_arguments)]
pub async fn user_update(
    id: i32,
    name: String,
    mobile: String,
    designation: String,
    employee_id: String,
    role: String,
    group_access: String,
) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            let form = crate::model::UserForm {
                name,
                email: String::new(),
                mobile,
                designation,
                employee_id,
                role,
                group_access,
            };
            backend.access.update_user(&meta, id, form).await?;
            leptos_axum::redirect("/users?saved=1");
            Ok(())
        }
        .await,
    )
}

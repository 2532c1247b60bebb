use leptos::prelude::*;

use crate::error::AppError;

/// Adds a user to the account and sends the activation e-mail. Needs `ManageUsers`.
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
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            let form = crate::model::UserForm {
                name,
                email,
                mobile,
                designation,
                employee_id,
                role,
                group_access,
            };
            backend.access.add_user(&meta, form).await?;
            leptos_axum::redirect("/users?added=1");
            Ok(())
        }
        .await,
    )
}

use leptos::prelude::*;

use crate::error::AppError;

/// Changes the signed-in user's name, mobile number and designation. Any signed-in user.
#[server(endpoint = "profile/update")]
pub async fn profile_update(
    name: String,
    mobile: String,
    designation: String,
) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            let form = crate::model::profile::ProfileForm {
                name,
                mobile,
                designation,
            };
            backend.identity.update_profile(&meta, form).await?;
            leptos_axum::redirect("/profile?saved=1");
            Ok(())
        }
        .await,
    )
}

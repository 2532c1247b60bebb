use leptos::prelude::*;

use crate::error::AppError;

/// Changes the signed-in user's name, mobile number and designation. Any signed-in user.
#[server(endpoint = "profile/update")]
pub async fn profile_update(
    name: String,
    mobile: String,
    designation: String,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/profile?saved=1", |backend, meta| async move {
        let form = crate::model::profile::ProfileForm {
            name,
            mobile,
            designation,
        };
        backend.identity.update_profile(&meta, form).await
    })
    .await
}

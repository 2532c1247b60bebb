use leptos::prelude::*;

use crate::{error::AppError, model::groups::GroupForm};

/// Adds a group (when the operator enabled multiple groups). Needs `ManageGroups`. The form's
/// fields arrive under their own names (`name`, `finance_mode`, …).
#[server(endpoint = "groups/add")]
pub async fn group_add(#[server(flatten)] form: GroupForm) -> Result<(), AppError> {
    crate::api::call_then_redirect("/groups?saved=1", |backend, meta| async move {
        backend.access.add_group(&meta, form).await
    })
    .await
}

use leptos::prelude::*;

use crate::{error::AppError, model::groups::GroupForm};

/// Changes a group of the account. Needs `ManageGroups`.
#[server(endpoint = "groups/update")]
pub async fn group_update(id: i32, #[server(flatten)] form: GroupForm) -> Result<(), AppError> {
    crate::api::call_then_redirect("/groups?saved=1", |backend, meta| async move {
        backend.access.update_group(&meta, id, form).await
    })
    .await
}

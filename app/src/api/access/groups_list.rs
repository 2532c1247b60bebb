use leptos::prelude::*;

use crate::{error::AppError, model::groups::GroupsPage};

/// The account's groups. Needs `ManageGroups`.
#[server(endpoint = "groups/list")]
pub async fn groups_list() -> Result<GroupsPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.access.groups(&meta).await }).await
}

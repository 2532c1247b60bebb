use leptos::prelude::*;

use crate::{error::AppError, model::groups::GroupsPage};

/// The account's groups. Needs `ManageGroups`.
#[server(endpoint = "groups/list")]
pub async fn groups_list() -> Result<GroupsPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.access.groups(&meta).await }).await
}

/// Adds a group (when the operator enabled multiple groups). Needs `ManageGroups`.
#[server(endpoint = "groups/add")]
pub async fn group_add(
    name: String,
    description: String,
    finance_mode: String,
    spend_limit: String,
    renewal_emails: String,
    #[server(default)] restricted: Option<String>,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/groups?saved=1", |backend, meta| async move {
        let form = crate::model::groups::GroupForm {
            name,
            description,
            finance_mode,
            spend_limit,
            renewal_emails,
            restricted: restricted.is_some(),
        };
        backend.access.add_group(&meta, form).await
    })
    .await
}

/// Changes a group of the account. Needs `ManageGroups`.
#[server(endpoint = "groups/update")]
pub async fn group_update(
    id: i32,
    name: String,
    description: String,
    finance_mode: String,
    spend_limit: String,
    renewal_emails: String,
    #[server(default)] restricted: Option<String>,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/groups?saved=1", |backend, meta| async move {
        let form = crate::model::groups::GroupForm {
            name,
            description,
            finance_mode,
            spend_limit,
            renewal_emails,
            restricted: restricted.is_some(),
        };
        backend.access.update_group(&meta, id, form).await
    })
    .await
}

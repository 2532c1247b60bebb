use leptos::prelude::*;

use crate::{error::AppError, model::group_members::GroupDetail};

/// A group with everyone who can use it. Needs `ManageGroups`.
#[server(endpoint = "groups/detail")]
pub async fn group_page(id: i32) -> Result<GroupDetail, AppError> {
    crate::api::call(|backend, meta| async move { backend.access.group_detail(&meta, id).await })
        .await
}

/// Adds a user of the account to a group. Needs `ManageGroups`.
#[server(endpoint = "groups/members/add")]
pub async fn group_member_add(group_id: i32, membership_id: i32) -> Result<(), AppError> {
    crate::api::call_then_group(group_id, "member=added", |backend, meta| async move {
        backend
            .access
            .add_group_member(&meta, group_id, membership_id)
            .await
    })
    .await
}

/// Takes a user out of a group. Needs `ManageGroups`.
#[server(endpoint = "groups/members/remove")]
pub async fn group_member_remove(group_id: i32, membership_id: i32) -> Result<(), AppError> {
    crate::api::call_then_group(group_id, "member=removed", |backend, meta| async move {
        backend
            .access
            .remove_group_member(&meta, group_id, membership_id)
            .await
    })
    .await
}

use leptos::prelude::*;

use crate::error::AppError;

/// Limits a group's orders to one more of the account's domains. Needs `ManageGroups`.
#[server(endpoint = "groups/domains/add")]
pub async fn group_domain_add(group_id: i32, domain: String) -> Result<(), AppError> {
    crate::api::call_then_group(group_id, "domain=added", |backend, meta| async move {
        backend
            .access
            .add_group_domain(&meta, group_id, domain)
            .await
    })
    .await
}

/// Takes a domain off a group's list (with none left it orders for all). Needs `ManageGroups`.
#[server(endpoint = "groups/domains/remove")]
pub async fn group_domain_remove(group_id: i32, domain: String) -> Result<(), AppError> {
    crate::api::call_then_group(group_id, "domain=removed", |backend, meta| async move {
        backend
            .access
            .remove_group_domain(&meta, group_id, domain)
            .await
    })
    .await
}

/// Limits a group's OV orders to one more of the account's organizations. Needs
/// `ManageGroups`.
#[server(endpoint = "groups/organizations/add")]
pub async fn group_organization_add(group_id: i32, organization_id: i32) -> Result<(), AppError> {
    crate::api::call_then_group(group_id, "organization=added", |backend, meta| async move {
        backend
            .access
            .add_group_organization(&meta, group_id, organization_id)
            .await
    })
    .await
}

/// Takes an organization off a group's list (with none left it names any). Needs
/// `ManageGroups`.
#[server(endpoint = "groups/organizations/remove")]
pub async fn group_organization_remove(
    group_id: i32,
    organization_id: i32,
) -> Result<(), AppError> {
    crate::api::call_then_group(
        group_id,
        "organization=removed",
        |backend, meta| async move {
            backend
                .access
                .remove_group_organization(&meta, group_id, organization_id)
                .await
        },
    )
    .await
}

/// Sets a group's logo from the `data:` URL the browser made of the chosen file. Needs
/// `ManageGroups`.
#[server(endpoint = "groups/logo/set")]
pub async fn group_logo_set(group_id: i32, logo: String) -> Result<(), AppError> {
    crate::api::call_then_group(group_id, "logo=set", |backend, meta| async move {
        backend.access.set_group_logo(&meta, group_id, logo).await
    })
    .await
}

/// Removes a group's logo. Needs `ManageGroups`.
#[server(endpoint = "groups/logo/remove")]
pub async fn group_logo_remove(group_id: i32) -> Result<(), AppError> {
    crate::api::call_then_group(group_id, "logo=removed", |backend, meta| async move {
        backend.access.remove_group_logo(&meta, group_id).await
    })
    .await
}

use leptos::prelude::*;

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::model::{OrganizationId, organizations::organization_page};

/// Sends the organization for vetting. Needs `ManageOrganizations`.
#[server(endpoint = "organizations/submit")]
pub async fn organization_submit(id: i32) -> Result<(), AppError> {
    let id = OrganizationId(id);
    crate::api::call_then_redirect(
        &format!("{}?submitted=1", organization_page(id)),
        |backend, meta| async move { backend.organizations.submit(&meta, id).await },
    )
    .await
}

/// Takes the organization out of use. Needs `ManageOrganizations`.
#[server(endpoint = "organizations/suspend")]
pub async fn organization_suspend(id: i32) -> Result<(), AppError> {
    let id = OrganizationId(id);
    crate::api::call_then_redirect(
        &format!("{}?suspended=1", organization_page(id)),
        |backend, meta| async move { backend.organizations.suspend(&meta, id).await },
    )
    .await
}

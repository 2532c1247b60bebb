use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::model::{OrganizationDocumentId, OrganizationId, organizations::organization_page};

/// Adds a registration document (a plain multipart form post: the organization's `id` and the
/// `document` file); the browser goes back to the organization. Needs `ManageOrganizations`.
#[server(endpoint = "organizations/document-add", input = MultipartFormData)]
pub async fn organization_document_add(data: MultipartData) -> Result<(), AppError> {
    use crate::{model::organizations::DOCUMENT_MAX_BYTES, ports::PostedFile};
    let parts = crate::api::multipart::read_parts(data, DOCUMENT_MAX_BYTES).await?;
    let id = parts
        .iter()
        .find(|p| p.name == "id")
        .and_then(|p| std::str::from_utf8(&p.bytes).ok())
        .and_then(|v| v.trim().parse::<i32>().ok())
        .map(OrganizationId)
        .ok_or_else(|| AppError::BadRequest("the organization's id".into()))?;
    let file = parts
        .into_iter()
        .find(|p| p.name == "document")
        .map(|p| PostedFile {
            file_name: p.file_name.unwrap_or_default(),
            bytes: p.bytes,
        })
        .unwrap_or_default();
    crate::api::call_then_redirect(
        &format!("{}?document_added=1", organization_page(id)),
        |backend, meta| async move { backend.organizations.add_document(&meta, id, file).await },
    )
    .await
}

/// Removes a registration document while the organization is a draft or refused. Needs
/// `ManageOrganizations`.
#[server(endpoint = "organizations/document-remove")]
pub async fn organization_document_remove(id: i32, document: i32) -> Result<(), AppError> {
    let id = OrganizationId(id);
    crate::api::call_then_redirect(
        &format!("{}?document_removed=1", organization_page(id)),
        |backend, meta| async move {
            backend
                .organizations
                .remove_document(&meta, id, OrganizationDocumentId(document))
                .await
        },
    )
    .await
}

//! Files of organizations that are not server functions: a registration document, shown in the
//! browser (`GET /organizations/{id}/documents/{document}`, and for the vetting desk
//! `GET /operator/vetting/{id}/documents/{document}`), and the organizations list as Excel
//! (`GET /organizations/export.xlsx`).

use app::{
    model::{OrganizationDocumentId, OrganizationId, organizations::OrganizationsQuery},
    ports::RequestMeta,
};
use axum::{
    Extension,
    extract::{Path, Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

use super::{
    AppState,
    file_routes::{XLSX, attachment, caller_or_refusal},
};
use crate::services::{
    organizations::{DocumentFile, ORGANIZATIONS_XLSX, OrganizationError},
    vetting::VettingError,
};

fn refused(e: OrganizationError) -> Response {
    match e {
        OrganizationError::NotFound => (StatusCode::NOT_FOUND, "No such document.").into_response(),
        OrganizationError::Forbidden(_) => {
            (StatusCode::FORBIDDEN, "Your role does not allow this.").into_response()
        }
        OrganizationError::Invalid(errors) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            errors
                .0
                .iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect::<Vec<_>>()
                .join("\n"),
        )
            .into_response(),
        OrganizationError::Refused(why) => (StatusCode::CONFLICT, why.to_string()).into_response(),
        other => (
            StatusCode::INTERNAL_SERVER_ERROR,
            super::portal::incident(&other).to_string(),
        )
            .into_response(),
    }
}

/// The file name as a header may carry it: letters, digits, dot, dash and underscore.
fn header_file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A document shown in the browser's own viewer, never as a page of this site: the bytes were
/// checked to be a PDF, PNG or JPEG when they were uploaded.
fn inline(file: DocumentFile) -> Response {
    (
        [
            (header::CONTENT_TYPE, file.content_type.mime().to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{}\"", header_file_name(&file.file_name)),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        file.bytes,
    )
        .into_response()
}

pub async fn document(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Path((id, document)): Path<(i32, i32)>,
) -> Response {
    let caller = match caller_or_refusal(&state, &meta).await {
        Ok(c) => c,
        Err(refusal) => return refusal,
    };
    match state
        .organizations
        .document(
            &caller,
            OrganizationId(id),
            OrganizationDocumentId(document),
        )
        .await
    {
        Ok(file) => inline(file),
        Err(e) => refused(e),
    }
}

/// The vetting desk's view of a customer's document (operator users only).
pub async fn desk_document(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Path((id, document)): Path<(i32, i32)>,
) -> Response {
    let caller = match caller_or_refusal(&state, &meta).await {
        Ok(c) => c,
        Err(refusal) => return refusal,
    };
    match state
        .vetting
        .desk_document(
            &caller,
            OrganizationId(id),
            OrganizationDocumentId(document),
        )
        .await
    {
        Ok(file) => inline(file),
        Err(VettingError::OperatorOnly) => {
            (StatusCode::FORBIDDEN, "Operator users only.").into_response()
        }
        Err(VettingError::NotFound) => (StatusCode::NOT_FOUND, "No such document.").into_response(),
        Err(other) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            super::portal::incident(&other).to_string(),
        )
            .into_response(),
    }
}

pub async fn export(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Query(query): Query<OrganizationsQuery>,
) -> Response {
    let caller = match caller_or_refusal(&state, &meta).await {
        Ok(c) => c,
        Err(refusal) => return refusal,
    };
    match state
        .organizations
        .organizations_export(&caller, &query, meta.lang)
        .await
    {
        Ok(bytes) => attachment(XLSX, ORGANIZATIONS_XLSX, bytes),
        Err(e) => refused(e),
    }
}

#[cfg(test)]
mod tests {
    use super::header_file_name;

    #[test]
    fn a_file_name_cannot_break_out_of_its_header() {
        assert_eq!(
            header_file_name("a\"; filename=evil.html\r\nX: y.pdf"),
            "a___filename_evil.html__X__y.pdf"
        );
        assert_eq!(header_file_name("Zürich.pdf"), "Z_rich.pdf");
    }
}

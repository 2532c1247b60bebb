//! `GET /audit/export.xlsx`: the audit log with the page's filters, as an Excel workbook.

use app::{model::AuditQuery, ports::RequestMeta};
use axum::{
    Extension,
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};

use super::{
    AppState,
    file_routes::{XLSX, attachment},
};
use crate::services::access::AccessError;

pub async fn export(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Query(query): Query<AuditQuery>,
) -> Response {
    let result = async {
        let caller = state
            .access
            .signed_in(meta.session_token.as_deref())
            .await?;
        state.access.audit_export(&caller, &query, meta.lang).await
    }
    .await;
    match result {
        Ok(bytes) => attachment(XLSX, "rootline-audit-log.xlsx", bytes),
        Err(AccessError::Unauthenticated) => {
            (StatusCode::UNAUTHORIZED, "Sign in to export the audit log.").into_response()
        }
        Err(AccessError::Forbidden(_)) => (
            StatusCode::FORBIDDEN,
            "Your role does not allow you to see the audit log.",
        )
            .into_response(),
        Err(AccessError::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            errors
                .0
                .iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect::<Vec<_>>()
                .join("\n"),
        )
            .into_response(),
        Err(other) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            super::portal::incident(&other).to_string(),
        )
            .into_response(),
    }
}

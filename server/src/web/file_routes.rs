//! What the plain-HTTP file routes (invoices, credit notes, certificates, exports) share: the
//! signed-in caller or the response that refuses the request, and a file as an attachment.

use app::ports::RequestMeta;
use axum::{
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

use super::AppState;
use crate::services::{access::AccessError, identity::Caller};

/// The signed-in caller of this request, or the answer 401 without a session. What their
/// role allows is the service's decision: a role without the permission gets its 403.
pub(super) async fn caller_or_refusal(
    state: &AppState,
    meta: &RequestMeta,
) -> Result<Caller, Response> {
    state
        .access
        .signed_in(meta.session_token.as_deref())
        .await
        .map_err(|e| match e {
            AccessError::Forbidden(_) => {
                (StatusCode::FORBIDDEN, "Your role does not allow this.").into_response()
            }
            AccessError::Unauthenticated => {
                (StatusCode::UNAUTHORIZED, "Sign in first.").into_response()
            }
            other => (
                StatusCode::INTERNAL_SERVER_ERROR,
                super::portal::incident(&other).to_string(),
            )
                .into_response(),
        })
}

/// A request whose inputs were refused: each field's problem on a line, in the request's
/// language (422).
pub(super) fn invalid(errors: &app::model::FieldErrors, lang: app::i18n::Lang) -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        errors
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message.text(lang)))
            .collect::<Vec<_>>()
            .join("\n"),
    )
        .into_response()
}

/// The caller's role lacks the permission (403).
pub(super) fn forbidden() -> Response {
    (StatusCode::FORBIDDEN, "Your role does not allow this.").into_response()
}

/// Another account's object, or none (404).
pub(super) fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Not found.").into_response()
}

/// A fault, not a refusal: logged under an incident number the answer gives (500).
pub(super) fn failed(error: &dyn std::error::Error) -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        super::portal::incident(error).to_string(),
    )
        .into_response()
}

pub(super) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A file the browser saves under `file_name`.
pub(super) fn attachment(content_type: &str, file_name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

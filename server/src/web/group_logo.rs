//! `GET /groups/{id}/logo`: a group's logo, for signed-in users of its account.

use app::ports::RequestMeta;
use axum::{
    Extension,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

use super::AppState;
use crate::services::access::AccessError;

pub async fn logo(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Path(id): Path<i32>,
) -> Response {
    match state
        .access
        .group_logo(meta.session_token.as_deref(), id)
        .await
    {
        Ok(logo) => (
            [
                (header::CONTENT_TYPE, logo.content_type),
                // The URL carries the logo's version, and only the account's users may see it.
                (header::CACHE_CONTROL, "private, max-age=86400".to_owned()),
            ],
            logo.bytes,
        )
            .into_response(),
        Err(AccessError::Unauthenticated) => {
            (StatusCode::UNAUTHORIZED, "Sign in first.").into_response()
        }
        Err(AccessError::NotFound) => (StatusCode::NOT_FOUND, "No such logo.").into_response(),
        Err(other) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            super::portal::incident(&other).to_string(),
        )
            .into_response(),
    }
}

//! `GET /operator/payments/{id}/proof`: a bank transfer's proof of payment, for operator users.

use app::{model::payments::PaymentId, ports::RequestMeta};
use axum::{
    Extension,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

use super::{AppState, file_routes::caller_or_refusal};
use crate::services::payments::PaymentError;

pub async fn proof(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Path(id): Path<i32>,
) -> Response {
    let caller = match caller_or_refusal(&state, &meta).await {
        Ok(c) => c,
        Err(refusal) => return refusal,
    };
    match state.payments.payment_proof(&caller, PaymentId(id)).await {
        Ok(file) => (
            [
                (header::CONTENT_TYPE, file.content_type),
                // Shown in the browser, never run as a page of ours.
                (
                    header::CONTENT_DISPOSITION,
                    format!("inline; filename=\"proof-{id}\""),
                ),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            ],
            file.bytes,
        )
            .into_response(),
        Err(PaymentError::OperatorOnly | PaymentError::Forbidden(_)) => {
            (StatusCode::FORBIDDEN, "Operator users only.").into_response()
        }
        Err(PaymentError::NotFound) => (StatusCode::NOT_FOUND, "No such proof.").into_response(),
        Err(other) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            super::portal::incident(&other).to_string(),
        )
            .into_response(),
    }
}

//! `GET /billing/invoice?month=YYYY-MM`: the account's monthly invoice as a PDF, for roles
//! that see the account's finances.

use app::ports::RequestMeta;
use axum::{
    Extension,
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use super::{
    AppState,
    file_routes::{attachment, caller_or_refusal},
};
use crate::services::billing::BillingError;

#[derive(Deserialize)]
pub struct MonthQuery {
    #[serde(default)]
    month: String,
}

pub async fn monthly_invoice(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Query(query): Query<MonthQuery>,
) -> Response {
    let caller = match caller_or_refusal(&state, &meta).await {
        Ok(c) => c,
        Err(refusal) => return refusal,
    };
    match state
        .billing
        .monthly_invoice(&caller, &query.month, meta.lang)
        .await
    {
        Ok(invoice) => attachment("application/pdf", &invoice.file_name, invoice.bytes),
        Err(BillingError::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            errors
                .0
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        )
            .into_response(),
        Err(BillingError::Forbidden(_)) => {
            (StatusCode::FORBIDDEN, "Your role does not allow this.").into_response()
        }
        Err(other) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            super::portal::incident(&other).to_string(),
        )
            .into_response(),
    }
}

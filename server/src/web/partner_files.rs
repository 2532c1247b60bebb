//! The partner's files: the orders report of its sub-accounts as an Excel workbook
//! (`GET /sub-accounts/orders.xlsx?account=…&order=…`).

use app::{model::sub_accounts::SubAccountOrdersQuery, ports::RequestMeta};
use axum::{
    Extension,
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};

use super::{
    AppState,
    file_routes::{XLSX, attachment, caller_or_refusal, failed, forbidden, invalid, not_found},
};
use crate::services::partners::{ORDERS_REPORT_XLSX, PartnerError};

/// Through the same checks as the sub-accounts page: a partner's role that manages
/// sub-accounts; another partner's sub-account is 404.
pub async fn orders_report(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Query(query): Query<SubAccountOrdersQuery>,
) -> Response {
    let caller = match caller_or_refusal(&state, &meta).await {
        Ok(c) => c,
        Err(refusal) => return refusal,
    };
    match state
        .partners
        .sub_account_orders_report(&caller, &query, meta.lang)
        .await
    {
        Ok(bytes) => attachment(XLSX, ORDERS_REPORT_XLSX, bytes),
        Err(PartnerError::Invalid(errors)) => invalid(&errors, meta.lang),
        Err(PartnerError::Forbidden(_)) => forbidden(),
        Err(PartnerError::Refused(why)) => {
            (StatusCode::FORBIDDEN, why.text(meta.lang)).into_response()
        }
        Err(PartnerError::NotFound) => not_found(),
        Err(other) => failed(&other),
    }
}

//! Files of orders that are not server functions: the order list as Excel
//! (`GET /orders/export.xlsx`); an order's invoice and credit notes as PDF
//! (`GET /orders/{id}/invoice`, `GET /orders/{id}/credit-notes/{note}`); an issued certificate
//! as PEM, DER or PKCS#7, from the order page (`GET /orders/{id}/certificate/{format}`) or the
//! tracking link (`GET /track/{token}/certificate/{format}`).

use app::{model::orders::OrdersQuery, ports::RequestMeta};
use axum::{
    Extension,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};

use super::{
    AppState,
    client_addr::ClientAddr,
    file_routes::{XLSX, attachment, caller_or_refusal},
};
use crate::{
    domain::client_limits::ThrottleScope,
    services::orders::{Download, DownloadFormat, OrderError},
};

fn refused(e: OrderError) -> Response {
    match e {
        OrderError::NotFound => (StatusCode::NOT_FOUND, "No such order.").into_response(),
        OrderError::Forbidden(_) => {
            (StatusCode::FORBIDDEN, "Your role does not allow this.").into_response()
        }
        OrderError::Invalid(errors) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            errors
                .0
                .iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect::<Vec<_>>()
                .join("\n"),
        )
            .into_response(),
        OrderError::Refused(why) => (StatusCode::CONFLICT, why.to_string()).into_response(),
        other => (
            StatusCode::INTERNAL_SERVER_ERROR,
            super::portal::incident(&other).to_string(),
        )
            .into_response(),
    }
}

fn file(d: Download) -> Response {
    attachment(d.content_type, &d.file_name, d.bytes)
}

pub async fn export(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Query(query): Query<OrdersQuery>,
) -> Response {
    let caller = match caller_or_refusal(&state, &meta).await {
        Ok(c) => c,
        Err(refusal) => return refusal,
    };
    match state.orders.orders_export(&caller, &query, meta.lang).await {
        Ok(bytes) => attachment(XLSX, "rootline-orders.xlsx", bytes),
        Err(e) => refused(e),
    }
}

pub async fn order_certificate(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Path((id, format)): Path<(i32, String)>,
) -> Response {
    let Some(format) = DownloadFormat::parse(&format) else {
        return (StatusCode::NOT_FOUND, "Formats: pem, der, p7b.").into_response();
    };
    let caller = match caller_or_refusal(&state, &meta).await {
        Ok(c) => c,
        Err(refusal) => return refusal,
    };
    match state.orders.download(&caller, id, format).await {
        Ok(d) => file(d),
        Err(e) => refused(e),
    }
}

/// The interim DV certificate an OV or EV order took while it waited.
pub async fn interim_certificate(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Path((id, format)): Path<(i32, String)>,
) -> Response {
    let Some(format) = DownloadFormat::parse(&format) else {
        return (StatusCode::NOT_FOUND, "Formats: pem, der, p7b.").into_response();
    };
    let caller = match caller_or_refusal(&state, &meta).await {
        Ok(c) => c,
        Err(refusal) => return refusal,
    };
    match state.orders.download_interim(&caller, id, format).await {
        Ok(d) => file(d),
        Err(e) => refused(e),
    }
}

pub async fn tracked_certificate(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    Path((token, format)): Path<(String, String)>,
) -> Response {
    if let Err(refusal) =
        super::portal::admit(&state.throttle, ThrottleScope::Tracking, client).await
    {
        return too_many(refusal);
    }
    let Some(format) = DownloadFormat::parse(&format) else {
        return (StatusCode::NOT_FOUND, "Formats: pem, der, p7b.").into_response();
    };
    match state.orders.tracking_download(&token, format).await {
        Ok(d) => file(d),
        // Unknown and expired links answer alike.
        Err(OrderError::NotFound) => (
            StatusCode::NOT_FOUND,
            "This tracking link does not open an order: it is mistyped, or it expired with the \
             certificate. Sign in to Rootline to download the certificate from the order's page.",
        )
            .into_response(),
        Err(e) => refused(e),
    }
}

/// A refused public request: 429 with when to come back (or the incident of a failure).
pub(super) fn too_many(refusal: app::error::AppError) -> Response {
    match refusal {
        app::error::AppError::RateLimited { retry_after_secs } => (
            StatusCode::TOO_MANY_REQUESTS,
            [(
                axum::http::header::RETRY_AFTER,
                retry_after_secs.to_string(),
            )],
            "Too many requests from your address. Try again later.",
        )
            .into_response(),
        _ => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "The request failed on our side. Try again in a few minutes.",
        )
            .into_response(),
    }
}

pub async fn invoice(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Path(id): Path<i32>,
) -> Response {
    let caller = match caller_or_refusal(&state, &meta).await {
        Ok(c) => c,
        Err(refusal) => return refusal,
    };
    match state.orders.invoice(&caller, id, meta.lang).await {
        Ok(d) => file(d),
        Err(e) => refused(e),
    }
}

pub async fn credit_note(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Path((id, note)): Path<(i32, i32)>,
) -> Response {
    let caller = match caller_or_refusal(&state, &meta).await {
        Ok(c) => c,
        Err(refusal) => return refusal,
    };
    match state.orders.credit_note(&caller, id, note, meta.lang).await {
        Ok(d) => file(d),
        Err(e) => refused(e),
    }
}

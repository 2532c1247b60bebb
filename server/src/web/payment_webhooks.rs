//! The payment providers' side of FIN-1, outside the portal's same-origin guard (the callers
//! are the providers' servers, and the customer's browser coming back from the provider's
//! page):
//!
//! - `POST /billing/webhooks/stripe` and `POST /billing/webhooks/razorpay`: the signature
//!   (`Stripe-Signature`, `X-Razorpay-Signature`) is checked against the raw body; a bad one is
//!   400 and changes nothing; a notice about a payment settled before (a replay) is 200 and
//!   changes nothing.
//! - `GET|POST /billing/payments/return?payment=<id>`: where the provider sends the customer
//!   back (Razorpay posts its result there); a 303 to the payment's page, which shows its state.

use std::sync::Arc;

use app::model::payments::PaymentProvider;
use axum::{
    Router,
    body::Bytes,
    extract::{Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use serde::Deserialize;

use crate::services::payments::{PaymentError, PaymentService};

pub fn router(payments: Arc<PaymentService>) -> Router {
    Router::new()
        .route("/billing/webhooks/stripe", post(stripe))
        .route("/billing/webhooks/razorpay", post(razorpay))
        .route("/billing/payments/return", get(back).post(back))
        .with_state(payments)
}

async fn stripe(
    State(payments): State<Arc<PaymentService>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    handle(
        &payments,
        PaymentProvider::Stripe,
        &headers,
        "stripe-signature",
        &body,
    )
    .await
}

async fn razorpay(
    State(payments): State<Arc<PaymentService>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    handle(
        &payments,
        PaymentProvider::Razorpay,
        &headers,
        "x-razorpay-signature",
        &body,
    )
    .await
}

async fn handle(
    payments: &PaymentService,
    provider: PaymentProvider,
    headers: &HeaderMap,
    header: &str,
    body: &[u8],
) -> Response {
    let signature = headers
        .get(header)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    match payments.handle_webhook(provider, signature, body).await {
        Ok(outcome) => {
            tracing::info!(provider = provider.as_str(), ?outcome, "payment webhook");
            (StatusCode::OK, "ok").into_response()
        }
        Err(PaymentError::Webhook(e)) => {
            tracing::warn!(provider = provider.as_str(), error = %e, "payment webhook refused");
            (StatusCode::BAD_REQUEST, e.to_string()).into_response()
        }
        Err(PaymentError::NotConfigured) => {
            (StatusCode::NOT_FOUND, "This provider is not configured.").into_response()
        }
        // The provider retries a 5xx later: the database or the provider's API was out.
        Err(other) => {
            let incident = super::portal::incident(&other);
            (StatusCode::SERVICE_UNAVAILABLE, incident.to_string()).into_response()
        }
    }
}

#[derive(Deserialize)]
struct Back {
    payment: Option<i32>,
}

async fn back(Query(q): Query<Back>) -> Redirect {
    match q.payment {
        Some(id) => Redirect::to(&format!("/billing/add-credits?payment={id}")),
        None => Redirect::to("/billing/add-credits"),
    }
}

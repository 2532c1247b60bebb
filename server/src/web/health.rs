//! `/healthz` and `/readyz`, for load balancers and orchestrators. Health: the process
//! answers HTTP. Readiness: it can do its work — the database answers a query and the CA's
//! keys sign. Both are plain text, open to every client, and carry no detail beyond a short
//! reason (the full error goes to the log).

use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
};

use super::AppState;
use crate::ca::CaError;

/// `GET /healthz`: 200 `ok` whenever the process serves requests.
pub async fn healthz() -> &'static str {
    "ok"
}

/// `GET /readyz`: 200 `ready`, or 503 with the first reason it is not.
pub async fn readyz(State(state): State<AppState>) -> Response {
    if let Err(e) = state.store.ping().await {
        tracing::error!(error = %e, "readiness: the database does not answer");
        return not_ready("the database does not answer");
    }
    match state.authority.keys_usable().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(CaError::NotCreated { name }) => {
            tracing::error!(ca = %name, "readiness: the CA hierarchy is incomplete");
            not_ready(&format!("CA {name} does not exist (run: server ca init)"))
        }
        Err(CaError::Store(e)) => {
            tracing::error!(error = %e, "readiness: the database does not answer");
            not_ready("the database does not answer")
        }
        Err(e) => {
            tracing::error!(error = %e, "readiness: a CA key cannot sign");
            not_ready("a CA key cannot sign")
        }
    }
}

fn not_ready(reason: &str) -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        format!("not ready: {reason}"),
    )
        .into_response()
}

//! HTTP: the portal (Leptos pages and server functions), static assets, health, middleware.

pub mod acme;
pub(crate) mod assets;
pub mod audit_export;
pub mod billing_files;
pub mod ca_certs;
pub mod certificate_sign_in;
pub mod client_addr;
pub mod cookies;
pub mod delegate_download;
mod file_routes;
pub mod group_logo;
pub mod health;
pub mod island_pack;
pub mod metrics;
pub mod middleware;
pub mod ocsp;
pub mod order_files;
pub mod organization_files;
pub mod partner_files;
pub mod payment_files;
pub mod payment_webhooks;
pub mod portal;
pub mod render_thread;
pub mod rest;
pub mod tls;

#[cfg(test)]
mod authorization_matrix;
#[cfg(test)]
mod client_throttles;
#[cfg(test)]
mod hostile_text;
#[cfg(test)]
mod identity_attacks;
#[cfg(test)]
mod operations_tests;
#[cfg(test)]
mod route_list_tests;
#[cfg(test)]
mod security_headers_tests;

use std::sync::{Arc, OnceLock};

use app::{App, ports::Backend, shell};
use axum::{
    Router,
    body::Body,
    extract::{FromRef, State},
    http::{Request, StatusCode},
    middleware::from_fn_with_state,
    response::IntoResponse,
    routing::get,
};
use leptos::prelude::*;
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, generate_route_list, handle_server_fns_with_context,
};

use crate::store::Store;

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub backend: Backend,
    pub store: Store,
    pub authority: Arc<crate::ca::Authority>,
    pub guard: Arc<middleware::OriginGuard>,
    /// For the routes that are not server functions (exports).
    pub access: Arc<crate::services::access::AccessService>,
    pub orders: Arc<crate::services::orders::OrderService>,
    pub billing: Arc<crate::services::billing::BillingService>,
    /// The price list's export.
    pub catalog: Arc<crate::services::catalog::CatalogService>,
    pub organizations: Arc<crate::services::organizations::OrganizationService>,
    pub vetting: Arc<crate::services::vetting::VettingService>,
    /// Payments: the providers' webhooks and return route.
    pub payments: Arc<crate::services::payments::PaymentService>,
    /// The partner's orders report.
    pub partners: Arc<crate::services::partners::PartnerService>,
    /// Per-client limits on the public routes (tracking downloads, the delegate's PIN).
    pub throttle: Arc<crate::services::throttle::Throttle>,
    /// Who may read `/metrics`.
    pub metrics_access: Arc<metrics::MetricsAccess>,
    /// The outbox, whose backlog `/metrics` reports.
    pub mail: Arc<crate::services::notifications::MailDelivery>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The largest body a server function accepts (axum's default limit, which Leptos applies when
/// it reads the body). The biggest legitimate one, a group logo as a `data:` URL, is far below.
const SERVER_FN_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// The server function that takes a registration document, and the most its body may hold: the
/// largest document and the form's few other fields.
const DOCUMENT_UPLOAD_PATH: &str = "/api/organizations/document-add";
/// A bank transfer with its proof of payment, which is no larger than a registration document.
const OFFLINE_PAYMENT_PATH: &str = "/api/billing/offline-payment";
const DOCUMENT_UPLOAD_BODY_LIMIT: usize =
    app::model::organizations::DOCUMENT_MAX_BYTES + 256 * 1024;

fn body_limit(path: &str) -> usize {
    if path == DOCUMENT_UPLOAD_PATH || path == OFFLINE_PAYMENT_PATH {
        DOCUMENT_UPLOAD_BODY_LIMIT
    } else {
        SERVER_FN_BODY_LIMIT
    }
}

/// Gives the page renderer this response's CSP nonce (made by the security-headers layer), so
/// Leptos puts the same value on its scripts as the policy names.
fn provide_csp_nonce() {
    let nonce = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<middleware::CspNonce>().cloned());
    if let Some(nonce) = nonce {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
}

async fn server_fn_handler(State(state): State<AppState>, req: Request<Body>) -> impl IntoResponse {
    let backend = state.backend.clone();
    handle_server_fns_with_context(move || provide_context(backend.clone()), req).await
}

/// Applies `malformed_arguments_are_bad_requests` to every server function call (Leptos
/// registers them itself, so this is a layer rather than part of one handler).
async fn api_bad_requests(
    req: Request<Body>,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let api = req.uri().path().starts_with("/api/");
    let req = if api {
        match within_body_limit(req).await {
            Ok(req) => req,
            Err(too_large) => return too_large,
        }
    } else {
        req
    };
    let response = next.run(req).await;
    if api {
        malformed_arguments_are_bad_requests(response).await
    } else {
        response
    }
}

/// Reads a server function's body up to [`SERVER_FN_BODY_LIMIT`]. Leptos answers a longer one
/// with 500, as if the server had failed; it is the client's mistake, so it gets 413 and says
/// what the limit is.
async fn within_body_limit(req: Request<Body>) -> Result<Request<Body>, axum::response::Response> {
    let limit = body_limit(req.uri().path());
    let (parts, body) = req.into_parts();
    match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => Ok(Request::from_parts(parts, Body::from(bytes))),
        Err(_) => {
            let error = app::error::AppError::BadRequest(format!(
                "The request is too large: a form may send at most {} MB.",
                limit / (1024 * 1024)
            ));
            Err((
                StatusCode::PAYLOAD_TOO_LARGE,
                [(axum::http::header::CONTENT_TYPE, "application/json")],
                serde_json::to_vec(&error).unwrap_or_default(),
            )
                .into_response())
        }
    }
}

/// Leptos answers a body it cannot decode into a server function's arguments with 500; it is
/// the client's mistake, so it gets 400 and says what was wrong.
async fn malformed_arguments_are_bad_requests(
    response: axum::response::Response,
) -> axum::response::Response {
    const ARGS: &str = "error deserializing server function arguments: ";
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(app::error::AppError::Transport(message)) = serde_json::from_slice(&bytes)
        && let Some(detail) = message.strip_prefix(ARGS)
    {
        let body = serde_json::to_vec(&app::error::AppError::BadRequest(detail.to_owned()))
            .unwrap_or_default();
        return (
            StatusCode::BAD_REQUEST,
            [(axum::http::header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
    }
    axum::response::Response::from_parts(parts, Body::from(bytes))
}

/// The portal's routes, listed once per process. Listing renders the whole app with resource
/// loading switched off by a process-wide flag (leptos#4773): a page rendered on another thread
/// while a second router was being built waited forever for its data. That happened in tests,
/// which build a router each; the list never changes while the process runs, so every router
/// shares the first one.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The portal's pages, each rendered on one render thread (see [`render_thread`]).
fn pages(state: &AppState, routes: Vec<AxumRouteListing>) -> Router<AppState> {
    let backend = state.backend.clone();
    let options = state.leptos_options.clone();
    Router::new()
        .leptos_routes_with_context(
            state,
            routes,
            move || {
                provide_context(backend.clone());
                provide_csp_nonce();
            },
            move || shell(options.clone()),
        )
        .route_layer(axum::middleware::from_fn(render_thread::on_render_thread))
}

pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let options = state.leptos_options.clone();
    Router::new()
        .route(
            "/api/{*fn_name}",
            get(server_fn_handler).post(server_fn_handler),
        )
        .nest_service(
            "/pkg",
            assets::pkg_router(&std::path::Path::new(options.site_root.as_ref()).join("pkg")),
        )
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::scrape))
        .route("/audit/export.xlsx", get(audit_export::export))
        .route("/orders/export.xlsx", get(order_files::export))
        .route(
            "/organizations/export.xlsx",
            get(organization_files::export),
        )
        .route(
            "/organizations/{id}/documents/{document}",
            get(organization_files::document),
        )
        .route(
            "/operator/vetting/{id}/documents/{document}",
            get(organization_files::desk_document),
        )
        .route("/billing/invoice", get(billing_files::monthly_invoice))
        .route(
            "/billing/price-list.xlsx",
            get(billing_files::price_list_export),
        )
        .route(
            "/billing/statement.xlsx",
            get(billing_files::statement_export),
        )
        .route(
            "/sub-accounts/orders.xlsx",
            get(partner_files::orders_report),
        )
        .route(
            "/orders/{id}/certificate/{format}",
            get(order_files::order_certificate),
        )
        .route(
            "/orders/{id}/interim/{format}",
            get(order_files::interim_certificate),
        )
        .route("/orders/{id}/invoice", get(order_files::invoice))
        .route(
            "/orders/{id}/credit-notes/{note}",
            get(order_files::credit_note),
        )
        .route(
            "/track/{token}/certificate/{format}",
            get(order_files::tracked_certificate),
        )
        .route(
            "/download/certificate",
            axum::routing::post(delegate_download::delegated_certificate),
        )
        .route("/operator/payments/{id}/proof", get(payment_files::proof))
        .route("/groups/{id}/logo", get(group_logo::logo))
        .route("/sign-in/certificate", get(certificate_sign_in::sign_in))
        .route("/ca/{file}", get(ca_certs::ca_certificate))
        .route("/crl/{file}", get(ca_certs::crl))
        .route("/crl/{ca}/{file}", get(ca_certs::crl_shard))
        .route("/ocsp", axum::routing::post(ocsp::post))
        .route("/ocsp/{*request}", get(ocsp::get))
        .merge(pages(&state, routes))
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(provide_csp_nonce, shell))
        .layer(from_fn_with_state(
            state.guard.clone(),
            middleware::origin_guard,
        ))
        .layer(from_fn_with_state(
            state.access.clone(),
            middleware::ip_restrictions,
        ))
        .layer(axum::middleware::from_fn(api_bad_requests))
        .layer(axum::middleware::from_fn(middleware::request_meta))
        .with_state(state)
}

/// The whole HTTP surface: the portal with the ACME and REST routers merged in, the
/// security headers on every response any of them gives, and every request counted and
/// timed by its route template for `/metrics`.
pub fn app(
    state: AppState,
    acme: Router,
    rest: Router,
    headers: middleware::SecurityHeaders,
) -> Router {
    let payments = state.payments.clone();
    router(state)
        .merge(acme)
        .merge(rest)
        .merge(payment_webhooks::router(payments))
        .layer(from_fn_with_state(
            Arc::new(headers),
            middleware::security_headers,
        ))
        .layer(axum::middleware::from_fn(metrics::track_http))
}

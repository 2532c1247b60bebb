//! `/metrics`: the Prometheus text page, and the layer that counts and times every HTTP
//! request by its route template. Who may read the page: clients on this machine by default,
//! anyone with the bearer token when `ROOTLINE_METRICS_TOKEN` is set.

use std::{collections::HashSet, net::IpAddr, sync::OnceLock, time::Instant};

use axum::{
    body::Body,
    extract::{MatchedPath, State},
    http::{HeaderMap, Request, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use sha2::{Digest, Sha256};

use super::{AppState, client_addr::ClientAddr};
use crate::telemetry::{recorder, series};

/// Who may read `/metrics`.
#[derive(Clone)]
pub enum MetricsAccess {
    /// Clients on this machine, talking to the server directly (no proxy headers).
    Loopback,
    /// Any client sending `Authorization: Bearer <token>`; the token's SHA-256 is kept.
    Token([u8; 32]),
}

impl MetricsAccess {
    /// The rule for `ROOTLINE_METRICS_TOKEN`: a token, or loopback when it is unset.
    pub fn from_token(token: Option<&str>) -> Self {
        match token {
            Some(token) => Self::Token(Sha256::digest(token.as_bytes()).into()),
            None => Self::Loopback,
        }
    }

    /// The answer to a client the rule refuses; `None` lets it read the page.
    fn refusal(&self, headers: &HeaderMap, client: IpAddr) -> Option<Response> {
        match self {
            Self::Loopback => {
                // A reverse proxy on this machine connects from loopback for every client it
                // forwards; what it forwards carries these headers, and is refused.
                let proxied = ["x-forwarded-for", "forwarded", "x-real-ip"]
                    .iter()
                    .any(|h| headers.contains_key(*h));
                if is_loopback(client) && !proxied {
                    None
                } else {
                    Some((
                        StatusCode::FORBIDDEN,
                        "Metrics are served to this machine only; set ROOTLINE_METRICS_TOKEN to scrape from elsewhere.",
                    )
                        .into_response())
                }
            }
            Self::Token(expected) => {
                let given = headers
                    .get(header::AUTHORIZATION)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.strip_prefix("Bearer "))
                    .map(|t| <[u8; 32]>::from(Sha256::digest(t.trim().as_bytes())));
                // Digests are compared, so the time taken says nothing about the token.
                if given.as_ref() == Some(expected) {
                    None
                } else {
                    Some(
                        (
                            StatusCode::UNAUTHORIZED,
                            [(header::WWW_AUTHENTICATE, "Bearer")],
                            "Metrics need the bearer token (ROOTLINE_METRICS_TOKEN).",
                        )
                            .into_response(),
                    )
                }
            }
        }
    }
}

fn is_loopback(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map_or(v6.is_loopback(), |v4| v4.is_loopback()),
    }
}

/// `GET /metrics`: refreshes the gauges that are read from the database, then renders every
/// series in the Prometheus text format (version 0.0.4).
pub async fn scrape(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
) -> Response {
    if let Some(refused) = state.metrics_access.refusal(&headers, client) {
        return refused;
    }
    let Some(handle) = recorder::install() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "Metrics are not available: another metrics recorder is installed.",
        )
            .into_response();
    };
    refresh_gauges(&state).await;
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        handle.render(),
    )
        .into_response()
}

/// The gauges that describe the database rather than this process: each is read now, so
/// every node reports the shared queue alike. A failed read leaves the last value (and logs).
async fn refresh_gauges(state: &AppState) {
    match state.mail.backlog().await {
        Ok(backlog) => {
            series::mail_outbox_queued(backlog.queued);
            series::job_lag("mail_delivery", backlog.lag);
        }
        Err(e) => tracing::warn!(error = %e, "metrics: cannot read the mail outbox"),
    }
    match state.authority.crl_refresh_lag().await {
        Ok(lag) => series::job_lag("crl_refresh", lag),
        Err(e) => tracing::warn!(error = %e, "metrics: cannot read the CRLs"),
    }
    let pool = state.store.pool_connections();
    series::db_pool(pool.in_use, pool.idle);
}

/// The route label of a request: the matched template, its parameters written `:id` and
/// `*rest` (braces in a label value break some text-format parsers); for the server
/// functions' shared route, the function's own path when it is a registered one (a fixed
/// set, so a made-up path cannot add series).
fn route_label(matched: Option<&str>, path: &str) -> String {
    static SERVER_FNS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    match matched {
        Some(SERVER_FN_ROUTE) => {
            let known = SERVER_FNS.get_or_init(|| {
                leptos::server_fn::axum::server_fn_paths()
                    .map(|(path, _)| path)
                    .collect()
            });
            if known.contains(path) {
                path.to_owned()
            } else {
                colon_style(SERVER_FN_ROUTE)
            }
        }
        Some(template) => colon_style(template),
        None => series::UNMATCHED_ROUTE.to_owned(),
    }
}

/// The route every server function is served by.
const SERVER_FN_ROUTE: &str = "/api/{*fn_name}";

/// `/orders/{id}/files/{*rest}` as `/orders/:id/files/*rest`.
fn colon_style(template: &str) -> String {
    template
        .replace("{*", "*")
        .replace('{', ":")
        .replace('}', "")
}

/// Counts and times every request by method, route template and status. Installed around
/// every route (a route layer runs after routing, so the matched template is known). The time
/// is until the response's head; a streamed body may take longer.
pub async fn track_http(req: Request<Body>, next: Next) -> Response {
    let method = series::method_label(req.method());
    let route = route_label(
        req.extensions()
            .get::<MatchedPath>()
            .map(MatchedPath::as_str),
        req.uri().path(),
    );
    let started = Instant::now();
    let response = next.run(req).await;
    series::http_request(method, route, response.status().as_u16(), started.elapsed());
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn routes_are_labelled_by_template_and_server_functions_by_their_registered_path() {
        assert_eq!(
            colon_style("/orders/{id}/credit-notes/{note}"),
            "/orders/:id/credit-notes/:note"
        );
        assert_eq!(colon_style("/ocsp/{*request}"), "/ocsp/*request");
        assert_eq!(route_label(None, "/pkg/rootline.css"), "unmatched");
        let registered = leptos::server_fn::axum::server_fn_paths()
            .map(|(path, _)| path)
            .find(|p| p.starts_with("/api/"))
            .unwrap();
        assert_eq!(route_label(Some(SERVER_FN_ROUTE), registered), registered);
        assert_eq!(
            route_label(Some(SERVER_FN_ROUTE), "/api/made-up-12345"),
            "/api/*fn_name"
        );
        assert_eq!(route_label(Some("/ca/{file}"), "/ca/root.crt"), "/ca/:file");
    }

    #[test]
    fn loopback_clients_read_the_metrics_unless_they_came_through_a_proxy() {
        let access = MetricsAccess::from_token(None);
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        for allowed in ["127.0.0.1", "::1", "::ffff:127.0.0.1"] {
            assert!(
                access.refusal(&headers(&[]), ip(allowed)).is_none(),
                "{allowed}"
            );
        }
        for refused in ["192.0.2.7", "0.0.0.0", "::ffff:192.0.2.7"] {
            let answer = access.refusal(&headers(&[]), ip(refused)).unwrap();
            assert_eq!(answer.status(), StatusCode::FORBIDDEN, "{refused}");
        }
        let proxied = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert!(access.refusal(&proxied, ip("127.0.0.1")).is_some());
    }

    #[test]
    fn with_a_token_only_its_bearer_reads_the_metrics_from_anywhere() {
        let access = MetricsAccess::from_token(Some("a scrape token of some length"));
        let ip = "192.0.2.7".parse().unwrap();
        let good = headers(&[("authorization", "Bearer a scrape token of some length")]);
        assert!(access.refusal(&good, ip).is_none());
        for bad in [
            headers(&[]),
            headers(&[("authorization", "Bearer another token")]),
            headers(&[("authorization", "Basic YTpi")]),
        ] {
            let answer = access.refusal(&bad, ip).unwrap();
            assert_eq!(answer.status(), StatusCode::UNAUTHORIZED);
        }
        // Loopback is no exception once a token is set.
        let local = "127.0.0.1".parse().unwrap();
        assert!(access.refusal(&headers(&[]), local).is_some());
    }
}

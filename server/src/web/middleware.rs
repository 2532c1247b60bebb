//! Request middleware: request facts for the backend, the cross-site POST guard, and
//! security headers on every response.

use std::sync::Arc;

use app::ports::RequestMeta;
use axum::{
    body::Body,
    extract::State,
    http::{HeaderMap, HeaderValue, Method, Request, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::cookies::session_token;

/// Puts the client address, user agent and session token into the request's extensions,
/// where server functions find them.
pub async fn request_meta(mut req: Request<Body>, next: Next) -> Response {
    let ip = super::client_addr::ClientAddr::of(req.extensions());
    let headers = req.headers();
    let meta = RequestMeta {
        ip,
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        session_token: session_token(headers),
    };
    req.extensions_mut().insert(meta);
    next.run(req).await
}

/// Which origins may send state-changing requests: the public URL's, and whatever host the
/// request itself was addressed to (so both `localhost` and `127.0.0.1` work in development).
pub struct OriginGuard {
    pub public_host: String,
}

impl OriginGuard {
    /// Decides from the headers alone. Browsers send `Origin` on every cross-site POST and
    /// `Sec-Fetch-Site` on every request; a client that sends neither is not a browser, and
    /// cannot carry a victim's cookies.
    pub fn allows(&self, headers: &HeaderMap) -> bool {
        if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            let Some(origin_host) = origin_host(origin) else {
                return false;
            };
            let request_host = headers
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .map(str::to_ascii_lowercase);
            return origin_host == self.public_host || Some(origin_host) == request_host;
        }
        !matches!(
            headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()),
            Some("cross-site")
        )
    }
}

/// `host[:port]` of an origin such as `https://pki.example.com:8443`; `None` for `null`.
fn origin_host(origin: &str) -> Option<String> {
    let url = url::Url::parse(origin).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    Some(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    })
}

pub fn public_host(url: &url::Url) -> String {
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    }
}

pub async fn origin_guard(
    State(guard): State<Arc<OriginGuard>>,
    req: Request<Body>,
    next: Next,
) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !guard.allows(req.headers()) {
        tracing::warn!(path = %req.uri().path(), "cross-site request refused");
        return (
            StatusCode::FORBIDDEN,
            "Cross-site request refused: this form must be sent from the Rootline portal itself.",
        )
            .into_response();
    }
    next.run(req).await
}

pub async fn security_headers(req: Request<Body>, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Same-origin only: activation links carry their token in the path.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    res
}

/// Paths a blocked browser may still fetch: assets, the CA's public files, health.
fn ip_rule_exempt(path: &str) -> bool {
    ["/pkg/", "/ca/", "/crl/", "/ocsp", "/healthz", "/favicon"]
        .iter()
        .any(|p| path.starts_with(p))
}

/// Enforces the account's IP restrictions on every request that carries a live session:
/// pages, server functions and the API alike. Without a session there is nothing to restrict
/// (sign-in itself is checked when the session is first used).
pub async fn ip_restrictions(
    State(store): State<crate::store::Store>,
    req: Request<Body>,
    next: Next,
) -> Response {
    use crate::{
        domain::secret_token::{hash_token, looks_like_token},
        services::access::ip_allowed,
        store::sessions,
    };
    let path = req.uri().path().to_owned();
    let Some(meta) = req.extensions().get::<RequestMeta>().cloned() else {
        return next.run(req).await;
    };
    let Some(token) = meta
        .session_token
        .as_deref()
        .filter(|t| looks_like_token(t))
    else {
        return next.run(req).await;
    };
    if ip_rule_exempt(&path) {
        return next.run(req).await;
    }
    let session = match sessions::find_by_hash(&store, &hash_token(token)).await {
        Ok(Some(s)) if s.revoked_at.is_none() => s,
        Ok(_) => return next.run(req).await,
        Err(e) => {
            tracing::error!(error = %e, "IP restrictions: cannot read the session");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    match ip_allowed(&store, session.account_id, session.user_id, meta.ip).await {
        Ok(true) => next.run(req).await,
        Ok(false) => {
            tracing::warn!(ip = %meta.ip, user = session.user_id, "request refused by an IP restriction");
            let message = format!(
                "Your address {} is not allowed by your account's IP restrictions. Contact your administrator.",
                meta.ip
            );
            if path.starts_with("/api/") {
                (
                    StatusCode::FORBIDDEN,
                    [(header::CONTENT_TYPE, "application/json")],
                    "\"Forbidden\"",
                )
                    .into_response()
            } else {
                (
                    StatusCode::FORBIDDEN,
                    [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                    format!(
                        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Address not allowed · Rootline</title>\
                         <link rel=\"stylesheet\" href=\"/pkg/rootline.css\"></head><body><main class=\"content\" id=\"main\">\
                         <h1>Address not allowed</h1><div class=\"alert alert-error\" role=\"alert\">{message}</div></main></body></html>"
                    ),
                )
                    .into_response()
            }
        }
        Err(e) => {
            tracing::error!(error = %e, "IP restrictions: cannot read the rules");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn origin_guard_table() {
        let g = OriginGuard {
            public_host: "pki.example.com".into(),
        };
        let cases: &[(&[(&'static str, &'static str)], bool)] = &[
            (&[("origin", "https://pki.example.com")], true),
            (
                &[
                    ("origin", "http://127.0.0.1:3000"),
                    ("host", "127.0.0.1:3000"),
                ],
                true,
            ),
            (
                &[
                    ("origin", "https://evil.example"),
                    ("host", "pki.example.com"),
                ],
                false,
            ),
            (&[("origin", "null"), ("host", "pki.example.com")], false),
            (&[("sec-fetch-site", "cross-site")], false),
            (&[("sec-fetch-site", "same-origin")], true),
            (&[], true),
        ];
        for (h, allowed) in cases {
            assert_eq!(g.allows(&headers(h)), *allowed, "{h:?}");
        }
    }
}

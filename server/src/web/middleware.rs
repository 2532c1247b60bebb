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
        host: headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        lang: app::i18n::Lang::of_request(
            super::cookies::cookie(headers, app::i18n::LANG_COOKIE).as_deref(),
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        ),
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

/// This response's Content-Security-Policy nonce: made per request by [`security_headers`],
/// which puts it in the policy, and read by the page renderer, which puts it on Leptos' scripts.
#[derive(Clone, Debug)]
pub struct CspNonce(pub Arc<str>);

impl CspNonce {
    /// 128 random bits, base64: unguessable, so injected markup cannot carry a valid nonce.
    fn random() -> Self {
        use base64::Engine as _;
        use rand::RngCore as _;
        let mut bytes = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Self(
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(bytes)
                .into(),
        )
    }
}

/// What the security headers depend on in the configuration.
#[derive(Clone, Debug)]
pub struct SecurityHeaders {
    /// Whether the public URL is https: only then is Strict-Transport-Security sent (over
    /// plain http a browser ignores it, and a development setup must not be pinned to TLS).
    pub https: bool,
    /// Origins other than the portal's own that its forms are sent to (`form-action`): the
    /// hosted checkout of a payment provider that takes a form post (Razorpay's), which the
    /// customer's "Continue to the payment page" button submits.
    pub form_targets: Vec<String>,
}

impl SecurityHeaders {
    pub fn for_public_url(url: &url::Url) -> Self {
        Self {
            https: url.scheme() == "https",
            form_targets: Vec::new(),
        }
    }

    /// Also lets the portal's forms go to `origins` (`scheme://host[:port]` each).
    pub fn with_form_targets(mut self, origins: Vec<String>) -> Self {
        self.form_targets = origins;
        self
    }
}

/// The policy for one response. Scripts run only from this origin (the wasm bundle and its
/// glue under /pkg, split route chunks included) or inline with this response's nonce (Leptos'
/// hydration and streamed-resource scripts); `'wasm-unsafe-eval'` lets the bundle be compiled.
/// No `'unsafe-inline'` anywhere: the portal has no inline styles or handlers.
/// Forms go to this origin, and to the configured providers' checkout (`form_targets`).
fn content_security_policy(nonce: &CspNonce, form_targets: &[String]) -> String {
    let forms: String = form_targets.iter().map(|o| format!(" {o}")).collect();
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'{forms}; frame-ancestors 'none'",
        nonce.0
    )
}

/// Responses a shared or browser cache may keep: the static assets (revalidated by their
/// ETag; their names are not hashed, so they get no long cache either).
fn cacheable_asset(path: &str) -> bool {
    path.starts_with("/pkg/") || path == "/favicon.svg"
}

/// Powerful browser features the portal never uses, off for it and anything it could embed.
/// WebAuthn (`publickey-credentials-get`/`-create`) keeps its default, this origin only:
/// passkeys need it.
const PERMISSIONS_POLICY: &str = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), \
     magnetometer=(), microphone=(), payment=(), usb=()";

/// Security headers on every response, whichever router answered it (portal, server
/// functions, ACME, REST, OCSP, CRLs, assets); this layer wraps them all.
pub async fn security_headers(
    State(policy): State<Arc<SecurityHeaders>>,
    mut req: Request<Body>,
    next: Next,
) -> Response {
    let nonce = CspNonce::random();
    req.extensions_mut().insert(nonce.clone());
    let asset = cacheable_asset(req.uri().path());
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if let Ok(csp) = HeaderValue::from_str(&content_security_policy(&nonce, &policy.form_targets)) {
        h.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    if policy.https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Tracking, activation and invitation links carry their tokens in the URL, so no other
    // site ever gets a Referer. The portal itself still does: without JavaScript a form posts
    // to its server function, which sends the browser back to the Referer (`no-referrer`
    // broke every form without JavaScript), and the portal knows its own tokens anyway.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    // Everything dynamic is private to the moment it was made: signed-in pages, API keys,
    // exports. A handler that chose a cache policy itself (the CA's public certificates, CRLs,
    // OCSP answers) keeps it.
    if !asset && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// Paths a blocked browser may still fetch: assets, the CA's public files, health and
/// readiness, metrics (which have an access rule of their own).
fn ip_rule_exempt(path: &str) -> bool {
    [
        "/pkg/", "/ca/", "/crl/", "/ocsp", "/healthz", "/readyz", "/metrics", "/favicon",
    ]
    .iter()
    .any(|p| path.starts_with(p))
}

/// Enforces the account's IP restrictions on every request that carries a live session:
/// pages, server functions and the API alike. Without a session there is nothing to restrict
/// (sign-in itself is checked when the session is first used).
pub async fn ip_restrictions(
    State(access): State<Arc<crate::services::access::AccessService>>,
    req: Request<Body>,
    next: Next,
) -> Response {
    use crate::services::access::SessionAddress;
    let path = req.uri().path().to_owned();
    let Some(meta) = req.extensions().get::<RequestMeta>().cloned() else {
        return next.run(req).await;
    };
    let Some(token) = meta.session_token.as_deref() else {
        return next.run(req).await;
    };
    if ip_rule_exempt(&path) {
        return next.run(req).await;
    }
    match access.session_address(token, meta.ip).await {
        Ok(SessionAddress::NoSession | SessionAddress::Allowed) => next.run(req).await,
        Ok(SessionAddress::Refused { user_id }) => {
            tracing::warn!(ip = %meta.ip, user = user_id, "request refused by an IP restriction");
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
            tracing::error!(error = %e, "IP restrictions: cannot read the session or the rules");
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

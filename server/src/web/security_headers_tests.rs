//! The security headers (penetration test finding 11), checked on the whole HTTP surface as
//! `startup` builds it: every kind of route, the per-response CSP nonce shared with the page's
//! scripts, what may be cached; and the server functions' body limit.

use std::sync::Arc;

use axum::{
    Router,
    body::Body,
    http::{HeaderMap, Request, StatusCode, header},
    middleware::from_fn_with_state,
    routing::get,
};
use leptos::prelude::LeptosOptions;
use tower::ServiceExt;

use super::{
    authorization_matrix::whole_app,
    cookies::SESSION_COOKIE,
    middleware::{SecurityHeaders, security_headers},
};
use crate::services::identity::test_support::harness;

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 8 << 20)
        .await
        .unwrap();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn get_request(path: &str, session: Option<&str>) -> Request<Body> {
    let mut request = Request::get(path)
        .header(header::HOST, "portal.test")
        .header(header::ACCEPT, "text/html");
    if let Some(token) = session {
        request = request.header(header::COOKIE, format!("{SESSION_COOKIE}={token}"));
    }
    request.body(Body::empty()).unwrap()
}

fn post_request(path: &str, content_type: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(path)
        .header(header::HOST, "portal.test")
        .header(header::ORIGIN, "http://portal.test")
        .header(header::CONTENT_TYPE, content_type)
        .header(header::ACCEPT, "application/json")
        .body(body.into())
        .unwrap()
}

/// A site root with one static asset, `/pkg/rootline.css`.
fn site_with_an_asset() -> LeptosOptions {
    let root = crate::ca::test_support::temp_dir("site");
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::write(root.join("pkg/rootline.css"), "body { margin: 0 }").unwrap();
    LeptosOptions::builder()
        .output_name("rootline")
        .site_root(root.display().to_string())
        .site_pkg_dir("pkg")
        .build()
}

fn header<'a>(answer: &'a Answer, name: &str) -> &'a str {
    answer
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// The nonce the policy allows: `'nonce-…'` in script-src.
fn policy_nonce(answer: &Answer) -> String {
    let csp = header(answer, "content-security-policy");
    let start = csp.find("'nonce-").unwrap() + "'nonce-".len();
    let end = start + csp[start..].find('\'').unwrap();
    csp[start..end].to_owned()
}

#[tokio::test]
async fn every_kind_of_route_carries_the_security_headers() {
    let h = harness().await;
    let app = whole_app(&h, site_with_an_asset()).await;
    let answers = [
        (
            "portal page",
            send(&app, get_request("/sign-in", None)).await,
        ),
        (
            "server function",
            send(
                &app,
                post_request(
                    "/api/auth/current-session",
                    "application/x-www-form-urlencoded",
                    "",
                ),
            )
            .await,
        ),
        (
            "ACME directory",
            send(&app, get_request("/acme/directory", None)).await,
        ),
        (
            "REST",
            send(&app, get_request("/api/v1/openapi.json", None)).await,
        ),
        (
            "API docs",
            send(&app, get_request("/api/v1/docs", None)).await,
        ),
        (
            "OCSP",
            send(
                &app,
                post_request("/ocsp", "application/ocsp-request", "not DER"),
            )
            .await,
        ),
        ("CRL", send(&app, get_request("/crl/none.crl", None)).await),
        (
            "asset",
            send(&app, get_request("/pkg/rootline.css", None)).await,
        ),
        (
            "not found",
            send(&app, get_request("/no/such/page", None)).await,
        ),
    ];
    for (kind, answer) in &answers {
        let csp = header(answer, "content-security-policy");
        for directive in [
            "default-src 'self'",
            "script-src 'self' 'nonce-",
            "'wasm-unsafe-eval'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ] {
            assert!(
                csp.contains(directive),
                "{kind}: {directive} missing in {csp:?}"
            );
        }
        assert!(!csp.contains("unsafe-inline"), "{kind}: {csp}");
        assert_eq!(
            header(answer, "x-content-type-options"),
            "nosniff",
            "{kind}"
        );
        assert_eq!(header(answer, "x-frame-options"), "DENY", "{kind}");
        assert_eq!(header(answer, "referrer-policy"), "same-origin", "{kind}");
        let permissions = header(answer, "permissions-policy");
        assert!(permissions.contains("camera=()"), "{kind}: {permissions:?}");
        assert!(
            !permissions.contains("publickey-credentials"),
            "{kind}: passkeys must keep working: {permissions}"
        );
        // The public URL of this app is http: no HSTS.
        assert_eq!(header(answer, "strict-transport-security"), "", "{kind}");
    }
    let asset = &answers[7].1;
    assert_eq!(asset.status, StatusCode::OK, "{}", asset.body);
}

#[tokio::test]
async fn each_response_has_its_own_nonce_and_the_page_scripts_carry_it() {
    let h = harness().await;
    let app = whole_app(&h, site_with_an_asset()).await;
    let first = send(&app, get_request("/sign-in", None)).await;
    let second = send(&app, get_request("/sign-in", None)).await;
    let (one, two) = (policy_nonce(&first), policy_nonce(&second));
    assert!(one.len() >= 22, "128 bits: {one}");
    assert_ne!(one, two, "a nonce is never reused");
    for (page, nonce) in [(&first, &one), (&second, &two)] {
        assert!(
            page.body.contains(&format!("nonce=\"{nonce}\"")),
            "the hydration scripts carry the policy's nonce: {}",
            page.body
        );
        // Every inline script is allowed by the nonce: none without it, none with another.
        let scripts = page.body.matches("<script").count();
        let allowed = page
            .body
            .matches(&format!("<script nonce=\"{nonce}\""))
            .count()
            + page
                .body
                .matches(&format!("<script type=\"module\" nonce=\"{nonce}\""))
                .count();
        assert_eq!(scripts, allowed, "{}", page.body);
    }
    // The not-found page is rendered by the fallback; its scripts need the nonce too.
    let missing = send(&app, get_request("/no/such/page", None)).await;
    let nonce = policy_nonce(&missing);
    assert!(
        missing.body.contains(&format!("nonce=\"{nonce}\"")),
        "{}",
        missing.body
    );
}

#[tokio::test]
async fn signed_in_pages_are_never_stored_but_assets_may_be_cached() {
    let h = harness().await;
    let session = h.signed_in("asha@example.com").await;
    let app = whole_app(&h, site_with_an_asset()).await;
    for path in ["/orders", "/profile", "/settings/rest-api"] {
        let page = send(&app, get_request(path, Some(&session))).await;
        assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.body);
        assert_eq!(header(&page, "cache-control"), "no-store", "{path}");
    }
    let session_probe = send(
        &app,
        Request::post("/api/auth/current-session")
            .header(header::HOST, "portal.test")
            .header(header::ORIGIN, "http://portal.test")
            .header(header::COOKIE, format!("{SESSION_COOKIE}={session}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(header(&session_probe, "cache-control"), "no-store");
    let asset = send(&app, get_request("/pkg/rootline.css", None)).await;
    assert_eq!(asset.status, StatusCode::OK);
    assert!(
        !header(&asset, "cache-control").contains("no-store"),
        "{:?}",
        asset.headers
    );
}

/// Razorpay's checkout is a form the customer posts from the portal to Razorpay: without its
/// origin in `form-action`, the browser refuses to send it and nobody can pay.
#[tokio::test]
async fn forms_may_go_to_the_configured_checkout_origin_and_nowhere_else() {
    let portal = url::Url::parse("https://pki.example.com").unwrap();
    for (targets, expected) in [
        (vec![], "form-action 'self';"),
        (
            vec!["https://api.razorpay.com".to_owned()],
            "form-action 'self' https://api.razorpay.com;",
        ),
    ] {
        let policy = SecurityHeaders::for_public_url(&portal).with_form_targets(targets);
        let app = Router::new()
            .route("/", get(|| async { "ok" }))
            .layer(from_fn_with_state(Arc::new(policy), security_headers));
        let answer = send(&app, get_request("/", None)).await;
        let csp = header(&answer, "content-security-policy");
        assert!(csp.contains(expected), "{expected:?} not in {csp:?}");
    }
}

#[tokio::test]
async fn strict_transport_security_only_when_the_public_url_is_https() {
    for (url, expected) in [
        (
            "https://pki.example.com",
            "max-age=63072000; includeSubDomains",
        ),
        ("http://localhost:3000", ""),
    ] {
        let policy = SecurityHeaders::for_public_url(&url::Url::parse(url).unwrap());
        let app = Router::new()
            .route("/", get(|| async { "ok" }))
            .layer(from_fn_with_state(Arc::new(policy), security_headers));
        let answer = send(&app, get_request("/", None)).await;
        assert_eq!(
            header(&answer, "strict-transport-security"),
            expected,
            "{url}"
        );
    }
}

#[tokio::test]
async fn an_oversized_server_function_body_answers_413_with_the_limit() {
    let h = harness().await;
    let app = whole_app(&h, site_with_an_asset()).await;
    let huge = format!("email={}&password=x", "a".repeat(10 * 1024 * 1024));
    let answer = send(
        &app,
        post_request(
            "/api/auth/sign-in",
            "application/x-www-form-urlencoded",
            huge,
        ),
    )
    .await;
    assert_eq!(
        answer.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        answer.body
    );
    assert!(answer.body.contains("too large"), "{}", answer.body);
    assert!(answer.body.contains("2 MB"), "{}", answer.body);
    // A normal-sized call still reaches the server function.
    let small = send(
        &app,
        post_request(
            "/api/auth/sign-in",
            "application/x-www-form-urlencoded",
            "email=nobody%40example.com&password=x",
        ),
    )
    .await;
    assert_ne!(
        small.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        small.body
    );
}

//! The per-client limits on public routes, through the real router: sign-up, tracking links,
//! and the delegate's PIN download each refuse a client past its allowance, while the next
//! client is unaffected.

use axum::{
    body::Body,
    extract::ConnectInfo,
    http::{Request, StatusCode, header},
};
use tower::ServiceExt;

use super::authorization_matrix::app;
use crate::{domain::client_limits::ThrottleScope, services::identity::test_support::harness};

/// Posts a form from `client`, as the TCP peer; status and where it redirects.
async fn post_from(
    app: &axum::Router,
    client: &str,
    path: &str,
    body: &str,
    accept: &str,
) -> (StatusCode, Option<String>) {
    let mut request = Request::post(path)
        .header(header::HOST, "portal.test")
        .header(header::ORIGIN, "http://portal.test")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, accept)
        .body(Body::from(body.to_owned()))
        .unwrap();
    request
        .extensions_mut()
        .insert(ConnectInfo(std::net::SocketAddr::new(
            client.parse().unwrap(),
            40000,
        )));
    let response = app.clone().oneshot(request).await.unwrap();
    let location = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (response.status(), location)
}

const JSON: &str = "application/json";

fn sign_up(n: u64) -> String {
    format!(
        "kind=enterprise&name=Asha+Rao&email=user{n}%40example.com&mobile=%2B91+98450+12345&organization=Example+Pvt+Ltd&country=IN&accept_terms=yes&terms_version=1&agreement_version=1"
    )
}

#[tokio::test]
async fn sign_ups_are_limited_per_client_address() {
    let h = harness().await;
    let app = app(&h).await;
    let limit = ThrottleScope::SignUp.limit();
    for n in 0..limit {
        let (status, _) =
            post_from(&app, "203.0.113.9", "/api/auth/sign-up", &sign_up(n), JSON).await;
        assert_eq!(status, StatusCode::OK, "sign-up {n}");
    }
    let (status, _) = post_from(
        &app,
        "203.0.113.9",
        "/api/auth/sign-up",
        &sign_up(limit),
        JSON,
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let (status, _) = post_from(
        &app,
        "198.51.100.4",
        "/api/auth/sign-up",
        &sign_up(limit + 1),
        JSON,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "another client is not affected");
}

#[tokio::test]
async fn tracking_link_calls_are_limited_per_client_address() {
    let h = harness().await;
    let app = app(&h).await;
    let guess = "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    for n in 0..ThrottleScope::Tracking.limit() {
        let (status, _) = post_from(&app, "203.0.113.9", "/api/track/get", guess, JSON).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "guess {n}");
    }
    let (status, _) = post_from(&app, "203.0.113.9", "/api/track/get", guess, JSON).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let (status, _) = post_from(&app, "198.51.100.4", "/api/track/get", guess, JSON).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "another client is not affected"
    );
}

#[tokio::test]
async fn delegate_pin_downloads_are_limited_per_client_address() {
    let h = harness().await;
    let app = app(&h).await;
    let html = "text/html";
    for order in 0..ThrottleScope::DelegatePin.limit() {
        let body = format!("order_id={}&pin=12345678&format=pem", 1000 + order);
        let (_, location) =
            post_from(&app, "203.0.113.9", "/download/certificate", &body, html).await;
        assert_eq!(
            location.as_deref(),
            Some("/download?error=wrong"),
            "order {order}"
        );
    }
    let body = "order_id=2000&pin=12345678&format=pem";
    let (_, location) = post_from(&app, "203.0.113.9", "/download/certificate", body, html).await;
    assert_eq!(location.as_deref(), Some("/download?error=too_many"));
    let (_, location) = post_from(&app, "198.51.100.4", "/download/certificate", body, html).await;
    assert_eq!(location.as_deref(), Some("/download?error=wrong"));
}

//! `/metrics`, `/healthz` and `/readyz` through the whole HTTP surface as `startup` builds
//! it. The metrics page is read by a real Prometheus text-format parser.

use std::{
    net::{IpAddr, SocketAddr},
    sync::Arc,
};

use axum::{
    Router,
    body::Body,
    extract::ConnectInfo,
    http::{HeaderMap, Request, StatusCode, header},
};
use leptos::prelude::LeptosOptions;
use prometheus_parse::{Sample, Scrape, Value};
use tower::ServiceExt;

use super::{authorization_matrix::surface, middleware::SecurityHeaders};
use crate::{
    ca::{
        Authority,
        test_support::{dv_csr, issue_dv, temp_dir},
    },
    ports::keys::KeySpec,
    services::identity::test_support::{Harness, harness},
    telemetry::series,
};

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

/// A GET from `from` (the TCP peer), or from nowhere in particular.
async fn get(app: &Router, path: &str, from: Option<&str>, extra: &[(&str, &str)]) -> Answer {
    let mut request = Request::get(path).header(header::HOST, "portal.test");
    for (name, value) in extra {
        request = request.header(*name, *value);
    }
    let mut request = request.body(Body::empty()).unwrap();
    if let Some(ip) = from {
        let ip: IpAddr = ip.parse().unwrap();
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::new(ip, 40_000)));
    }
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

struct Surface {
    app: Router,
    authority: Arc<Authority>,
    h: Harness,
}

async fn surface_with_metrics() -> Surface {
    crate::telemetry::recorder::install().expect("the recorder installs");
    let h = harness().await;
    let options = LeptosOptions::builder()
        .output_name("rootline")
        .site_root(temp_dir("site").display().to_string())
        .site_pkg_dir("pkg")
        .build();
    let (state, acme, rest) = surface(&h, options);
    let authority = state.authority.clone();
    let app = super::app(
        state,
        super::acme::router(acme),
        super::rest::router(rest),
        SecurityHeaders {
            https: false,
            form_targets: Vec::new(),
        },
    );
    Surface { app, authority, h }
}

fn scrape(text: &str) -> Scrape {
    Scrape::parse(text.lines().map(|l| Ok(l.to_owned()))).unwrap()
}

/// The samples of `metric` whose labels include every pair of `labels`.
fn samples<'s>(scrape: &'s Scrape, metric: &str, labels: &[(&str, &str)]) -> Vec<&'s Sample> {
    scrape
        .samples
        .iter()
        .filter(|s| s.metric == metric)
        .filter(|s| labels.iter().all(|(k, v)| s.labels.get(k) == Some(*v)))
        .collect()
}

fn counter(scrape: &Scrape, metric: &str, labels: &[(&str, &str)]) -> f64 {
    let found = samples(scrape, metric, labels);
    match found.as_slice() {
        [one] => match one.value {
            Value::Counter(v) => v,
            ref other => panic!("{metric} {labels:?} is not a counter: {other:?}"),
        },
        other => panic!("{metric} {labels:?}: {} samples", other.len()),
    }
}

fn histogram_count(scrape: &Scrape, metric: &str, labels: &[(&str, &str)]) -> f64 {
    let found = samples(scrape, metric, labels);
    let [one] = found.as_slice() else {
        panic!("{metric} {labels:?}: {} samples", found.len());
    };
    let Value::Histogram(buckets) = &one.value else {
        panic!("{metric} {labels:?} is not a histogram: {:?}", one.value);
    };
    buckets
        .iter()
        .find(|b| b.less_than.is_infinite())
        .map(|b| b.count)
        .unwrap()
}

#[tokio::test]
async fn after_an_issuance_the_metrics_page_parses_with_the_issuance_ocsp_and_http_series() {
    let s = surface_with_metrics().await;
    s.authority.init(KeySpec::EcP256).await.unwrap();
    issue_dv(&s.authority, &dv_csr(&temp_dir("metrics"))).await;
    assert_eq!(
        get(&s.app, "/ca/root.crt", None, &[]).await.status,
        StatusCode::OK
    );
    // Not base64: a malformedRequest answer, still an OCSP response served.
    get(&s.app, "/ocsp/not-an-ocsp-request!", None, &[]).await;

    let page = get(&s.app, "/metrics", Some("127.0.0.1"), &[]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(
        page.headers[header::CONTENT_TYPE],
        "text/plain; version=0.0.4; charset=utf-8"
    );
    let scrape = scrape(&page.body);

    let tls = [("ca", "tls"), ("profile", "tls-dv")];
    assert!(counter(&scrape, series::CERTIFICATES_ISSUED, &tls) >= 1.0);
    assert!(histogram_count(&scrape, series::ISSUANCE_DURATION, &tls) >= 1.0);

    let ca_file = [("method", "GET"), ("route", "/ca/:file"), ("status", "200")];
    assert!(counter(&scrape, series::HTTP_REQUESTS, &ca_file) >= 1.0);
    assert!(histogram_count(&scrape, series::HTTP_DURATION, &ca_file) >= 1.0);
    let raw_paths: Vec<_> = scrape
        .samples
        .iter()
        .filter_map(|s| s.labels.get("route"))
        .filter(|route| route.contains("root.crt") || route.contains("not-an-ocsp"))
        .collect();
    assert!(raw_paths.is_empty(), "raw paths as labels: {raw_paths:?}");

    let ocsp = [("method", "GET"), ("status", "malformedRequest")];
    assert!(counter(&scrape, series::OCSP_RESPONSES, &ocsp) >= 1.0);
    assert!(histogram_count(&scrape, series::OCSP_DURATION, &[("method", "GET")]) >= 1.0);

    for (metric, labels) in [
        (series::MAIL_OUTBOX_QUEUED, &[][..]),
        (series::JOB_LAG, &[("job", "mail_delivery")][..]),
        (series::JOB_LAG, &[("job", "crl_refresh")][..]),
        (series::DB_POOL_CONNECTIONS, &[("state", "in_use")][..]),
        (series::DB_POOL_CONNECTIONS, &[("state", "idle")][..]),
    ] {
        let found = samples(&scrape, metric, labels);
        assert!(
            matches!(found.as_slice(), [one] if matches!(one.value, Value::Gauge(_))),
            "{metric} {labels:?}: {found:?}"
        );
    }
    assert!(
        scrape.docs.contains_key(series::CERTIFICATES_ISSUED),
        "help texts are sent"
    );
}

#[tokio::test]
async fn the_metrics_page_is_refused_to_other_machines_and_to_proxied_requests() {
    let s = surface_with_metrics().await;
    for (from, extra) in [
        (Some("192.0.2.7"), &[][..]),
        (None, &[][..]),
        (Some("127.0.0.1"), &[("x-forwarded-for", "203.0.113.5")][..]),
    ] {
        let answer = get(&s.app, "/metrics", from, extra).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{from:?} {extra:?}");
        assert!(!answer.body.contains("rootline_"), "{}", answer.body);
    }
}

#[tokio::test]
async fn health_is_ok_while_serving_and_readiness_follows_the_ca_and_the_database() {
    let s = surface_with_metrics().await;
    let health = get(&s.app, "/healthz", None, &[]).await;
    assert_eq!(
        (health.status, health.body.as_str()),
        (StatusCode::OK, "ok")
    );

    let not_yet = get(&s.app, "/readyz", None, &[]).await;
    assert_eq!(not_yet.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        not_yet.body,
        "not ready: CA root does not exist (run: server ca init)"
    );
    assert!(
        not_yet.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );

    s.authority.init(KeySpec::EcP256).await.unwrap();
    let ready = get(&s.app, "/readyz", None, &[]).await;
    assert_eq!(
        (ready.status, ready.body.as_str()),
        (StatusCode::OK, "ready")
    );

    s.h.store.close().await.unwrap();
    let gone = get(&s.app, "/readyz", None, &[]).await;
    assert_eq!(
        (gone.status, gone.body.as_str()),
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "not ready: the database does not answer"
        )
    );
    let health = get(&s.app, "/healthz", None, &[]).await;
    assert_eq!(
        health.status,
        StatusCode::OK,
        "the process still serves: only readiness fails"
    );
}

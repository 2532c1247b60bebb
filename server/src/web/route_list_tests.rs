//! Building a router must not stall pages rendered at the same time. Listing the app's routes
//! renders the whole app with resource loading switched off by a process-wide flag
//! (leptos#4773); a page whose data was first asked for inside that window waited forever.
//! Tests build a router each, in parallel, so the suite hung now and then.

use std::time::Duration;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use tower::ServiceExt;

use super::{authorization_matrix::app, cookies::SESSION_COOKIE};
use crate::services::identity::test_support::harness;

/// Asks for `path` signed in with `session` and checks that the whole page comes, with 200,
/// within 30 s; `what` names the request in the failure.
async fn renders_whole_page(portal: &axum::Router, path: &str, session: &str, what: &str) {
    let request = Request::get(path)
        .header(header::HOST, "portal.test")
        .header(header::ACCEPT, "text/html")
        .header(header::COOKIE, format!("{SESSION_COOKIE}={session}"))
        .body(Body::empty())
        .unwrap();
    let page = async {
        let response = portal.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), 8 << 20)
            .await
            .unwrap();
        (status, body)
    };
    let (status, body) = tokio::time::timeout(Duration::from_secs(30), page)
        .await
        .unwrap_or_else(|_| panic!("{what} never finished rendering"));
    assert_eq!(status, StatusCode::OK, "{what}");
    assert!(
        String::from_utf8_lossy(&body).contains("</html>"),
        "{what} stopped mid-page"
    );
}

#[tokio::test]
async fn pages_render_while_another_thread_builds_routers() {
    let h = harness().await;
    let asha = h.signed_in("asha@example.com").await;
    let portal = app(&h).await;

    let builder = std::thread::spawn(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let other = harness().await;
            for _ in 0..40 {
                let _ = app(&other).await;
            }
        });
    });

    let mut rendered = 0;
    while !builder.is_finished() || rendered < 40 {
        for path in ["/orders", "/users", "/settings/ip-rules", "/domains"] {
            renders_whole_page(&portal, path, &asha, path).await;
            rendered += 1;
        }
    }
    builder.join().unwrap();
}

/// Signed-in pages, requested four at a time on a multi-threaded runtime, all finish. Before
/// pages were rendered on one thread each (`render_thread`), about one in 200 never did: a
/// Leptos resource's wake-up was lost between two worker threads.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_signed_in_pages_all_finish_rendering() {
    let h = harness().await;
    let asha = h.signed_in("asha@example.com").await;
    let portal = app(&h).await;
    let workers = (0..4).map(|_| {
        let portal = portal.clone();
        let asha = asha.clone();
        tokio::spawn(async move {
            for n in 0..300 {
                let path = ["/settings/renewals", "/users", "/orders"][n % 3];
                renders_whole_page(&portal, path, &asha, &format!("{path} (request {n})")).await;
            }
        })
    });
    for worker in workers.collect::<Vec<_>>() {
        worker.await.unwrap();
    }
}

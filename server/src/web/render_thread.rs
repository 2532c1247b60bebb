//! Where portal pages are rendered: each page on one thread, on a small pool of single-threaded
//! runtimes, rather than on the server's multi-threaded one.
//!
//! Leptos's server rendering of `<Suspense>` and resources now and then loses a wake-up when
//! its tasks run on two threads at once: about one signed-in page in 200, under four
//! concurrent requests, never finished (the response stalled after its headers; leptos#4578,
//! #4647, #4673 report the same family). The same pages on one worker thread never stalled
//! (0 in 1,600), and in the browser, where Leptos always runs on one thread, they never do.
//! So a page's handler, every task its rendering spawns (resource loaders, Suspense effects)
//! and the polling of its streamed body all stay on one thread; the pool keeps one such thread
//! per core, so pages still render in parallel with each other.
//!
//! Everything else (server functions, ACME, REST, OCSP, files) stays on the main runtime.

use std::sync::{
    OnceLock,
    atomic::{AtomicUsize, Ordering},
};

use axum::{
    body::Body,
    extract::Request,
    http::StatusCode,
    middleware::Next,
    response::{IntoResponse, Response},
};
use http_body_util::{BodyExt, StreamBody};
use tokio::{
    runtime::Handle,
    sync::{mpsc, oneshot},
};
use tracing::Instrument;

/// How many body frames may wait between the render thread and the connection: enough to
/// keep a streamed page flowing, few enough that a slow client holds back rendering.
const FRAMES_IN_FLIGHT: usize = 16;

/// The render threads, each running a current-thread runtime for as long as the process does.
pub struct RenderPool {
    handles: Vec<Handle>,
    next: AtomicUsize,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderPoolError {
    #[error("cannot start a page-rendering thread: {0}")]
    Start(#[from] std::io::Error),
}

impl RenderPool {
    /// Starts `threads` render threads (at least one).
    pub fn start(threads: usize) -> Result<Self, RenderPoolError> {
        let handles = (0..threads.max(1))
            .map(|n| {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()?;
                let handle = runtime.handle().clone();
                std::thread::Builder::new()
                    .name(format!("rootline-render-{n}"))
                    // The thread drives its runtime forever; tasks arrive through `handle`.
                    .spawn(move || runtime.block_on(std::future::pending::<()>()))?;
                Ok(handle)
            })
            .collect::<Result<Vec<_>, std::io::Error>>()?;
        Ok(Self {
            handles,
            next: AtomicUsize::new(0),
        })
    }

    /// The process's pool, one thread per core, started on first use. Every router of the
    /// process (tests build many) shares it.
    pub fn shared() -> Result<&'static Self, &'static RenderPoolError> {
        static POOL: OnceLock<Result<RenderPool, RenderPoolError>> = OnceLock::new();
        POOL.get_or_init(|| {
            let cores = std::thread::available_parallelism().map_or(1, usize::from);
            Self::start(cores)
        })
        .as_ref()
    }

    /// The thread for the next page: in turn, so concurrent pages spread over the cores.
    fn pick(&self) -> Option<&Handle> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        self.handles.get(n % self.handles.len().max(1))
    }

    /// Runs `next` for `req` on one render thread and streams its body back from there.
    pub async fn render(&self, req: Request, next: Next) -> Response {
        let (head_tx, head_rx) = oneshot::channel();
        let (frames_tx, mut frames_rx) = mpsc::channel(FRAMES_IN_FLIGHT);
        let render = async move {
            let (parts, mut body) = next.run(req).await.into_parts();
            if head_tx.send(parts).is_err() {
                return;
            }
            while let Some(frame) = body.frame().await {
                // The receiver is gone when the client went away: stop rendering.
                if frames_tx.send(frame).await.is_err() {
                    break;
                }
            }
        };
        // `start` makes at least one thread, so there is always one to pick.
        let Some(thread) = self.pick() else {
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        };
        thread.spawn(render.in_current_span());
        match head_rx.await {
            Ok(parts) => {
                let frames = futures_util::stream::poll_fn(move |cx| frames_rx.poll_recv(cx));
                Response::from_parts(parts, Body::new(StreamBody::new(frames)))
            }
            // The render task panicked before it had a response.
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        }
    }
}

/// The middleware for the page routes: renders the page on a render thread.
pub async fn on_render_thread(req: Request, next: Next) -> Response {
    match RenderPool::shared() {
        Ok(pool) => pool.render(req, next).await,
        Err(e) => {
            tracing::error!("{e}");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::{Router, body::Bytes, middleware::from_fn, routing::get};
    use tower::ServiceExt;

    fn thread_name() -> String {
        std::thread::current().name().unwrap_or_default().to_owned()
    }

    /// A handler that spawns work and streams its body, as a Leptos page does.
    async fn page() -> Response {
        let spawned_on = tokio::spawn(async { thread_name() })
            .await
            .unwrap_or_default();
        let handled_on = thread_name();
        let chunks = futures_util::stream::iter(vec![
            Ok::<_, std::io::Error>(Bytes::from(format!("{handled_on}|"))),
            Ok(Bytes::from(spawned_on)),
        ]);
        Body::from_stream(chunks).into_response()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_page_its_spawned_tasks_and_its_body_run_on_one_render_thread() {
        let app = Router::new()
            .route("/page", get(page))
            .route_layer(from_fn(on_render_thread));
        for _ in 0..8 {
            let response = app
                .clone()
                .oneshot(Request::get("/page").body(Body::empty()).unwrap())
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            let body = response.into_body().collect().await.unwrap().to_bytes();
            let body = String::from_utf8(body.to_vec()).unwrap();
            let (handled_on, spawned_on) = body.split_once('|').unwrap();
            assert!(handled_on.starts_with("rootline-render-"), "{body}");
            assert_eq!(handled_on, spawned_on);
        }
    }

    #[tokio::test]
    async fn a_client_that_goes_away_stops_the_render() {
        // Sends when the page's endless body is dropped: the render only ends because the
        // response's reader went away.
        struct Endless(Option<oneshot::Sender<()>>);
        impl Drop for Endless {
            fn drop(&mut self) {
                if let Some(tx) = self.0.take() {
                    let _ = tx.send(());
                }
            }
        }
        let (dropped_tx, dropped_rx) = oneshot::channel::<()>();
        let dropped_tx = std::sync::Arc::new(std::sync::Mutex::new(Some(dropped_tx)));
        let app = Router::new()
            .route(
                "/endless",
                get(move || async move {
                    let guard = Endless(dropped_tx.lock().unwrap().take());
                    let chunks = futures_util::stream::unfold(guard, |guard| async move {
                        tokio::task::yield_now().await;
                        Some((Ok::<_, std::io::Error>(Bytes::from_static(b"x")), guard))
                    });
                    Body::from_stream(chunks).into_response()
                }),
            )
            .route_layer(from_fn(on_render_thread));
        let response = app
            .oneshot(Request::get("/endless").body(Body::empty()).unwrap())
            .await
            .unwrap();
        let mut body = response.into_body();
        assert!(body.frame().await.is_some(), "the body streams");
        drop(body);
        tokio::time::timeout(std::time::Duration::from_secs(10), dropped_rx)
            .await
            .expect("the render stops once nobody reads it")
            .unwrap();
    }
}

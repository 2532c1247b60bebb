//! The portal's server-function bodies, through Leptos' own dispatcher: the input's first
//! byte picks one of the registered endpoints (every `/api/<area>/<action>`, so a new one is
//! fuzzed without listing it here), the rest is its `application/x-www-form-urlencoded` body.
//! The request goes through `leptos_axum::handle_server_fns_with_context` as in the real
//! router, but with no backend in the context, so each call ends after its arguments were
//! decoded and its body asked for one: what is fuzzed is the decoding every request goes
//! through first.
#![no_main]
// A harness that cannot start must stop loudly; the code under test is held to the rules.
#![allow(clippy::expect_used, clippy::panic)]

use std::sync::OnceLock;

use axum::{body::Body, http::Request};
use libfuzzer_sys::fuzz_target;

struct World {
    runtime: tokio::runtime::Runtime,
    paths: Vec<&'static str>,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        // Referencing the app keeps its server functions (registered at link time) linked.
        let _ = app::App;
        let mut paths: Vec<&'static str> = server_fn::axum::server_fn_paths()
            .map(|(path, _)| path)
            .collect();
        paths.sort_unstable();
        assert!(
            paths.len() > 100,
            "only {} server functions are registered",
            paths.len()
        );
        World {
            runtime: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a tokio runtime"),
            paths,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let w = world();
    let Some((pick, body)) = data.split_first() else {
        return;
    };
    let Some(path) = w.paths.get(usize::from(*pick) % w.paths.len()) else {
        return;
    };
    let Ok(request) = Request::post(*path)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body.to_vec()))
    else {
        return;
    };
    let _ = w
        .runtime
        .block_on(leptos_axum::handle_server_fns_with_context(|| {}, request));
});

//! OCSP requests (RFC 6960) as `/ocsp` receives them: the DER body of a POST, and the GET
//! form (base64 of the DER in the path). They are answered by a real responder: the CA
//! hierarchy, its database and keys in `ROOTLINE_FUZZ_STATE`, which `scripts/fuzz.sh` makes
//! with the server's own command line (`server ca init`, `ca issue`, `ca revoke`), so the seed
//! requests name certificates that exist, are good or are revoked.
#![no_main]
// A harness that cannot start must stop loudly; the code under test is held to the rules.
#![allow(clippy::expect_used, clippy::panic)]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use server::{ca::Authority, config::Config};

struct World {
    runtime: tokio::runtime::Runtime,
    authority: Arc<Authority>,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let state = std::env::var("ROOTLINE_FUZZ_STATE")
            .expect("ROOTLINE_FUZZ_STATE names the CA made by scripts/fuzz.sh");
        let config = Config::from_lookup(|name| match name {
            "ROOTLINE_DATA_DIR" => Some(state.clone()),
            _ => None,
        })
        .expect("the default configuration");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let services = runtime
            .block_on(server::startup::services(&config))
            .unwrap_or_else(|e| panic!("the CA in {state}: {e}"));
        World {
            runtime,
            authority: services.authority,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let w = world();
    let _ = w.runtime.block_on(w.authority.ocsp_response(data));
    if let Ok(path) = std::str::from_utf8(data)
        && let Some(der) = server::web::ocsp::request_from_path(path)
    {
        let _ = w.runtime.block_on(w.authority.ocsp_response(&der));
    }
});

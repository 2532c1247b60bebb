//! Certificate signing requests as they arrive from the portal, REST, ACME finalize and the
//! tracking page: PEM or DER, read by the CA's reader and by the portal's (which the browser
//! runs too), each with its signature check.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = server::ca::inspect_csr(data);
    if let Ok(summary) = app::pki::inspect_csr(data) {
        let _ = summary.verified();
    }
});

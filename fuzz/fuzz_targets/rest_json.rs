//! REST request bodies (`/api/v1`): every body type decoded as its handler decodes it, an
//! order's body turned into the portal's order form (names from the CSR when none are given),
//! and each checked by the rules its service applies.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    server::web::rest::decode_bodies(data);
});

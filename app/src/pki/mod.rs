//! Keys and certificate signing requests made in the browser (ORD-3): the order wizard generates
//! the key pair and CSR here, lets the user save the private key (PEM, or PKCS#12 under a
//! password), and sends only the CSR. Pure Rust, no I/O: the same code runs in the browser
//! (wasm32) and natively, where the tests check every output against OpenSSL.

mod algorithm;
mod error;
mod generate;
mod inspect;
mod keys;
pub mod on_demand;
pub mod pem;
mod pkcs12;
pub mod save;

pub use algorithm::{KeyAlgorithm, indefinite_article};
pub use error::PkiError;
pub use generate::{CsrRequest, GeneratedKey, generate};
pub use inspect::{CsrSummary, inspect_csr};
pub use keys::key_matches_certificate;
pub use pkcs12::{PKCS12_ITERATIONS, PKCS12_MIN_PASSWORD_CHARS, pkcs12};
pub use save::save_file;

#[cfg(test)]
mod tests;

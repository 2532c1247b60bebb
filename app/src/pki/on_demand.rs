//! The browser's cryptography (key generation, PKCS#12, reading CSRs and keys: the RSA, elliptic
//! curve and DER code, a good third of the order pages' bytes) is a chunk of the bundle of its
//! own, fetched the first time a user asks for one of these, not with every order page. Each
//! function is a split point of the module `pki`, so the four share that one chunk; natively
//! (the server, the tests) they run the functions of [`super`] directly.
//!
//! The split points link their chunk with `unsafe extern` blocks, hence the allowance here.
#![allow(unsafe_code)]

use leptos::wasm_split::wasm_split;

use super::{CsrRequest, CsrSummary, GeneratedKey, KeyAlgorithm, PkiError};

/// [`super::generate`], fetching the cryptography first if the page has not yet.
#[wasm_split(pki, wasm_split_path = ::leptos::wasm_split, fallible, preload(#[doc(hidden)] preload_pki))]
pub fn generate(algorithm: KeyAlgorithm, request: CsrRequest) -> Result<GeneratedKey, PkiError> {
    super::generate(algorithm, &request)
}

/// [`super::pkcs12`], fetching the cryptography first if the page has not yet.
#[wasm_split(pki, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn pkcs12(
    private_key_pem: String,
    certificates_pem: Option<String>,
    password: String,
    friendly_name: String,
) -> Result<Vec<u8>, PkiError> {
    super::pkcs12(
        &private_key_pem,
        certificates_pem.as_deref(),
        &password,
        &friendly_name,
    )
}

/// [`super::inspect_csr`], fetching the cryptography first if the page has not yet.
#[wasm_split(pki, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn inspect_csr(pem_or_der: Vec<u8>) -> Result<CsrSummary, PkiError> {
    super::inspect_csr(&pem_or_der)
}

/// [`super::key_matches_certificate`], fetching the cryptography first if the page has not yet.
#[wasm_split(pki, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn key_matches_certificate(
    private_key_pem: String,
    certificate_pem: String,
) -> Result<bool, PkiError> {
    super::key_matches_certificate(&private_key_pem, &certificate_pem)
}

/// Starts fetching the cryptography's chunk, so that a page where the user will probably need
/// it (a key to make, a PKCS#12 to build) has it by the time they click. A failure here is
/// not the user's concern yet: the call that needs the chunk retries and reports it.
pub fn prefetch() {
    #[cfg(target_arch = "wasm32")]
    leptos::task::spawn_local(async {
        let _ = preload_pki().await;
    });
}

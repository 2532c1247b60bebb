//! `/ocsp`: the OCSP responder over HTTP (RFC 6960 appendix A), POST and GET.

use axum::{
    body::Bytes,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use base64::{Engine, engine::general_purpose::STANDARD};

use super::AppState;

/// Requests larger than this are not OCSP requests.
const MAX_REQUEST: usize = 4096;

fn answer(der: Vec<u8>, cacheable: bool) -> Response {
    let cache = if cacheable {
        "public, max-age=3600"
    } else {
        "no-store"
    };
    (
        [
            (header::CONTENT_TYPE, "application/ocsp-response"),
            (header::CACHE_CONTROL, cache),
        ],
        der,
    )
        .into_response()
}

pub async fn post(State(state): State<AppState>, body: Bytes) -> Response {
    if body.len() > MAX_REQUEST {
        return (StatusCode::PAYLOAD_TOO_LARGE, "OCSP request too large").into_response();
    }
    answer(state.authority.ocsp_response(&body).await, false)
}

/// The DER request a GET carries base64-encoded in its (already URL-decoded) path; `None`
/// when it is not base64 or too large to be an OCSP request.
pub fn request_from_path(encoded: &str) -> Option<Vec<u8>> {
    let cleaned: String = encoded.chars().filter(|c| !c.is_whitespace()).collect();
    STANDARD
        .decode(cleaned.as_bytes())
        .ok()
        .filter(|der| der.len() <= MAX_REQUEST)
}

/// GET carries the DER request base64-encoded (and URL-encoded) in the path.
pub async fn get(State(state): State<AppState>, Path(encoded): Path<String>) -> Response {
    match request_from_path(&encoded) {
        Some(der) => answer(state.authority.ocsp_response(&der).await, true),
        None => answer(
            der::Encode::to_der(&x509_ocsp::OcspResponse::malformed_request()).unwrap_or_default(),
            false,
        ),
    }
}

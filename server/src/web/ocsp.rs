//! `/ocsp`: the OCSP responder over HTTP (RFC 6960 appendix A), POST and GET.

use axum::{
    body::Bytes,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use base64::{Engine, engine::general_purpose::STANDARD};

use std::time::Instant;

use super::AppState;
use crate::telemetry::series;

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

/// Counts and times one response for `/metrics`, by method and OCSP response status.
fn served(method: &'static str, started: Instant, der: Vec<u8>) -> Vec<u8> {
    series::ocsp_response(method, response_status(&der), started.elapsed());
    der
}

/// The RFC 6960 responseStatus of a DER OCSPResponse, by name.
fn response_status(der: &[u8]) -> &'static str {
    use der::Decode;
    use x509_ocsp::OcspResponseStatus as S;
    match x509_ocsp::OcspResponse::from_der(der).map(|r| r.response_status) {
        Ok(S::Successful) => "successful",
        Ok(S::MalformedRequest) => "malformedRequest",
        Ok(S::InternalError) => "internalError",
        Ok(S::TryLater) => "tryLater",
        Ok(S::SigRequired) => "sigRequired",
        Ok(S::Unauthorized) => "unauthorized",
        Err(_) => "unreadable",
    }
}

pub async fn post(State(state): State<AppState>, body: Bytes) -> Response {
    if body.len() > MAX_REQUEST {
        return (StatusCode::PAYLOAD_TOO_LARGE, "OCSP request too large").into_response();
    }
    let started = Instant::now();
    let der = state.authority.ocsp_response(&body).await;
    answer(served("POST", started, der), false)
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
    let started = Instant::now();
    match request_from_path(&encoded) {
        Some(der) => {
            let response = state.authority.ocsp_response(&der).await;
            answer(served("GET", started, response), true)
        }
        None => answer(
            served(
                "GET",
                started,
                der::Encode::to_der(&x509_ocsp::OcspResponse::malformed_request())
                    .unwrap_or_default(),
            ),
            false,
        ),
    }
}

//! `/ca/<name>.crt` and `/crl/<name>.crl`: the CA certificates (PEM) and their CRLs (DER), at
//! the stable URLs that certificates point to.

use axum::{
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

use super::{AppState, portal::incident};

pub async fn ca_certificate(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(name) = file.strip_suffix(".crt") else {
        return (StatusCode::NOT_FOUND, "No such CA certificate.").into_response();
    };
    match state.authority.certificate_pem(name).await {
        Ok(Some(pem)) => (
            [
                (header::CONTENT_TYPE, "application/x-pem-file"),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            pem,
        )
            .into_response(),
        Ok(None) => (
            StatusCode::NOT_FOUND,
            "No such CA certificate. CAs are created with `server ca init`.",
        )
            .into_response(),
        Err(e) => {
            let _ = incident(&e);
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "The CA certificate could not be read.",
            )
                .into_response()
        }
    }
}

pub async fn crl(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(name) = file.strip_suffix(".crl") else {
        return (StatusCode::NOT_FOUND, "No such CRL.").into_response();
    };
    match state.authority.current_crl(name).await {
        Ok(Some(der)) => (
            [
                (header::CONTENT_TYPE, "application/pkix-crl"),
                (header::CACHE_CONTROL, "public, max-age=300"),
            ],
            der,
        )
            .into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, "No such CRL.").into_response(),
        Err(e) => {
            let _ = incident(&e);
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "The CRL could not be produced.",
            )
                .into_response()
        }
    }
}

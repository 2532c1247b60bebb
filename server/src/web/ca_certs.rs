//! `/ca/<name>.crt`, `/crl/<name>.crl` and `/crl/<name>/<shard>.crl`: the CA certificates
//! (PEM) and their CRLs (DER), at the stable URLs that certificates point to; and
//! `/crl/<name>/shards.json`, the JSON array of a CA's CRL URLs that CCADB asks for.

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

/// The whole-CA CRL, shard 0: what certificates issued before sharding, and the issuing CAs'
/// own certificates (on the root's), name.
pub async fn crl(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(name) = file.strip_suffix(".crl") else {
        return (StatusCode::NOT_FOUND, "No such CRL.").into_response();
    };
    crl_answer(&state, name, 0).await
}

/// A shard's CRL (`<n>.crl`, n from 1) or the list of every CRL URL of the CA (`shards.json`).
pub async fn crl_shard(
    State(state): State<AppState>,
    Path((name, file)): Path<(String, String)>,
) -> Response {
    if file == PARTITIONS_FILE {
        return partitions(&state, &name).await;
    }
    match file.strip_suffix(".crl").and_then(parse_shard) {
        Some(shard) => crl_answer(&state, &name, shard).await,
        None => (StatusCode::NOT_FOUND, "No such CRL.").into_response(),
    }
}

const PARTITIONS_FILE: &str = "shards.json";

/// A shard number as its URL writes it: 1 or more, in decimal without leading zeros, so each
/// CRL has one URL (the one its certificates and its issuingDistributionPoint name). Shard 0
/// is served only at the whole-CA URL.
fn parse_shard(text: &str) -> Option<i32> {
    let canonical =
        !text.is_empty() && !text.starts_with('0') && text.bytes().all(|b| b.is_ascii_digit());
    canonical.then(|| text.parse().ok()).flatten()
}

async fn crl_answer(state: &AppState, name: &str, shard: i32) -> Response {
    match state.authority.current_crl(name, shard).await {
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

/// The JSON array of full CRL URLs, the form of CCADB's "JSON Array of Partitioned CRLs".
async fn partitions(state: &AppState, name: &str) -> Response {
    let urls = match state.authority.crl_partitions(name).await {
        Ok(Some(urls)) => urls,
        Ok(None) => return (StatusCode::NOT_FOUND, "No such CA.").into_response(),
        Err(e) => {
            let _ = incident(&e);
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                "The CRL list could not be read.",
            )
                .into_response();
        }
    };
    match serde_json::to_vec(&urls) {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            body,
        )
            .into_response(),
        Err(e) => {
            let _ = incident(&e);
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "The CRL list could not be written.",
            )
                .into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use axum::{body::Body, http::Request};
    use tower::ServiceExt;

    use super::*;
    use crate::{
        ca::{
            DEFAULT_CRL_SHARDS,
            test_support::{SECRET, authority},
        },
        ports::keys::KeySpec,
        services::identity::test_support::harness,
        web::authorization_matrix::app,
    };

    #[test]
    fn a_shard_has_one_url_from_1_without_leading_zeros() {
        assert_eq!(parse_shard("1"), Some(1));
        assert_eq!(parse_shard("16"), Some(16));
        for text in ["0", "01", "", "-1", "+1", "1a", "99999999999"] {
            assert_eq!(parse_shard(text), None, "{text:?}");
        }
    }

    #[tokio::test]
    async fn the_shards_their_list_for_ccadb_and_the_whole_ca_crl_are_served() {
        let h = harness().await;
        authority(h.store.clone(), SECRET)
            .init(KeySpec::EcP256)
            .await
            .unwrap();
        let portal = app(&h).await;
        let get = async |path: &str| {
            let response = portal
                .clone()
                .oneshot(Request::get(path).body(Body::empty()).unwrap())
                .await
                .unwrap();
            let status = response.status();
            let kind = response
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let body = axum::body::to_bytes(response.into_body(), 8 << 20)
                .await
                .unwrap();
            (status, kind, body)
        };

        let (status, kind, body) = get("/crl/tls/shards.json").await;
        assert_eq!(
            (status, kind.as_str()),
            (StatusCode::OK, "application/json")
        );
        let urls: Vec<String> = serde_json::from_slice(&body).unwrap();
        assert_eq!(urls.len(), 1 + usize::try_from(DEFAULT_CRL_SHARDS).unwrap());
        assert_eq!(urls[0], "http://pki.example.com/crl/tls.crl");
        assert_eq!(urls[3], "http://pki.example.com/crl/tls/3.crl");
        // Every URL of the list answers with a CRL at its path.
        for url in &urls {
            let path = url.strip_prefix("http://pki.example.com").unwrap();
            let (status, kind, body) = get(path).await;
            assert_eq!(
                (status, kind.as_str()),
                (StatusCode::OK, "application/pkix-crl"),
                "{path}"
            );
            assert_eq!(body.first(), Some(&0x30), "{path}");
        }
        for path in [
            "/crl/tls/0.crl",
            "/crl/tls/01.crl",
            "/crl/tls/17.crl",
            "/crl/tls/1.pem",
            "/crl/root/1.crl",
            "/crl/none/shards.json",
            "/crl/none/1.crl",
        ] {
            assert_eq!(get(path).await.0, StatusCode::NOT_FOUND, "{path}");
        }
        let (status, _, body) = get("/crl/root/shards.json").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            serde_json::from_slice::<Vec<String>>(&body).unwrap(),
            vec!["http://pki.example.com/crl/root.crl".to_owned()]
        );
    }
}

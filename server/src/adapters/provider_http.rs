//! The HTTPS client the payment adapters call their providers' APIs with, and the CA submits
//! to Certificate Transparency logs with: hyper over rustls
//! (ring, the web PKI's roots), a time limit and a cap on the answer's size. Plain `http://`
//! is allowed so tests can point an adapter at a local server.

use std::{sync::Arc, time::Duration};

use http_body_util::{BodyExt, Full, Limited};
use hyper::{Method, Request, body::Bytes, header};
use hyper_util::{
    client::legacy::{Client, connect::HttpConnector},
    rt::TokioExecutor,
};

use crate::ports::payment_gateway::GatewayError;

/// Each call, connecting and reading the answer, within this.
const TIME_LIMIT: Duration = Duration::from_secs(20);
/// API answers are small JSON documents.
const ANSWER_CAP: usize = 1024 * 1024;

#[derive(Clone)]
pub struct ProviderHttp {
    client: Client<hyper_rustls::HttpsConnector<HttpConnector>, Full<Bytes>>,
}

/// A request to a provider: method, URL, the `Authorization` value, and a body with its type.
pub struct Call<'a> {
    pub method: Method,
    pub url: &'a str,
    /// The `Authorization` value; CT logs take none.
    pub authorization: Option<&'a str>,
    pub body: Option<(&'static str, Vec<u8>)>,
    /// Sent as `Idempotency-Key` (Stripe honours it: a retried start makes one session).
    pub idempotency_key: Option<String>,
}

impl ProviderHttp {
    pub fn new() -> Result<Self, GatewayError> {
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_provider_and_webpki_roots(Arc::new(rustls::crypto::ring::default_provider()))
            .map_err(|e| GatewayError::Provider(format!("TLS set-up: {e}")))?
            .https_or_http()
            .enable_http1()
            .build();
        Ok(Self {
            client: Client::builder(TokioExecutor::new()).build(connector),
        })
    }

    /// The answer's status and body.
    pub async fn send(&self, call: Call<'_>) -> Result<(u16, Vec<u8>), GatewayError> {
        let mut request = Request::builder()
            .method(call.method)
            .uri(call.url)
            .header(header::ACCEPT, "application/json")
            .header(header::USER_AGENT, "Rootline");
        if let Some(authorization) = call.authorization {
            request = request.header(header::AUTHORIZATION, authorization);
        }
        if let Some(key) = call.idempotency_key {
            request = request.header("Idempotency-Key", key);
        }
        let body = match call.body {
            Some((content_type, bytes)) => {
                request = request.header(header::CONTENT_TYPE, content_type);
                Full::new(Bytes::from(bytes))
            }
            None => Full::new(Bytes::new()),
        };
        let request = request
            .body(body)
            .map_err(|e| GatewayError::Provider(format!("request: {e}")))?;
        let exchange = async {
            let response = self
                .client
                .request(request)
                .await
                .map_err(|e| GatewayError::Provider(format!("{}: {e}", call.url)))?;
            let status = response.status().as_u16();
            let body = Limited::new(response.into_body(), ANSWER_CAP)
                .collect()
                .await
                .map_err(|e| GatewayError::Provider(format!("{}: {e}", call.url)))?
                .to_bytes()
                .to_vec();
            Ok::<_, GatewayError>((status, body))
        };
        tokio::time::timeout(TIME_LIMIT, exchange)
            .await
            .map_err(|_| GatewayError::Provider(format!("{}: no answer in time", call.url)))?
    }
}

/// The hex HMAC-SHA256 of `message` under `secret`, as both providers sign webhooks.
pub fn hmac_sha256_hex(secret: &[u8], message: &[u8]) -> String {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret);
    hex::encode(ring::hmac::sign(&key, message).as_ref())
}

/// Whether `signature_hex` is the HMAC-SHA256 of `message` under `secret`, compared in
/// constant time by ring.
pub fn hmac_sha256_matches(secret: &[u8], message: &[u8], signature_hex: &str) -> bool {
    let Ok(tag) = hex::decode(signature_hex.trim()) else {
        return false;
    };
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret);
    ring::hmac::verify(&key, message, &tag).is_ok()
}

/// A JSON answer's error text for a status other than 2xx (the provider's own message).
pub fn failure(status: u16, body: &[u8]) -> GatewayError {
    let text = String::from_utf8_lossy(body);
    let text: String = text.chars().take(300).collect();
    GatewayError::Provider(format!("HTTP {status}: {text}"))
}

//! RFC 7807 problem documents with RFC 8555 error types.

use axum::{
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde_json::json;

use crate::services::acme::AcmeError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub status: StatusCode,
    /// The RFC 8555 type without `urn:ietf:params:acme:error:`.
    pub kind: &'static str,
    pub detail: String,
}

pub const URN: &str = "urn:ietf:params:acme:error:";

impl From<AcmeError> for Problem {
    fn from(e: AcmeError) -> Self {
        use AcmeError as E;
        let detail = e.to_string();
        let (status, kind) = match e {
            E::Malformed(_) | E::InvalidField { .. } => (StatusCode::BAD_REQUEST, "malformed"),
            E::BadNonce => (StatusCode::BAD_REQUEST, "badNonce"),
            E::Unauthorized(_) => (StatusCode::FORBIDDEN, "unauthorized"),
            E::AccountDoesNotExist => (StatusCode::BAD_REQUEST, "accountDoesNotExist"),
            E::BadCsr(_) => (StatusCode::BAD_REQUEST, "badCSR"),
            E::RejectedIdentifier(_) => (StatusCode::BAD_REQUEST, "rejectedIdentifier"),
            E::InvalidProfile(_) => (StatusCode::BAD_REQUEST, "invalidProfile"),
            E::OrderNotReady(_) => (StatusCode::FORBIDDEN, "orderNotReady"),
            E::ExternalAccountRequired => (StatusCode::BAD_REQUEST, "externalAccountRequired"),
            E::BadSignatureAlgorithm(_) => (StatusCode::BAD_REQUEST, "badSignatureAlgorithm"),
            E::BadPublicKey(_) => (StatusCode::BAD_REQUEST, "badPublicKey"),
            E::InvalidContact(_) => (StatusCode::BAD_REQUEST, "invalidContact"),
            E::AlreadyRevoked(_) => (StatusCode::BAD_REQUEST, "alreadyRevoked"),
            E::AlreadyReplaced(_) => (StatusCode::CONFLICT, "alreadyReplaced"),
            E::BadRevocationReason(_) => (StatusCode::BAD_REQUEST, "badRevocationReason"),
            E::KeyInUse(_) => (StatusCode::CONFLICT, "malformed"),
            E::NotFound => (StatusCode::NOT_FOUND, "malformed"),
            // The detail stays in the log; the client learns only that it failed.
            E::Internal(_) => {
                return Self {
                    status: StatusCode::INTERNAL_SERVER_ERROR,
                    kind: "serverInternal",
                    detail: "the server could not complete the request".into(),
                };
            }
        };
        Self {
            status,
            kind,
            detail,
        }
    }
}

impl Problem {
    pub fn into_response_with(self, mut headers: HeaderMap) -> Response {
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        let body = json!({
            "type": format!("{URN}{}", self.kind),
            "detail": self.detail,
            "status": self.status.as_u16(),
        });
        (self.status, headers, body.to_string()).into_response()
    }
}

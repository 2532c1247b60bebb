//! Errors of the REST API as RFC 9457 problem documents. Each kind has a stable `type`, a
//! link to its entry in the reference page, so clients branch on it rather than on text.

use axum::{
    Json,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Serialize;
use utoipa::ToSchema;

use crate::services::{api_keys::ApiKeyError, orders::OrderError};

/// The problem kinds, each with its status and the `type` URI clients may rely on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Unauthenticated,
    Forbidden,
    AddressRefused,
    NotFound,
    Invalid,
    Conflict,
    IdempotencyKeyReused,
    IdempotencyInProgress,
    Malformed,
    Internal,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Unauthenticated,
        Kind::Forbidden,
        Kind::AddressRefused,
        Kind::NotFound,
        Kind::Invalid,
        Kind::Conflict,
        Kind::IdempotencyKeyReused,
        Kind::IdempotencyInProgress,
        Kind::Malformed,
        Kind::Internal,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Kind::Unauthenticated => "unauthenticated",
            Kind::Forbidden => "forbidden",
            Kind::AddressRefused => "address-refused",
            Kind::NotFound => "not-found",
            Kind::Invalid => "invalid",
            Kind::Conflict => "conflict",
            Kind::IdempotencyKeyReused => "idempotency-key-reused",
            Kind::IdempotencyInProgress => "idempotency-in-progress",
            Kind::Malformed => "malformed",
            Kind::Internal => "internal",
        }
    }

    pub fn status(self) -> StatusCode {
        match self {
            Kind::Unauthenticated => StatusCode::UNAUTHORIZED,
            Kind::Forbidden | Kind::AddressRefused => StatusCode::FORBIDDEN,
            Kind::NotFound => StatusCode::NOT_FOUND,
            Kind::Invalid | Kind::IdempotencyKeyReused => StatusCode::UNPROCESSABLE_ENTITY,
            Kind::Conflict | Kind::IdempotencyInProgress => StatusCode::CONFLICT,
            Kind::Malformed => StatusCode::BAD_REQUEST,
            Kind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Kind::Unauthenticated => "The access key is missing or not valid",
            Kind::Forbidden => "The key's user may not do this",
            Kind::AddressRefused => "The account's IP restrictions refuse this address",
            Kind::NotFound => "No such object in the key's account",
            Kind::Invalid => "Some fields are not valid",
            Kind::Conflict => "The object's state does not allow this",
            Kind::IdempotencyKeyReused => "The idempotency key was used for another request",
            Kind::IdempotencyInProgress => "A request with this idempotency key is still running",
            Kind::Malformed => "The request could not be read",
            Kind::Internal => "Something failed on the server",
        }
    }

    pub fn type_uri(self) -> String {
        format!("/api/v1/docs#problem-{}", self.slug())
    }
}

/// A field and what is wrong with it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

/// An RFC 9457 problem document (`application/problem+json`), as sent.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemDocument {
    /// Stable per kind of problem; see the reference page's list of problems.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// For `invalid`: every field that failed, so all can be fixed at once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
    /// For `internal`: the id to quote; the server's log has the details.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incident_id: Option<String>,
}

/// A problem on its way out; small, since every handler's error path carries it.
#[derive(Debug, Clone)]
pub struct Problem {
    kind: Kind,
    detail: String,
    errors: Vec<FieldProblem>,
    incident_id: Option<String>,
}

impl Problem {
    pub fn new(kind: Kind, detail: impl Into<String>) -> Self {
        Self {
            kind,
            detail: detail.into(),
            errors: Vec::new(),
            incident_id: None,
        }
    }

    pub fn invalid(errors: app::model::FieldErrors) -> Self {
        let detail = errors
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect::<Vec<_>>()
            .join(" ");
        Self {
            errors: errors
                .0
                .into_iter()
                .map(|e| FieldProblem {
                    field: e.field,
                    // The REST API answers in English (it negotiates no language).
                    message: e.message.text(app::i18n::Lang::En),
                })
                .collect(),
            ..Self::new(Kind::Invalid, detail)
        }
    }

    pub fn internal(error: &dyn std::error::Error) -> Self {
        let incident_id = uuid::Uuid::new_v4().simple().to_string();
        let incident_id = incident_id.get(..12).unwrap_or(&incident_id).to_owned();
        tracing::error!(%incident_id, error = %error, "REST request failed");
        Self {
            incident_id: Some(incident_id.clone()),
            ..Self::new(
                Kind::Internal,
                format!("Quote incident {incident_id} to the operator."),
            )
        }
    }

    pub fn not_found() -> Self {
        Self::new(Kind::NotFound, "There is no such object in this account.")
    }

    fn document(self) -> ProblemDocument {
        ProblemDocument {
            kind: self.kind.type_uri(),
            title: self.kind.title().to_owned(),
            status: self.kind.status().as_u16(),
            detail: self.detail,
            errors: self.errors,
            incident_id: self.incident_id,
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.kind.status();
        let mut response = (status, Json(self.document())).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        response
    }
}

impl From<OrderError> for Problem {
    fn from(e: OrderError) -> Self {
        match e {
            OrderError::NotFound => Self::not_found(),
            OrderError::Forbidden(p) => Self::new(
                Kind::Forbidden,
                format!(
                    "The key's user lacks the \u{201c}{}\u{201d} permission.",
                    p.label()
                ),
            ),
            OrderError::Invalid(errors) => Self::invalid(errors),
            OrderError::Refused(reason) => Self::new(Kind::Conflict, reason.to_string()),
            other @ (OrderError::Store(_)
            | OrderError::Ca(_)
            | OrderError::Catalog(_)
            | OrderError::Export(_)) => Self::internal(&other),
        }
    }
}

impl From<ApiKeyError> for Problem {
    fn from(e: ApiKeyError) -> Self {
        match e {
            ApiKeyError::Unauthenticated => Self::new(
                Kind::Unauthenticated,
                "Send a valid, unrevoked access key as `Authorization: Bearer <key>`.",
            ),
            ApiKeyError::AddressRefused(ip) => Self::new(
                Kind::AddressRefused,
                format!("Requests from {ip} are not allowed for this key's user."),
            ),
            ApiKeyError::Forbidden(p) => Self::new(
                Kind::Forbidden,
                format!(
                    "The key's user lacks the \u{201c}{}\u{201d} permission.",
                    p.label()
                ),
            ),
            ApiKeyError::NotFound => Self::not_found(),
            ApiKeyError::Invalid(errors) => Self::invalid(errors),
            ApiKeyError::Refused(reason) => Self::new(Kind::Conflict, reason.to_string()),
            other @ (ApiKeyError::Identity(_) | ApiKeyError::Store(_)) => Self::internal(&other),
        }
    }
}

impl From<crate::services::validation::ValidationError> for Problem {
    fn from(e: crate::services::validation::ValidationError) -> Self {
        OrderError::from(e).into()
    }
}

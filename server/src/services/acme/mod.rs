//! The ACME server's use cases (RFC 8555, INT-2) over the same services as the portal: an
//! ACME order is placed through `OrderService` (priced, paid from the group, audited, listed
//! with source "ACME"), its names are validated by ACME challenges whose success is recorded
//! as the account's domain validation (so the same reuse and CAA rules apply), and issuance
//! goes through the CA's `prepare`/`issue` by the order's own path. The HTTP side (JWS
//! extraction, URLs, problem documents) lives in `web::acme`.

mod account;
mod authz;
mod certificate;
mod challenge;
mod credentials_page;
mod eab;
mod finalize;
pub mod jws;
mod new_account;
mod new_order;
mod nonce;
mod order;
mod persist;
mod profile;
mod renewal_info;
mod revoke;

use app::i18n::Msg;
use std::sync::Arc;

use app::model::acme::{AcmeAuthzStatus, AcmeChallengeKind, AcmeChallengeStatus, AcmeProfile};
use chrono::{DateTime, Utc};

pub use account::AccountUpdate;
pub use authz::AuthzUpdate;
pub use eab::NewCredential;
pub use eab::{EabCreated, EabView};
pub use jws::{Jwk, Jws, JwsError};
pub use new_account::NewAccountRequest;
pub use new_order::NewOrderRequest;
pub use profile::advertised as advertised_profiles;
pub use renewal_info::{RETRY_AFTER_SECS, RenewalWindow, cert_id_of};
pub use revoke::Revoker;

use crate::{
    ca::Authority,
    ports::{Clock, DnsResolver, HttpFetcher, Random, Sealer},
    services::{
        catalog::CatalogService,
        identity::{Caller, IdentityService},
        orders::{OrderError, OrderService},
        validation::ValidationService,
    },
    store::{
        Store, StoreError,
        acme::{AcmeAccountRow, AcmeAuthzRow, AcmeChallengeRow},
    },
};

pub struct AcmeService {
    store: Store,
    clock: Arc<dyn Clock>,
    random: Arc<dyn Random>,
    identity: Arc<IdentityService>,
    catalog: Arc<CatalogService>,
    orders: Arc<OrderService>,
    validation: Arc<ValidationService>,
    dns: Arc<dyn DnsResolver>,
    http: Arc<dyn HttpFetcher>,
    sealer: Arc<dyn Sealer>,
    authority: Arc<Authority>,
    eab_required: bool,
}

pub struct AcmeDeps {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub random: Arc<dyn Random>,
    pub identity: Arc<IdentityService>,
    pub catalog: Arc<CatalogService>,
    pub orders: Arc<OrderService>,
    pub validation: Arc<ValidationService>,
    pub dns: Arc<dyn DnsResolver>,
    pub http: Arc<dyn HttpFetcher>,
    pub sealer: Arc<dyn Sealer>,
    pub authority: Arc<Authority>,
    pub eab_required: bool,
}

/// RFC 8555 section 6.7 error types (the web layer turns them into problem documents).
#[derive(Debug, thiserror::Error)]
pub enum AcmeError {
    #[error("{0}")]
    Malformed(String),
    /// A field of a credential form (portal or CLI) is wrong; `field` names it for the form.
    #[error("{message}")]
    InvalidField { field: &'static str, message: Msg },
    #[error("the nonce is unknown, used or expired")]
    BadNonce,
    #[error("{0}")]
    Unauthorized(String),
    #[error("no account exists with this key")]
    AccountDoesNotExist,
    #[error("{0}")]
    BadCsr(String),
    #[error("{0}")]
    RejectedIdentifier(String),
    /// draft-ietf-acme-profiles: a profile the server does not offer, or not for this
    /// request.
    #[error("{0}")]
    InvalidProfile(String),
    #[error("{0}")]
    OrderNotReady(String),
    #[error("this server requires external account binding")]
    ExternalAccountRequired,
    #[error("{0}")]
    BadSignatureAlgorithm(String),
    #[error("{0}")]
    BadPublicKey(String),
    #[error("{0}")]
    InvalidContact(String),
    #[error("{0}")]
    AlreadyRevoked(String),
    /// RFC 9773: another live order already replaces the certificate (409).
    #[error("{0}")]
    AlreadyReplaced(String),
    #[error("{0}")]
    BadRevocationReason(String),
    /// The key is already an account's (key change): 409 with that account.
    #[error("the new key belongs to another account")]
    KeyInUse(i32),
    /// Another account's object, or none: the same answer.
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Internal(String),
}

impl From<StoreError> for AcmeError {
    fn from(e: StoreError) -> Self {
        Self::Internal(e.to_string())
    }
}

impl From<JwsError> for AcmeError {
    fn from(e: JwsError) -> Self {
        match e {
            JwsError::Malformed(m) => Self::Malformed(m),
            JwsError::BadSignatureAlgorithm(m) => Self::BadSignatureAlgorithm(m),
            JwsError::BadPublicKey(m) => Self::BadPublicKey(m),
            JwsError::BadSignature => Self::Malformed("the JWS signature does not verify".into()),
        }
    }
}

impl From<OrderError> for AcmeError {
    fn from(e: OrderError) -> Self {
        match e {
            OrderError::NotFound => Self::NotFound,
            OrderError::Forbidden(p) => {
                Self::Unauthorized(format!("the account's user may not do this (lacks {p:?})"))
            }
            OrderError::Invalid(fields) => Self::RejectedIdentifier(fields_text(&fields)),
            OrderError::Refused(why) => Self::RejectedIdentifier(why.to_string()),
            other => Self::Internal(other.to_string()),
        }
    }
}

/// The messages of a form's errors as one sentence for a problem document.
fn fields_text(fields: &app::model::FieldErrors) -> String {
    fields
        .0
        .iter()
        // ACME clients get English, as the rest of the protocol's problem documents.
        .map(|f| {
            f.message
                .text(app::i18n::Lang::En)
                .trim_end_matches('.')
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// How an order looks to its ACME client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderView {
    pub id: i32,
    pub status: &'static str,
    pub expires: DateTime<Utc>,
    /// `(type, value)` as the client asked.
    pub identifiers: Vec<(String, String)>,
    pub authz_ids: Vec<i32>,
    /// Whether the certificate can be downloaded.
    pub certificate: bool,
    /// Why the order became invalid, when it did.
    pub error: Option<Failure>,
    /// RFC 9773: the certID of the certificate this order replaces, as the client gave it.
    pub replaces: Option<String>,
    /// The certificate profile it issues under (draft-ietf-acme-profiles).
    pub profile: AcmeProfile,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthzView {
    pub id: i32,
    pub identifier: String,
    pub wildcard: bool,
    pub status: AcmeAuthzStatus,
    pub expires: DateTime<Utc>,
    pub challenges: Vec<ChallengeView>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChallengeView {
    pub id: i32,
    pub authz_id: i32,
    pub kind: AcmeChallengeKind,
    pub token: String,
    pub status: AcmeChallengeStatus,
    pub validated: Option<DateTime<Utc>>,
    pub error: Option<Failure>,
}

/// A recorded failure: an RFC 8555 error type (without its URN prefix) and the detail.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Failure {
    pub kind: String,
    pub detail: String,
}

fn challenge_view(c: &AcmeChallengeRow) -> ChallengeView {
    ChallengeView {
        id: c.id,
        authz_id: c.authz_id,
        kind: *c.kind,
        token: c.token.clone(),
        status: *c.status,
        validated: c.validated_at,
        error: c
            .error
            .as_deref()
            .and_then(|e| serde_json::from_str(e).ok()),
    }
}

fn authz_view(a: &AcmeAuthzRow, challenges: &[AcmeChallengeRow]) -> AuthzView {
    AuthzView {
        id: a.id,
        identifier: a.identifier.clone(),
        wildcard: a.wildcard,
        status: *a.status,
        expires: a.expires_at,
        challenges: challenges.iter().map(challenge_view).collect(),
    }
}

impl AcmeService {
    pub fn new(d: AcmeDeps) -> Self {
        Self {
            store: d.store,
            clock: d.clock,
            random: d.random,
            identity: d.identity,
            catalog: d.catalog,
            orders: d.orders,
            validation: d.validation,
            dns: d.dns,
            http: d.http,
            sealer: d.sealer,
            authority: d.authority,
            eab_required: d.eab_required,
        }
    }

    pub fn eab_required(&self) -> bool {
        self.eab_required
    }

    /// `n` random bytes, base64url.
    fn random_b64(&self, n: usize) -> String {
        let mut bytes = vec![0u8; n];
        self.random.fill(&mut bytes);
        jws::b64(&bytes)
    }

    /// The portal user an ACME account acts as; an account whose user or membership is gone
    /// acts no more.
    async fn caller(&self, account: &AcmeAccountRow) -> Result<Caller, AcmeError> {
        self.identity
            .machine_caller(account.user_id, account.account_id)
            .await
            .map_err(|e| AcmeError::Internal(e.to_string()))?
            .ok_or_else(|| {
                AcmeError::Unauthorized(
                    "the user this account acts for is no longer active in the account".into(),
                )
            })
    }
}

#[cfg(test)]
pub(crate) mod tests;

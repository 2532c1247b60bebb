//! `Idempotency-Key` on every request that creates or charges (placing, renewing, reissuing
//! an order, changing its names, revoking it): the first request with a key runs and its
//! successful answer is kept; a retry with the same key and the same request gets that
//! answer again instead of a second order or charge. The same key with another request is
//! refused. A claim left unsettled by a crashed request expires, so the key does not stay
//! "in progress" forever.
//!
//! It is one layer ([`layer`]) put on those routes in `super::documented`, so a handler
//! cannot forget it and a new creating route gets it by being listed there.

use axum::{
    Extension,
    body::Body,
    extract::{FromRequestParts, Request},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use chrono::Duration;
use sha2::Digest;

use super::{
    Ctx,
    auth::Authed,
    problem::{Kind, Problem},
};
use crate::store::{
    StoreError,
    api_keys::{self, IdempotentAnswer},
};

const HEADER: &str = "idempotency-key";
const MAX_LEN: usize = 255;
/// How long a claimed key waits for its request's answer before a retry may take it over.
/// Creating requests answer in seconds; a claim this old lost its request to a crash.
pub const CLAIM_EXPIRY_MINUTES: i64 = 5;

/// The largest body a creating request may send (axum's default limit for a body read
/// whole, which the handlers had before this layer read it for them).
const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// The layer: without an `Idempotency-Key` (or on another method than POST) the request
/// runs as it is; with one, the key's user is authenticated here (the handler then reuses
/// that principal), the key is claimed for this method, path and body, and the handler's
/// answer settles the claim.
pub async fn layer(Extension(rest): Extension<Ctx>, req: Request, next: Next) -> Response {
    if req.method() != Method::POST || !req.headers().contains_key(HEADER) {
        return next.run(req).await;
    }
    let (mut parts, body) = req.into_parts();
    let principal = match Authed::from_request_parts(&mut parts, &rest).await {
        Ok(Authed(p)) => p,
        Err(problem) => return problem.into_response(),
    };
    let Ok(body) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        return Problem::new(
            Kind::Malformed,
            format!(
                "The body could not be read; it may be at most {} MB.",
                BODY_LIMIT / (1024 * 1024)
            ),
        )
        .into_response();
    };
    let what = format!("{} {}", parts.method, parts.uri.path());
    let reservation = match claim(&rest, principal.key.id, &parts.headers, &what, &body).await {
        Ok(Claim::Run(r)) => r,
        Ok(Claim::Replay(response)) => return response,
        Err(problem) => return problem.into_response(),
    };
    parts.extensions.insert(principal);
    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            settle(&rest, reservation, StatusCode::INTERNAL_SERVER_ERROR, "").await;
            return Problem::internal(&e).into_response();
        }
    };
    settle(
        &rest,
        reservation,
        parts.status,
        &String::from_utf8_lossy(&body),
    )
    .await;
    Response::from_parts(parts, Body::from(body))
}

enum Claim {
    /// Run the request; settle the reservation (if a key was sent) with its answer.
    Run(Option<IdempotentAnswer>),
    /// The kept answer of the first request with this key.
    Replay(Response),
}

async fn claim(
    rest: &Ctx,
    api_key_id: i32,
    headers: &HeaderMap,
    what: &str,
    body: &[u8],
) -> Result<Claim, Problem> {
    let Some(raw) = headers.get(HEADER) else {
        return Ok(Claim::Run(None));
    };
    let key = raw
        .to_str()
        .ok()
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= MAX_LEN)
        .ok_or_else(|| {
            Problem::new(
                Kind::Malformed,
                format!("Idempotency-Key must be 1 to {MAX_LEN} visible ASCII characters."),
            )
        })?;
    let mut hasher = sha2::Sha256::new();
    hasher.update(what.as_bytes());
    hasher.update([0]);
    hasher.update(body);
    let hash = hex::encode(hasher.finalize());
    let now = rest.clock.now();
    match api_keys::reserve_answer(&rest.store, api_key_id, key, &hash, now).await {
        Ok(reservation) => Ok(Claim::Run(Some(reservation))),
        Err(StoreError::Duplicate) => {
            let kept = api_keys::find_answer(&rest.store, api_key_id, key)
                .await
                .map_err(|e| Problem::internal(&e))?
                .ok_or_else(|| {
                    Problem::new(
                        Kind::IdempotencyInProgress,
                        "The first request with this key has just failed; retry.",
                    )
                })?;
            if kept.request_hash != hash {
                return Err(Problem::new(
                    Kind::IdempotencyKeyReused,
                    "This Idempotency-Key was used with another request; use a new key.",
                ));
            }
            if kept.status == 0 {
                // A claim nobody settled for this long belongs to a request that died with
                // its process: the retry takes it over rather than being refused forever.
                let stale_before = now - Duration::minutes(CLAIM_EXPIRY_MINUTES);
                if kept.created_at < stale_before
                    && api_keys::take_over_answer(&rest.store, kept.id, stale_before, now)
                        .await
                        .map_err(|e| Problem::internal(&e))?
                {
                    return Ok(Claim::Run(Some(IdempotentAnswer {
                        created_at: now,
                        ..kept
                    })));
                }
                return Err(Problem::new(
                    Kind::IdempotencyInProgress,
                    "The first request with this key is still running; retry in a moment.",
                ));
            }
            Ok(Claim::Replay(replay(&kept)))
        }
        Err(e) => Err(Problem::internal(&e)),
    }
}

fn replay(kept: &IdempotentAnswer) -> Response {
    let status = u16::try_from(kept.status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::OK);
    let mut response = (status, kept.body.clone()).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h.insert("idempotent-replayed", HeaderValue::from_static("true"));
    response
}

/// Keeps a successful answer; frees the key after a failure so a corrected request may use it.
async fn settle(rest: &Ctx, reservation: Option<IdempotentAnswer>, status: StatusCode, body: &str) {
    let Some(r) = reservation else { return };
    let result = if status.is_success() {
        api_keys::complete_answer(&rest.store, r.id, status.as_u16(), body).await
    } else {
        api_keys::release_answer(&rest.store, r.id).await
    };
    if let Err(e) = result {
        tracing::error!(error = %e, "could not settle an idempotency key");
    }
}

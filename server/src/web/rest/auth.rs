//! The access key on a request, turned into the user it acts as before any handler runs.

use std::net::IpAddr;

use axum::{
    extract::FromRequestParts,
    http::{header, request::Parts},
};

use super::{Ctx, problem::Problem};
use crate::services::api_keys::{ApiKeyError, ApiPrincipal};

/// A request authenticated by its access key.
pub struct Authed(pub ApiPrincipal);

/// The key from `Authorization: Bearer <key>` or, for clients that cannot set that header,
/// `X-Api-Key: <key>`.
fn presented_key(parts: &Parts) -> Option<&str> {
    if let Some(v) = parts.headers.get(header::AUTHORIZATION) {
        let v = v.to_str().ok()?;
        let (scheme, key) = v.split_once(' ')?;
        return scheme.eq_ignore_ascii_case("bearer").then_some(key.trim());
    }
    parts
        .headers
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

pub fn client_ip(parts: &Parts) -> IpAddr {
    crate::web::client_addr::ClientAddr::of(&parts.extensions)
}

impl FromRequestParts<Ctx> for Authed {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, rest: &Ctx) -> Result<Self, Self::Rejection> {
        // The idempotency layer authenticated this request already: one authentication each.
        if let Some(p) = parts.extensions.remove::<ApiPrincipal>() {
            return Ok(Self(p));
        }
        let key = presented_key(parts).ok_or(ApiKeyError::Unauthenticated)?;
        let ip = client_ip(parts);
        Ok(Self(rest.keys.authenticate(key, ip).await?))
    }
}

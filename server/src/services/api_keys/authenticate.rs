//! Turning the key on a request into the user it acts as: the same `Caller` a portal session
//! gives, so every service applies that user's permissions and account exactly as in the
//! portal, and the account's IP restrictions apply to the key as to the user.

use std::net::IpAddr;

use app::model::{Permission, api_keys::KEY_PREFIX};
use chrono::Duration;

use super::{ApiKeyError, ApiKeyService, secret_hash};
use crate::{
    services::{access::ip_allowed, identity::Caller},
    store::api_keys::{self, ApiKeyRow},
};

/// How stale "last used" may get: writing it on every request would make each read a write.
const LAST_USED_GRANULARITY_SECONDS: i64 = 60;

/// Who a request acts as, and with which key (idempotency keys are per key).
#[derive(Debug, Clone)]
pub struct ApiPrincipal {
    pub caller: Caller,
    pub key: ApiKeyRow,
}

impl ApiKeyService {
    pub async fn authenticate(&self, key: &str, ip: IpAddr) -> Result<ApiPrincipal, ApiKeyError> {
        let (key_id, secret) = key
            .trim()
            .strip_prefix(KEY_PREFIX)
            .and_then(|rest| rest.split_once('_'))
            .ok_or(ApiKeyError::Unauthenticated)?;
        let row = api_keys::find_by_key_id(&self.store, key_id)
            .await?
            .filter(|k| k.revoked_at.is_none())
            .ok_or(ApiKeyError::Unauthenticated)?;
        // Comparing digests of a 256-bit random secret: timing can reveal at most a prefix of
        // a hash, which does not help find the secret.
        if row.secret_hash != secret_hash(secret) {
            return Err(ApiKeyError::Unauthenticated);
        }
        let caller = self
            .identity
            .acting_for(row.user_id, row.account_id)
            .await?
            .ok_or(ApiKeyError::Unauthenticated)?;
        if !caller.can(Permission::UseApi) {
            return Err(ApiKeyError::Forbidden(Permission::UseApi));
        }
        if !ip_allowed(&self.store, row.account_id, row.user_id, ip).await? {
            return Err(ApiKeyError::AddressRefused(ip.to_string()));
        }
        let now = self.clock.now();
        if row
            .last_used_at
            .is_none_or(|t| now - t >= Duration::seconds(LAST_USED_GRANULARITY_SECONDS))
        {
            api_keys::touch(
                &self.store,
                app::model::AccountId(row.account_id),
                app::model::ApiKeyId(row.id),
                now,
            )
            .await?;
        }
        Ok(ApiPrincipal { caller, key: row })
    }
}

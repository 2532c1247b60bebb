//! Replay nonces (RFC 8555 section 6.5): each one issued is stored, answers one request, and
//! is refused after an hour. Stored rather than derived so any node can check any node's.

use chrono::Duration;

use super::{AcmeError, AcmeService};
use crate::store::acme;

/// How long an unused nonce stays good.
const NONCE_LIFETIME: Duration = Duration::hours(1);

impl AcmeService {
    /// A fresh nonce (128 random bits). Expired ones are cleared now and then on the way.
    pub async fn new_nonce(&self) -> Result<String, AcmeError> {
        let value = self.random_b64(16);
        let now = self.clock.now();
        acme::insert_nonce(&self.store, &value, now).await?;
        // One request in 64 clears what has expired, so the table stays small without a job.
        if value.as_bytes().first().is_some_and(|b| b % 64 == 0) {
            acme::purge_nonces(&self.store, now - NONCE_LIFETIME).await?;
        }
        Ok(value)
    }

    /// Uses up a nonce; `BadNonce` when it was never issued, was used or is too old.
    pub async fn use_nonce(&self, value: &str) -> Result<(), AcmeError> {
        let not_before = self.clock.now() - NONCE_LIFETIME;
        if value.is_empty() || value.len() > 64 {
            return Err(AcmeError::BadNonce);
        }
        if acme::consume_nonce(&self.store, value, not_before).await? {
            Ok(())
        } else {
            Err(AcmeError::BadNonce)
        }
    }
}

//! Tracking links: each recipient of an order has a link of their own, with a scope. The
//! token is derived from a key kept outside the database (HMAC of the order, the recipient
//! and the scope), so the portal can show the requester's link again, while the database
//! keeps only its SHA-256: a copy of the database opens no order.

use app::model::orders::TrackingScope;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use ring::hmac;

use super::secret_token::{SecretToken, hash_token};

/// The key tracking tokens are derived with.
pub struct TrackingKey {
    key: hmac::Key,
}

impl TrackingKey {
    /// Derived from the master secret under its own label (HKDF's extract step), so it never
    /// equals the CA keys' or the sealer's key, and links survive a restart.
    pub fn from_master(secret: &[u8]) -> Self {
        let label = hmac::Key::new(hmac::HMAC_SHA256, b"rootline/tracking-links/v1");
        let derived = hmac::sign(&label, secret);
        Self {
            key: hmac::Key::new(hmac::HMAC_SHA256, derived.as_ref()),
        }
    }

    /// The link's token (43 URL-safe characters, like every token of ours) and its hash.
    /// Addresses compare without case, as the order's recipients do.
    pub fn token(&self, order_id: i32, recipient: &str, scope: TrackingScope) -> SecretToken {
        let message = format!(
            "order:{order_id}\nrecipient:{}\nscope:{}",
            recipient.trim().to_lowercase(),
            scope.code()
        );
        let plain = URL_SAFE_NO_PAD.encode(hmac::sign(&self.key, message.as_bytes()));
        let hash = hash_token(&plain);
        SecretToken { plain, hash }
    }
}

#[cfg(test)]
pub(crate) fn test_key() -> std::sync::Arc<TrackingKey> {
    std::sync::Arc::new(TrackingKey::from_master(
        b"a test master secret of at least thirty-two characters",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::secret_token::looks_like_token;

    #[test]
    fn each_order_recipient_and_scope_has_its_own_stable_token() {
        let key = test_key();
        let t = key.token(7, "Asha@Example.com", TrackingScope::Requester);
        assert!(looks_like_token(&t.plain), "{}", t.plain);
        assert_eq!(t.hash, hash_token(&t.plain));
        assert_eq!(
            key.token(7, " asha@example.com", TrackingScope::Requester)
                .plain,
            t.plain,
            "the same link every time, whatever the address's case"
        );
        for other in [
            key.token(8, "asha@example.com", TrackingScope::Requester),
            key.token(7, "ops@example.com", TrackingScope::Requester),
            key.token(7, "asha@example.com", TrackingScope::Viewer),
            TrackingKey::from_master(b"another master secret of thirty-two characters!").token(
                7,
                "asha@example.com",
                TrackingScope::Requester,
            ),
        ] {
            assert_ne!(other.plain, t.plain);
        }
    }
}

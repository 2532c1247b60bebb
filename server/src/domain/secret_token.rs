use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use sha2::{Digest, Sha256};

/// A bearer secret (session cookie, e-mail link) and the hash that is all the database keeps,
/// so a copy of the database cannot be replayed as sessions or links.
pub struct SecretToken {
    pub plain: String,
    pub hash: String,
}

impl SecretToken {
    /// 256 bits from a CSPRNG, URL-safe.
    pub fn from_random(bytes: [u8; 32]) -> Self {
        let plain = URL_SAFE_NO_PAD.encode(bytes);
        let hash = hash_token(&plain);
        Self { plain, hash }
    }
}

/// The stored form of a presented token: SHA-256, hex.
pub fn hash_token(plain: &str) -> String {
    hex::encode(Sha256::digest(plain.as_bytes()))
}

/// Whether a presented string could be one of our tokens at all (43 URL-safe characters),
/// so junk is refused before it reaches the database.
pub fn looks_like_token(plain: &str) -> bool {
    plain.len() == 43
        && plain
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_43_url_safe_chars_and_hash_to_64_hex() {
        let t = SecretToken::from_random([7u8; 32]);
        assert!(looks_like_token(&t.plain));
        assert_eq!(t.hash.len(), 64);
        assert_eq!(t.hash, hash_token(&t.plain));
        assert_ne!(t.hash, hash_token("other"));
    }

    #[test]
    fn junk_is_not_a_token() {
        for s in [
            "",
            "short",
            &"a".repeat(44),
            &format!("{}!", "a".repeat(42)),
        ] {
            assert!(!looks_like_token(s), "{s}");
        }
    }
}

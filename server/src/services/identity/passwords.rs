use argon2::{
    Argon2,
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
};

use super::IdentityError;
use crate::ports::Random;

/// Argon2id with the crate's defaults (19 MiB, 2 passes, 1 lane: the OWASP baseline).
pub(crate) fn hash(password: &str, random: &dyn Random) -> Result<String, IdentityError> {
    let mut salt = [0u8; 16];
    random.fill(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| IdentityError::Hashing(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| IdentityError::Hashing(e.to_string()))
}

/// Checks a password against a stored hash. With no stored hash it still spends the time of a
/// real check, so an unknown e-mail cannot be told from a wrong password by the clock.
pub(crate) fn verify(password: &str, stored: Option<&str>) -> bool {
    const DECOY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0Cq5KZ7k8jB6m8cFZ3Xq0m6QJ6yQm7v2o7Jk4m0rK0Y";
    let (candidate, real) = match stored {
        Some(h) => (h, true),
        None => (DECOY, false),
    };
    let Ok(parsed) = PasswordHash::new(candidate) else {
        return false;
    };
    let ok = Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    ok && real
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ports::random::CountingRandom;

    #[test]
    fn a_hash_verifies_only_its_password() {
        let h = hash("correct horse 42", &CountingRandom::default()).unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse 42", Some(&h)));
        assert!(!verify("correct horse 43", Some(&h)));
        assert!(!verify("correct horse 42", None));
    }

    #[test]
    fn the_decoy_hash_parses_so_unknown_users_cost_a_full_check() {
        let started = std::time::Instant::now();
        assert!(!verify("anything at all", None));
        let decoy = started.elapsed();
        let h = hash("correct horse 42", &CountingRandom::default()).unwrap();
        let started = std::time::Instant::now();
        assert!(!verify("anything at all", Some(&h)));
        let real = started.elapsed();
        // Not a timing assertion on speed: only that the decoy path did real Argon2 work
        // (a parse failure returns in microseconds).
        assert!(decoy * 20 > real, "decoy {decoy:?} vs real {real:?}");
    }
}

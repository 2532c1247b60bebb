//! Argon2id hashing and checking of passwords and PINs, off the async workers.
//!
//! One Argon2 check costs tens of milliseconds of CPU and 19 MiB. Run on the async workers, a
//! flood of sign-in or PIN attempts would keep every worker busy hashing while OCSP and page
//! requests queue behind them (the penetration test saw OCSP p99 go from 56 ms to 1.6 s). So
//! each hash runs on tokio's blocking pool, and a semaphore with one permit per CPU keeps the
//! hashing from taking more than the machine's cores (or memory) however many requests wait.

use std::sync::OnceLock;

use argon2::{
    Argon2,
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
};
use tokio::sync::Semaphore;
use zeroize::Zeroizing;

use super::IdentityError;
use crate::ports::Random;

const DECOY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0Cq5KZ7k8jB6m8cFZ3Xq0m6QJ6yQm7v2o7Jk4m0rK0Y";

/// At most this many Argon2 computations run at once: one per CPU but one, so a flood of
/// guesses always leaves a core for OCSP and the pages (on one CPU, one).
fn permits() -> &'static Semaphore {
    static PERMITS: OnceLock<Semaphore> = OnceLock::new();
    PERMITS.get_or_init(|| {
        let cpus = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        Semaphore::new(cpus.saturating_sub(1).max(1))
    })
}

/// Runs one Argon2 computation on the blocking pool once a permit is free.
async fn hashing<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, IdentityError> {
    // The semaphore is never closed, so acquiring fails only if it were; say so rather than
    // hash without a permit.
    let _permit = permits()
        .acquire()
        .await
        .map_err(|e| IdentityError::Hashing(e.to_string()))?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| IdentityError::Hashing(e.to_string()))
}

/// Argon2id with the crate's defaults (19 MiB, 2 passes, 1 lane: the OWASP baseline).
pub(crate) async fn hash(password: &str, random: &dyn Random) -> Result<String, IdentityError> {
    let mut salt = [0u8; 16];
    random.fill(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| IdentityError::Hashing(e.to_string()))?;
    let password = Zeroizing::new(password.to_owned());
    hashing(move || {
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| IdentityError::Hashing(e.to_string()))
    })
    .await?
}

/// Checks a password against a stored hash. With no stored hash it still spends the time of a
/// real check, so an unknown e-mail cannot be told from a wrong password by the clock. A check
/// that could not run (the blocking pool gone at shutdown) is a failed check.
pub(crate) async fn verify(password: &str, stored: Option<&str>) -> bool {
    let password = Zeroizing::new(password.to_owned());
    let stored = stored.map(str::to_owned);
    let checked = hashing(move || verify_now(&password, stored.as_deref())).await;
    checked.unwrap_or_else(|e| {
        tracing::error!(error = %e, "password check could not run");
        false
    })
}

fn verify_now(password: &str, stored: Option<&str>) -> bool {
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

    #[tokio::test]
    async fn a_hash_verifies_only_its_password() {
        let h = hash("correct horse 42", &CountingRandom::default())
            .await
            .unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse 42", Some(&h)).await);
        assert!(!verify("correct horse 43", Some(&h)).await);
        assert!(!verify("correct horse 42", None).await);
    }

    /// Timed on the check itself, not through the shared permits, which other tests may hold.
    #[tokio::test]
    async fn the_decoy_hash_parses_so_unknown_users_cost_a_full_check() {
        let h = hash("correct horse 42", &CountingRandom::default())
            .await
            .unwrap();
        let started = std::time::Instant::now();
        assert!(!verify_now("anything at all", None));
        let decoy = started.elapsed();
        let started = std::time::Instant::now();
        assert!(!verify_now("anything at all", Some(&h)));
        let real = started.elapsed();
        // Not a timing assertion on speed: only that the decoy path did real Argon2 work
        // (a parse failure returns in microseconds).
        assert!(decoy * 20 > real, "decoy {decoy:?} vs real {real:?}");
    }

    /// Many checks at once all finish with the right answer: they queue for the permits
    /// instead of failing or blocking the runtime's only worker.
    #[tokio::test]
    async fn many_concurrent_checks_all_complete_off_the_async_worker() {
        let h = hash("correct horse 42", &CountingRandom::default())
            .await
            .unwrap();
        let checks = (0..24).map(|i| {
            let h = h.clone();
            async move {
                let password = if i % 2 == 0 {
                    "correct horse 42"
                } else {
                    "wrong horse 42"
                };
                (i, verify(password, Some(&h)).await)
            }
        });
        let results = futures_util::future::join_all(checks).await;
        assert_eq!(results.len(), 24);
        for (i, ok) in results {
            assert_eq!(ok, i % 2 == 0, "check {i}");
        }
    }
}

//! The one throttle for public actions, per client address: an attempt is recorded before it
//! is served and refused once the client's attempts in the scope's window reach its limit.
//! Concurrent attempts cannot slip past together (see `store::throttle_attempts::claim`), and
//! the counts live in the database, so every node behind a load balancer shares them.

use std::{net::IpAddr, sync::Arc};

use crate::{
    domain::client_limits::{LONGEST_WINDOW, ThrottleScope, client_key},
    ports::Clock,
    store::{Store, StoreError, throttle_attempts},
};

#[derive(Debug, thiserror::Error)]
pub enum ThrottleError {
    #[error("too many attempts from this address; try again in {retry_after_secs} seconds")]
    Limited { retry_after_secs: u64 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub struct Throttle {
    store: Store,
    clock: Arc<dyn Clock>,
    /// Multiplies every scope's limit (`ROOTLINE_CLIENT_LIMIT_SCALE`).
    scale: u64,
}

impl Throttle {
    pub fn new(store: Store, clock: Arc<dyn Clock>, scale: u64) -> Self {
        Self {
            store,
            clock,
            scale: scale.max(1),
        }
    }

    /// Counts an attempt of `client` in `scope`, or refuses it (uncounted) when the client
    /// has used up the scope's allowance for the window.
    pub async fn admit(&self, scope: ThrottleScope, client: IpAddr) -> Result<(), ThrottleError> {
        let now = self.clock.now();
        // Attempts of clients that never came back would otherwise stay for ever.
        throttle_attempts::sweep(&self.store, now - LONGEST_WINDOW).await?;
        let claimed = throttle_attempts::claim(
            &self.store,
            scope,
            &client_key(client),
            scope.limit().saturating_mul(self.scale),
            now,
            now - scope.window(),
        )
        .await?;
        match claimed {
            Some(_) => Ok(()),
            None => Err(ThrottleError::Limited {
                retry_after_secs: u64::try_from(scope.window().num_seconds()).unwrap_or(900),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::ports::clock::FakeClock;

    async fn throttle() -> (Throttle, Arc<FakeClock>) {
        let clock = Arc::new(FakeClock::at(
            chrono::Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).unwrap(),
        ));
        let store = crate::store::test_db::fresh_store().await;
        (Throttle::new(store, clock.clone(), 1), clock)
    }

    #[tokio::test]
    async fn a_client_gets_the_scopes_allowance_per_window_and_others_are_unaffected() {
        let (t, clock) = throttle().await;
        let client: IpAddr = "192.0.2.7".parse().unwrap();
        for _ in 0..ThrottleScope::SignUp.limit() {
            t.admit(ThrottleScope::SignUp, client).await.unwrap();
        }
        assert!(matches!(
            t.admit(ThrottleScope::SignUp, client).await,
            Err(ThrottleError::Limited { .. })
        ));
        // Another scope and another client each have their own count.
        t.admit(ThrottleScope::Tracking, client).await.unwrap();
        t.admit(ThrottleScope::SignUp, "192.0.2.8".parse().unwrap())
            .await
            .unwrap();
        clock.advance(ThrottleScope::SignUp.window() + chrono::Duration::seconds(1));
        t.admit(ThrottleScope::SignUp, client).await.unwrap();
    }

    #[tokio::test]
    async fn the_scale_multiplies_every_allowance() {
        let (t, _) = throttle().await;
        let t = Throttle::new(t.store, t.clock, 3);
        let client: IpAddr = "192.0.2.7".parse().unwrap();
        for _ in 0..3 * ThrottleScope::SignUp.limit() {
            t.admit(ThrottleScope::SignUp, client).await.unwrap();
        }
        assert!(t.admit(ThrottleScope::SignUp, client).await.is_err());
    }

    /// All at once, no more than the limit get through; refused attempts are not counted, so
    /// the rest of the allowance is still there afterwards.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_attempts_get_no_more_than_the_limit() {
        let (t, _) = throttle().await;
        let t = Arc::new(t);
        let client: IpAddr = "2001:db8::1".parse().unwrap();
        let attempts = (0..60).map(|_| {
            let t = t.clone();
            tokio::spawn(async move { t.admit(ThrottleScope::DelegatePin, client).await })
        });
        let mut admitted = u64::try_from(
            futures_util::future::join_all(attempts)
                .await
                .into_iter()
                .filter(|r| matches!(r, Ok(Ok(()))))
                .count(),
        )
        .unwrap();
        assert!(admitted <= ThrottleScope::DelegatePin.limit(), "{admitted}");
        while t.admit(ThrottleScope::DelegatePin, client).await.is_ok() {
            admitted += 1;
        }
        assert_eq!(admitted, ThrottleScope::DelegatePin.limit());
    }
}

//! How late the CRL refresh job is, for the operator's metrics: a shard's CRL is due for
//! re-signing `CRL_REFRESH_AFTER` after its newest one was signed (a shard without any CRL is
//! due from its CA's creation); the lag is how long the most overdue shard has been waiting.

use std::{collections::HashMap, time::Duration};

use super::{Authority, CRL_REFRESH_AFTER, CaError, crl_shards::shards_of};
use crate::store::{authorities, crls};

impl Authority {
    /// The CRL refresh job's lag now; zero when no shard's CRL is overdue.
    pub async fn crl_refresh_lag(&self) -> Result<Duration, CaError> {
        let now = self.clock.now();
        let newest: HashMap<(i32, i32), _> =
            crls::newest_this_update_per_shard_for_operator(&self.store)
                .await?
                .into_iter()
                .map(|(ca, shard, signed)| ((ca, shard), signed))
                .collect();
        // Borrowed by each shard's closure below.
        let newest = &newest;
        let oldest_due = authorities::list(&self.store)
            .await?
            .iter()
            .flat_map(|ca| {
                shards_of(ca).map(move |shard| match newest.get(&(ca.id, shard)) {
                    Some(signed) => *signed + CRL_REFRESH_AFTER,
                    None => ca.created_at,
                })
            })
            .min();
        Ok(oldest_due
            .and_then(|due| (now - due).to_std().ok())
            .unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::{
        ca::test_support::{SECRET, authority_at},
        ports::{clock::FakeClock, keys::KeySpec},
        store::test_db::fresh_store,
    };

    #[tokio::test]
    async fn the_lag_grows_once_a_crl_is_overdue_and_ends_with_the_refresh() {
        // Whole seconds: CRLs record their times without fractions.
        let clock = Arc::new(FakeClock::at(
            Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap(),
        ));
        let ca = authority_at(fresh_store().await, SECRET, clock.clone());
        assert_eq!(ca.crl_refresh_lag().await.unwrap(), Duration::ZERO);
        ca.init(KeySpec::EcP256).await.unwrap();
        ca.refresh_crls().await.unwrap();
        assert_eq!(ca.crl_refresh_lag().await.unwrap(), Duration::ZERO);

        clock.advance(CRL_REFRESH_AFTER + chrono::Duration::minutes(20));
        assert_eq!(
            ca.crl_refresh_lag().await.unwrap(),
            Duration::from_secs(20 * 60)
        );
        ca.refresh_crls().await.unwrap();
        assert_eq!(ca.crl_refresh_lag().await.unwrap(), Duration::ZERO);
    }
}

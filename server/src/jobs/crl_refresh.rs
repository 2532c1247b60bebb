use std::{sync::Arc, time::Duration};

use crate::ca::Authority;

/// How often to look for CRLs that are due; each shard's is re-signed once a day.
const TICK: Duration = Duration::from_secs(15 * 60);

/// Keeps the CRL of every shard of every CA fresh. Several processes may run it: between them
/// they sign one CRL per shard per period (`Authority::refresh_crls`).
pub async fn run(authority: Arc<Authority>) {
    loop {
        match authority.refresh_crls().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(published = n, "CRLs re-signed"),
            Err(e) => tracing::error!(error = %e, "CRL refresh failed"),
        }
        tokio::time::sleep(TICK).await;
    }
}

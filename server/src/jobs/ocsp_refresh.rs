use std::{sync::Arc, time::Duration};

use crate::ca::Authority;

/// How often to sign answers for new certificates and re-sign day-old ones.
const TICK: Duration = Duration::from_secs(60);

/// Keeps a pre-signed OCSP answer for every unexpired certificate. Several processes may run
/// it: on PostgreSQL each round claims its certificates, so each answer is signed once.
pub async fn run(authority: Arc<Authority>) {
    loop {
        match authority.refresh_ocsp_answers().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(signed = n, "OCSP answers pre-signed"),
            Err(e) => tracing::error!(error = %e, "OCSP pre-signing failed"),
        }
        tokio::time::sleep(TICK).await;
    }
}

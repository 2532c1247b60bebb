use std::{sync::Arc, time::Duration};

use crate::services::orders::OrderService;

/// How often interim DV certificates past their grace period are looked for; the grace period
/// is counted in hours.
const TICK: Duration = Duration::from_secs(10 * 60);

/// Revokes interim DV certificates superseded by their order's own certificate. Several
/// processes may run it: revoking twice is refused by the CA and marked once.
pub async fn run(orders: Arc<OrderService>) {
    loop {
        match orders.supersede_interims().await {
            Ok(n) if n > 0 => tracing::info!(revoked = n, "interim DV certificates superseded"),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "superseding interim DV certificates failed"),
        }
        tokio::time::sleep(TICK).await;
    }
}

use std::{sync::Arc, time::Duration};

use crate::services::organizations::OrganizationService;

/// How often due reminders are looked for; they are at day granularity.
const TICK: Duration = Duration::from_secs(15 * 60);

/// Reminders that organizations' vetting is about to age out. Several processes may run it: a
/// reminder is claimed by a unique row, so each goes once.
pub async fn run(organizations: Arc<OrganizationService>) {
    loop {
        match organizations.send_vetting_reminders().await {
            Ok(n) if n > 0 => tracing::info!(sent = n, "vetting reminders"),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "vetting reminders failed"),
        }
        tokio::time::sleep(TICK).await;
    }
}

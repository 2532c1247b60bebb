use std::{sync::Arc, time::Duration};

use crate::services::mass_revocation::MassRevocationService;

/// A pass also runs on this tick: to resume batches after a restart, to take up batches
/// another process recorded, and to retry certificates the CA could not revoke.
const TICK: Duration = Duration::from_secs(30);

/// Revokes the certificates of the operator's mass revocations, as soon as a batch is
/// recorded (woken) and on the tick. Several processes may run it: each certificate is
/// claimed and recorded once.
pub async fn run(service: Arc<MassRevocationService>) {
    let wake = service.runner_waker();
    loop {
        match service.run_unfinished().await {
            Ok(n) if n > 0 => tracing::info!(revoked = n, "mass revocation: certificates revoked"),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "mass revocation pass failed"),
        }
        tokio::select! {
            () = wake.notified() => {}
            () = tokio::time::sleep(TICK) => {}
        }
    }
}

/// The mass-revocation service over the process's store, clock, CA and mail, with its
/// runner started.
pub fn start(services: &crate::startup::Services) -> Arc<MassRevocationService> {
    let service = Arc::new(MassRevocationService::new(
        services.store.clone(),
        services.clock.clone(),
        Arc::new(crate::adapters::random::OsRandom),
        services.authority.clone(),
        services.mail_waker.clone(),
    ));
    tokio::spawn(run(service.clone()));
    service
}

use std::{sync::Arc, time::Duration};

use crate::services::notifications::{MailDelivery, MailWaker};

/// A pass also runs on this tick, for retries and for mail queued by other processes.
const TICK: Duration = Duration::from_secs(10);

/// Delivers queued mail as soon as it is committed (woken) and retries failures on the tick.
pub async fn run(delivery: Arc<MailDelivery>, waker: MailWaker) {
    loop {
        if let Err(e) = delivery.deliver_due().await {
            tracing::error!(error = %e, "mail delivery pass failed");
        }
        tokio::select! {
            () = waker.0.notified() => {}
            () = tokio::time::sleep(TICK) => {}
        }
    }
}

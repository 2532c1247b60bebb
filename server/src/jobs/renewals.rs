use std::{sync::Arc, time::Duration};

use crate::services::{identity::IdentityService, orders::OrderService};

/// How often reminders and auto-renewals are looked for; both are at day granularity.
const TICK: Duration = Duration::from_secs(15 * 60);

/// Renewal reminders and auto-renew (and forgetting abandoned order forms). Several processes may run it: reminders are claimed by
/// a unique row and an order's renewal link is unique, so each happens once.
pub async fn run(identity: Arc<IdentityService>, orders: Arc<OrderService>) {
    loop {
        round(&identity, &orders).await;
        tokio::time::sleep(TICK).await;
    }
}

pub async fn round(identity: &IdentityService, orders: &OrderService) {
    // Order forms left half-way are forgotten here too: the same daily grain.
    match orders.forget_abandoned_forms().await {
        Ok(n) if n > 0 => tracing::info!(forgotten = n, "abandoned order forms"),
        Ok(_) => {}
        Err(e) => tracing::error!(error = %e, "forgetting abandoned order forms failed"),
    }
    match orders.send_renewal_reminders().await {
        Ok(s) if s.reminders > 0 => tracing::info!(sent = s.reminders, "renewal reminders"),
        Ok(_) => {}
        Err(e) => tracing::error!(error = %e, "renewal reminders failed"),
    }
    let due = match orders.due_auto_renewals().await {
        Ok(d) => d,
        Err(e) => {
            tracing::error!(error = %e, "listing auto-renewals failed");
            return;
        }
    };
    for d in due {
        let caller = match identity.acting_for(d.user_id, d.account_id).await {
            Ok(Some(c)) => c,
            Ok(None) => {
                tracing::warn!(
                    order = d.order_id,
                    "auto-renew skipped: the user left the account"
                );
                continue;
            }
            Err(e) => {
                tracing::error!(order = d.order_id, error = %e, "auto-renew: loading the user failed");
                continue;
            }
        };
        match orders.auto_renew(&caller, d.order_id).await {
            Ok(new) => tracing::info!(order = d.order_id, renewal = new, "auto-renewed"),
            // Another server renewed it first, or the balance is short: the reminders go on.
            Err(e) => tracing::warn!(order = d.order_id, error = %e, "auto-renew refused"),
        }
    }
}

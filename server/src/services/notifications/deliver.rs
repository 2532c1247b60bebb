use std::sync::Arc;

use chrono::Duration;

use crate::{
    ports::{Clock, Mail, Mailer},
    store::{Store, StoreError, mail_outbox},
};

/// How long a claimed message is left alone before another attempt, should the process that
/// claimed it die mid-delivery (`ROOTLINE_MAIL_LEASE_SECONDS` changes it).
pub const DEFAULT_LEASE: Duration = Duration::minutes(5);
/// Messages taken per pass.
const BATCH: u64 = 20;

pub struct MailDelivery {
    pub(super) store: Store,
    mailer: Arc<dyn Mailer>,
    pub(super) clock: Arc<dyn Clock>,
    lease: Duration,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: usize,
    pub failed: usize,
}

/// Wait before the next attempt after `attempts` failures: 30 s, 1 min, 2 min, … up to 1 hour.
pub fn retry_delay(attempts: i32) -> Duration {
    let exp = u32::try_from(attempts.clamp(0, 7)).unwrap_or(7);
    Duration::seconds(30 * 2_i64.pow(exp)).min(Duration::hours(1))
}

impl MailDelivery {
    pub fn new(store: Store, mailer: Arc<dyn Mailer>, clock: Arc<dyn Clock>) -> Self {
        Self {
            store,
            mailer,
            clock,
            lease: DEFAULT_LEASE,
        }
    }

    /// Another claim length than [`DEFAULT_LEASE`].
    #[must_use]
    pub fn with_lease(mut self, lease: Duration) -> Self {
        self.lease = lease;
        self
    }

    /// Sends every message that is due; a failure is recorded and retried later with back-off.
    pub async fn deliver_due(&self) -> Result<DeliveryReport, StoreError> {
        let mut report = DeliveryReport::default();
        loop {
            let now = self.clock.now();
            let due = mail_outbox::due_for_all_accounts(&self.store, now, BATCH).await?;
            if due.is_empty() {
                return Ok(report);
            }
            for row in due {
                if !mail_outbox::claim(&self.store, &row, now + self.lease).await? {
                    continue;
                }
                let mail = Mail {
                    to: row.to_address.clone(),
                    to_name: row.to_name.clone(),
                    subject: row.subject.clone(),
                    text: row.body.clone(),
                };
                match self.mailer.send(&mail).await {
                    Ok(()) => {
                        mail_outbox::mark_sent(&self.store, row.id, self.clock.now()).await?;
                        report.sent += 1;
                    }
                    Err(e) => {
                        let retry_at = self.clock.now() + retry_delay(row.attempts);
                        tracing::warn!(mail = row.id, to = %row.to_address, error = %e, %retry_at, "mail delivery failed; will retry");
                        mail_outbox::mark_failed(&self.store, row.id, &e.to_string(), retry_at)
                            .await?;
                        report.failed += 1;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_off_doubles_up_to_an_hour() {
        let cases = [(0, 30), (1, 60), (2, 120), (6, 1920), (7, 3600), (40, 3600)];
        for (attempts, secs) in cases {
            assert_eq!(retry_delay(attempts), Duration::seconds(secs), "{attempts}");
        }
    }
}

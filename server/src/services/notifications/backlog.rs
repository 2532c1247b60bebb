//! The outbox's backlog, for the operator's metrics: how many e-mails wait, and how late the
//! delivery job is with the oldest one that is due.

use std::time::Duration;

use super::MailDelivery;
use crate::store::{StoreError, mail_outbox};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backlog {
    /// Messages not delivered yet (due now, leased by a delivery pass, or waiting to retry).
    pub queued: u64,
    /// How long the oldest due message has been due; zero when none is.
    pub lag: Duration,
}

impl MailDelivery {
    /// The backlog now. (Operator data: every account's mail.)
    pub async fn backlog(&self) -> Result<Backlog, StoreError> {
        let now = self.clock.now();
        let (queued, oldest_due) = mail_outbox::backlog_for_all_accounts(&self.store, now).await?;
        let lag = oldest_due
            .and_then(|due| (now - due).to_std().ok())
            .unwrap_or_default();
        Ok(Backlog { queued, lag })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::{
        ports::{clock::FakeClock, mailer::MemoryMailer},
        store::{mail_outbox::NewMail, test_db::fresh_store},
    };

    #[tokio::test]
    async fn the_backlog_counts_undelivered_mail_and_ages_the_oldest_due() {
        let store = fresh_store().await;
        let start = Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap();
        let clock = Arc::new(FakeClock::at(start));
        let delivery = MailDelivery::new(
            store.clone(),
            Arc::new(MemoryMailer::default()),
            clock.clone(),
        );
        assert_eq!(
            delivery.backlog().await.unwrap(),
            Backlog {
                queued: 0,
                lag: Duration::ZERO
            }
        );
        for to in ["a@example.com", "b@example.com"] {
            let mail = NewMail {
                to_address: to,
                to_name: None,
                subject: "Hello",
                body: "Hello",
            };
            mail_outbox::insert(&store, mail, start).await.unwrap();
        }
        clock.advance(chrono::Duration::seconds(90));
        assert_eq!(
            delivery.backlog().await.unwrap(),
            Backlog {
                queued: 2,
                lag: Duration::from_secs(90)
            }
        );
        delivery.deliver_due().await.unwrap();
        assert_eq!(delivery.backlog().await.unwrap().queued, 0);
    }
}

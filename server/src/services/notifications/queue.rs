use std::sync::Arc;

use chrono::{DateTime, Utc};
use tokio::sync::Notify;

use crate::{
    ports::Mail,
    store::{StoreError, Tx, mail_outbox},
};

/// Wakes the delivery job once a transaction that queued mail has committed.
#[derive(Clone, Default)]
pub struct MailWaker(pub Arc<Notify>);

impl MailWaker {
    pub fn wake(&self) {
        self.0.notify_one();
    }
}

/// Puts a message in the outbox as part of the caller's transaction: it exists exactly when the
/// change it reports does.
pub async fn queue(tx: &Tx, mail: &Mail, now: DateTime<Utc>) -> Result<(), StoreError> {
    mail_outbox::insert(
        tx,
        mail_outbox::NewMail {
            to_address: &mail.to,
            to_name: mail.to_name.as_deref(),
            subject: &mail.subject,
            body: &mail.text,
        },
        now,
    )
    .await?;
    Ok(())
}

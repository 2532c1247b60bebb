//! S/MIME mailbox-validated orders (VAL-5): an ordinary order row whose one name is the
//! mailbox address, placed and paid like any order; then Certum's two steps. E-mail
//! verification: a random value, valid 24 hours, mailed only to the address, confirmed through
//! its link; a proof is reused for 30 days. Certificate activation: the fields (E and CN, both
//! the address), the key pair method (a CSR, or a key generated in the browser), the summary
//! with the required statements, then issuance through the CA.

mod activate;
mod caa;
mod confirm;
mod form_post;
mod mailbox;
mod mails;
mod new_data;
mod place;
mod view;

use app::model::{
    order_status::OrderStatus,
    products::ProductKind,
    smime::{LINK_HOURS, PROOF_REUSE_DAYS, StepStatus},
};
use chrono::{DateTime, Duration, Utc};

use super::{OrderError, OrderService};
use crate::{
    domain::secret_token::SecretToken,
    services::{identity::Caller, notifications},
    store::{OrderRow, Tx, smime as mailboxes, smime::MailboxRow},
};

/// Whether the order is for an S/MIME product (issued only through its activation).
pub(crate) fn is_smime(order: &OrderRow) -> bool {
    *order.product_kind == ProductKind::SmimeMailbox
}

/// Whether a proof made at `verified_at` may still be used at `now`.
fn proof_fresh(verified_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    verified_at.is_some_and(|v| now - v <= Duration::days(PROOF_REUSE_DAYS))
}

/// Whether a link sent at `sent_at` still works at `now`.
fn link_fresh(sent_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    sent_at.is_some_and(|s| now - s <= Duration::hours(LINK_HOURS))
}

/// Whether the order is paid and not finished: the steps can be worked on.
fn open(status: OrderStatus) -> bool {
    matches!(status, OrderStatus::Accepted | OrderStatus::InProgress)
}

/// The e-mail verification step's status.
fn email_step(status: OrderStatus, m: &MailboxRow, now: DateTime<Utc>) -> StepStatus {
    if status == OrderStatus::Fulfilled && m.verified_at.is_some() {
        return StepStatus::Verified;
    }
    if !open(status) {
        return StepStatus::NotAvailableYet;
    }
    match &m.email {
        None => StepStatus::WaitingForData,
        Some(_) if proof_fresh(m.verified_at, now) => StepStatus::Verified,
        Some(_) => StepStatus::WaitingForVerification,
    }
}

/// The certificate activation step's status.
fn activation_step(status: OrderStatus, email: StepStatus) -> StepStatus {
    match (status, email) {
        (OrderStatus::Fulfilled, _) => StepStatus::Verified,
        (s, StepStatus::Verified) if open(s) => StepStatus::WaitingForData,
        _ => StepStatus::NotAvailableYet,
    }
}

impl OrderService {
    /// An S/MIME order of the caller's account that the caller may see, with its mailbox row.
    /// Any other order answers NotFound, like another account's.
    async fn smime_order(
        &self,
        caller: &Caller,
        id: i32,
    ) -> Result<(OrderRow, MailboxRow), OrderError> {
        let order = self.visible(caller, id).await?;
        if !is_smime(&order) {
            return Err(OrderError::NotFound);
        }
        let mailbox = mailboxes::get(&self.store, order.account_id, order.id)
            .await?
            .ok_or(OrderError::NotFound)?;
        Ok((order, mailbox))
    }

    /// Makes the address Verified with the account's proof of the last 30 days, if there is
    /// one; otherwise mails a new link to the address (and only to it). Whether a proof was
    /// reused.
    async fn verify_or_send(
        &self,
        tx: &Tx,
        order: &OrderRow,
        email: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, OrderError> {
        let since = now - Duration::days(PROOF_REUSE_DAYS);
        if let Some(proof) = mailboxes::recent_proof(tx, order.account_id, email, since).await? {
            mailboxes::set_verified(tx, order.account_id, order.id, None, proof, now).await?;
            crate::store::orders::add_event(
                tx,
                order.id,
                "Rootline",
                "E-mail verified",
                &format!(
                    "Control of {email} was shown on {} (reused for up to {PROOF_REUSE_DAYS} days)",
                    proof.format("%Y-%m-%d %H:%M UTC")
                ),
                now,
            )
            .await?;
            return Ok(true);
        }
        self.send_link(tx, order, email, now).await?;
        Ok(false)
    }

    /// After an approval paid for the order: starts the verification of an address given
    /// with it.
    pub(in crate::services::orders) async fn smime_paid(
        &self,
        tx: &Tx,
        order: &OrderRow,
        now: DateTime<Utc>,
    ) -> Result<(), OrderError> {
        if let Some(m) = mailboxes::get(tx, order.account_id, order.id).await?
            && let Some(email) = m.email
        {
            self.verify_or_send(tx, order, &email, now).await?;
        }
        Ok(())
    }

    /// Mails a new random value (as a link) to the address; the previous link stops working.
    async fn send_link(
        &self,
        tx: &Tx,
        order: &OrderRow,
        email: &str,
        now: DateTime<Utc>,
    ) -> Result<(), OrderError> {
        let mut bytes = [0u8; 32];
        self.random.fill(&mut bytes);
        let value = SecretToken::from_random(bytes);
        mailboxes::set_value(tx, order.account_id, order.id, &value.hash, now).await?;
        let link = format!("{}/smime/verify/{}", self.public_url, value.plain);
        let lang = super::mail_lang::order_lang(tx, order).await?;
        notifications::queue(tx, &mails::verification(lang, order, email, &link), now).await?;
        crate::store::orders::add_event(
            tx,
            order.id,
            "Rootline",
            "Verification sent",
            &format!("A verification link valid for {LINK_HOURS} hours was sent to {email}"),
            now,
        )
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests;

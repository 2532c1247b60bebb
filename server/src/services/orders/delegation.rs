//! Certificate download delegation (ORD-10): when the certificate is issued, the delegate
//! named at order time gets a PIN by e-mail and downloads with the order number and the PIN
//! on a public page. Five wrong PINs lock the order's delegated downloads for 15 minutes; each
//! attempt is counted before its PIN is checked, so concurrent guesses get no more tries. A PIN
//! works for 30 days after it was mailed, and never after the certificate has expired.

use app::model::order_actions::DelegateDownloadForm;
use chrono::{DateTime, Duration, Utc};

use super::{Download, DownloadFormat, OrderError, OrderService, mails};
use crate::{
    services::identity::passwords,
    store::{
        OrderRow, Tx, certificates,
        delegates::{self, PinClaim},
        orders,
    },
};

/// Wrong PINs before the lock.
pub const PIN_ATTEMPTS: i32 = 5;
/// How long the lock lasts.
pub const PIN_LOCK_MINUTES: i64 = 15;
/// How long a mailed PIN works (unless the certificate expires sooner): a PIN that lies
/// forgotten in a mailbox should not open the download for the certificate's whole life.
pub const PIN_LIFETIME: Duration = Duration::days(30);

/// When a PIN mailed at `sent_at` for a certificate valid until `not_after` stops working.
pub fn pin_expires_at(sent_at: DateTime<Utc>, not_after: DateTime<Utc>) -> DateTime<Utc> {
    (sent_at + PIN_LIFETIME).min(not_after)
}

/// Why a delegated download was refused; the page words each one.
#[derive(Debug)]
pub enum DelegateRefusal {
    /// The form was not an order number and an 8-digit PIN.
    Malformed,
    /// No such order, no delegate, or a wrong PIN: one answer for all three.
    Wrong,
    Locked(DateTime<Utc>),
    /// The right PIN, but past its 30 days or the certificate's end.
    Expired,
    NotIssued,
    Failed(OrderError),
}

impl From<OrderError> for DelegateRefusal {
    fn from(e: OrderError) -> Self {
        Self::Failed(e)
    }
}

impl From<crate::store::StoreError> for DelegateRefusal {
    fn from(e: crate::store::StoreError) -> Self {
        Self::Failed(e.into())
    }
}

impl OrderService {
    /// Sends the delegate of `order` (if it has one) a fresh PIN, in `tx`.
    pub(super) async fn send_delegate_pin(
        &self,
        tx: &Tx,
        order: &OrderRow,
        now: DateTime<Utc>,
    ) -> Result<(), OrderError> {
        let Some(delegate) = delegates::find(tx, order.id).await? else {
            return Ok(());
        };
        let mut bytes = [0u8; 8];
        self.random.fill(&mut bytes);
        // 2^64 is so much larger than 10^8 that the modulo's bias is negligible.
        let pin = format!("{:08}", u64::from_le_bytes(bytes) % 100_000_000);
        let hash = passwords::hash(&pin, &*self.random)
            .await
            .map_err(|e| OrderError::Export(format!("hashing the delegate PIN: {e}")))?;
        delegates::set_pin(tx, order.id, &hash, now).await?;
        let url = format!("{}/download", self.public_url);
        let lang = super::mail_lang::order_lang(tx, order).await?;
        let mail = mails::delegate_pin(lang, order, &delegate.name, &delegate.email, &pin, &url);
        crate::services::notifications::queue(tx, &mail, now).await?;
        orders::add_event(
            tx,
            order.id,
            "Rootline",
            "Download PIN sent",
            &format!("To the delegate {}", delegate.email),
            now,
        )
        .await?;
        Ok(())
    }

    pub async fn delegated_download(
        &self,
        form: &DelegateDownloadForm,
    ) -> Result<Download, DelegateRefusal> {
        let (order_id, pin) = form.validate().map_err(|_| DelegateRefusal::Malformed)?;
        let format = DownloadFormat::parse(&form.format).ok_or(DelegateRefusal::Malformed)?;
        let now = self.clock.now();
        let lock_until = now + Duration::minutes(PIN_LOCK_MINUTES);
        match delegates::claim_attempt(&self.store, order_id, PIN_ATTEMPTS, now, lock_until).await?
        {
            PinClaim::Claimed => {}
            PinClaim::Locked(until) => return Err(DelegateRefusal::Locked(until)),
            PinClaim::NoDelegate => {
                // Spends the time of a real check, so the clock does not tell which order
                // numbers have a delegate.
                passwords::verify(&pin, None).await;
                return Err(DelegateRefusal::Wrong);
            }
        }
        let delegate = delegates::find(&self.store, order_id).await?;
        let stored = delegate.as_ref().and_then(|d| d.pin_hash.as_deref());
        // A wrong PIN stays counted by its claim.
        if !passwords::verify(&pin, stored).await {
            return Err(DelegateRefusal::Wrong);
        }
        delegates::succeed(&self.store, order_id).await?;
        let order = orders::get_for_delegate(&self.store, order_id)
            .await?
            .ok_or(DelegateRefusal::Wrong)?;
        let Some(certificate_id) = order.certificate_id else {
            return Err(DelegateRefusal::NotIssued);
        };
        // Only someone with the right PIN learns that it expired.
        let not_after = certificates::find_by_id(&self.store, certificate_id)
            .await?
            .map(|c| c.not_after)
            .ok_or(DelegateRefusal::NotIssued)?;
        // A PIN hash is only ever stored with the time it was sent; should one lack it, the
        // certificate's end still bounds the PIN.
        let sent_at = delegate.and_then(|d| d.pin_sent_at).unwrap_or(now);
        if now >= pin_expires_at(sent_at, not_after) {
            return Err(DelegateRefusal::Expired);
        }
        let download = self.download_of(&order, format).await?;
        orders::add_event(
            &self.store,
            order.id,
            "Delegate",
            "Certificate downloaded",
            "By the download delegate with the PIN",
            now,
        )
        .await?;
        Ok(download)
    }
}

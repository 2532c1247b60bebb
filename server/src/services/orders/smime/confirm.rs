//! The mailed link: whoever reads the mailbox confirms control of it. The value answers once,
//! within 24 hours; anything else is refused with nothing changed.

use app::model::smime::LINK_HOURS;

use super::link_fresh;
use crate::{
    domain::secret_token::{hash_token, looks_like_token},
    services::orders::{OrderError, OrderService},
    store::{orders, smime as mailboxes},
};

/// The words for a link that does not match any sent value.
pub const UNKNOWN_LINK: &str = "This verification link is not valid: it was mistyped, used already, or replaced by a newer one. Use the newest link sent to the address, or ask the requester to send a new one.";

impl OrderService {
    /// The verified address.
    pub async fn smime_verify(&self, value: &str) -> Result<String, OrderError> {
        let unknown = || OrderError::Refused(UNKNOWN_LINK.into());
        if !looks_like_token(value) {
            return Err(unknown());
        }
        let hash = hash_token(value);
        let m = mailboxes::by_value(&self.store, &hash)
            .await?
            .ok_or_else(unknown)?;
        let email = m.email.clone().ok_or_else(unknown)?;
        let now = self.clock.now();
        if !link_fresh(m.value_sent_at, now) {
            return Err(OrderError::Refused(format!(
                "This verification link has expired: links work for {LINK_HOURS} hours after they are sent. Nothing was changed. Ask the requester to send a new link from the order's page."
            )));
        }
        let tx = self.store.begin().await?;
        if !mailboxes::set_verified(&tx, m.account_id, m.order_id, Some(&hash), now, now).await? {
            return Err(unknown());
        }
        orders::add_event(
            &tx,
            m.order_id,
            &format!("{email} (verification link)"),
            "E-mail verified",
            &format!("Control of {email} confirmed through the link"),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(email)
    }
}

//! The mailed link: whoever reads the mailbox confirms control of it. The value answers once,
//! within 24 hours; anything else is refused with nothing changed.

use app::i18n::Msg;
use app::model::smime::LINK_HOURS;

use super::link_fresh;
use crate::{
    domain::secret_token::{hash_token, looks_like_token},
    services::orders::{OrderError, OrderService},
    store::{orders, smime as mailboxes},
};

/// The words for a link that does not match any sent value.
pub fn unknown_link() -> Msg {
    Msg::new("err-smime-unknown-link")
}

impl OrderService {
    /// The verified address.
    pub async fn smime_verify(&self, value: &str) -> Result<String, OrderError> {
        let unknown = || OrderError::Refused(unknown_link());
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
            return Err(OrderError::Refused(
                Msg::new("err-verification-link-has-expired-links").arg("link_hours", LINK_HOURS),
            ));
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

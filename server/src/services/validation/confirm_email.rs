//! The link of a validation e-mail (constructed, BR 3.2.2.4.4; to a DNS contact, BR
//! 3.2.2.4.13 and .14): whoever reads the mailbox confirms control of the domain. The value
//! answers once, within its lifetime (24 hours, or 30 days for the DNS contacts).

use app::i18n::Msg;

use super::{ValidationError, ValidationService};
use crate::{domain::dcv, store::domains};

impl ValidationService {
    /// The domain's account and name, once its control is confirmed.
    pub async fn confirm_email(
        &self,
        domain_id: i32,
        value: &str,
    ) -> Result<(i32, String), ValidationError> {
        let refused = || ValidationError::Refused(Msg::new("err-confirmation-link-not-valid-any"));
        let d = domains::find_for_confirmation_any_account(&self.store, domain_id)
            .await?
            .ok_or_else(refused)?;
        let method = *d.method;
        let now = self.clock.now();
        let fresh = now - d.value_created_at <= dcv::value_lifetime(&method);
        // The comparison is over a 128-bit random value; its timing reveals nothing usable.
        if !method.is_email() || !fresh || d.random_value != value {
            return Err(refused());
        }
        // A link mailed before the method was refused (or the operator turned it off)
        // confirms nothing after it; only the holder of a genuine link learns why.
        if let Some(why) = self.refusal(method, now) {
            return Err(ValidationError::Refused(why));
        }
        self.record_success(&d, &method, now).await?;
        Ok((d.account_id, d.name))
    }
}

//! "Recheck payment status": asks the provider about one of the account's payments and
//! credits what it reports paid that no webhook delivered.

use app::i18n::Msg;
use app::model::{
    Permission,
    payments::{PaymentId, PaymentProvider, PaymentStatus},
};

use super::{PaymentError, PaymentService};
use crate::{services::identity::Caller, store::payments};

impl PaymentService {
    pub async fn recheck_payment(
        &self,
        caller: &Caller,
        id: PaymentId,
    ) -> Result<PaymentStatus, PaymentError> {
        caller.require(Permission::ViewFinance)?;
        let payment = payments::find(&self.store, caller.account.id, id.0)
            .await?
            .ok_or(PaymentError::NotFound)?;
        if *payment.status != PaymentStatus::Pending
            || *payment.provider == PaymentProvider::Offline
        {
            return Ok(*payment.status);
        }
        let Some(provider_id) = payment.provider_payment_id.clone() else {
            // The provider never took it: nothing to ask.
            return Ok(PaymentStatus::Pending);
        };
        let gateway = self
            .gateway_of(*payment.provider)
            .ok_or(PaymentError::Refused(Msg::new(
                "err-payment-online-not-configured",
            )))?;
        let state = gateway.state(&provider_id).await?;
        self.apply_remote(&payment, state).await
    }
}

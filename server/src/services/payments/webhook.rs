//! A provider's webhook: the signature is checked against the raw body before anything is
//! read; a notice about a payment we do not know, or one settled before (a replay), changes
//! nothing.

use app::model::payments::{PaymentProvider, PaymentStatus};

use super::{PaymentError, PaymentService};
use crate::store::payments;

/// What a verified webhook did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebhookOutcome {
    /// Not about a payment's outcome, or about a payment that is not ours.
    Ignored,
    /// The payment's state afterwards.
    Applied(PaymentStatus),
}

impl PaymentService {
    /// No caller: the provider is who calls, and its signature is the authorization.
    pub async fn handle_webhook(
        &self,
        provider: PaymentProvider,
        signature: &str,
        body: &[u8],
    ) -> Result<WebhookOutcome, PaymentError> {
        let gateway = self
            .gateway_of(provider)
            .ok_or(PaymentError::NotConfigured)?;
        let Some(notice) = gateway.verify_webhook(signature, body, self.clock.now())? else {
            return Ok(WebhookOutcome::Ignored);
        };
        let Some(payment) = payments::find_by_provider_id_any_account(
            &self.store,
            provider,
            &notice.provider_payment_id,
        )
        .await?
        else {
            return Ok(WebhookOutcome::Ignored);
        };
        Ok(WebhookOutcome::Applied(
            self.apply_remote(&payment, notice.state).await?,
        ))
    }
}

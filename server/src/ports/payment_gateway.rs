//! A payment provider's hosted checkout (FIN-1): start a payment for an amount, learn its
//! state by asking, and read the provider's signed webhook notices. One adapter per provider
//! (`adapters/stripe.rs`, `adapters/razorpay.rs`); each serves one currency.

use app::model::{Currency, Money, payments::PaymentProvider};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// What to ask the provider for.
#[derive(Debug, Clone)]
pub struct CheckoutRequest {
    pub amount: Money,
    /// Our payment's id, kept by the provider beside its own (metadata, receipt, notes).
    pub payment_id: i32,
    pub account_name: String,
    pub customer_email: String,
    /// Where the provider sends the customer back to (our add-credits page for this payment).
    pub return_url: String,
    /// Where the provider sends the customer back to on cancelling.
    pub cancel_url: String,
}

/// How the customer reaches the provider's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redirect {
    /// Follow a link (Stripe Checkout's `url`).
    Link(String),
    /// Post a form (Razorpay's hosted checkout).
    Form {
        action: String,
        fields: Vec<(String, String)>,
    },
}

/// A payment the provider has started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkout {
    /// The provider's id of it: a Checkout Session `cs_…`, a Razorpay order `order_…`.
    pub provider_payment_id: String,
    pub redirect: Redirect,
}

/// What the provider says of a payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteState {
    /// Paid: this much, in this currency (as the provider received it).
    Paid(Money),
    /// Not paid yet.
    Open,
    /// Failed or expired: it will not be paid.
    Failed,
}

/// A verified webhook notice about one payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub provider_payment_id: String,
    pub state: RemoteState,
}

#[derive(Debug, thiserror::Error)]
pub enum GatewayError {
    /// The provider could not be reached or answered with an error.
    #[error("the payment provider: {0}")]
    Provider(String),
    /// The provider's answer is not what its API documents.
    #[error("the payment provider's answer: {0}")]
    Answer(String),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    #[error("the signature header is missing or malformed")]
    Malformed,
    #[error("the signature does not match the body")]
    BadSignature,
    #[error("the signature's timestamp is outside the tolerance")]
    Stale,
    #[error("the body is not an event this server reads: {0}")]
    Body(String),
}

#[async_trait]
pub trait PaymentGateway: Send + Sync {
    fn provider(&self) -> PaymentProvider;
    /// The one currency it takes.
    fn currency(&self) -> Currency;
    async fn start(&self, request: &CheckoutRequest) -> Result<Checkout, GatewayError>;
    /// How to continue a started payment: the same redirect `start` gave.
    fn resume(
        &self,
        provider_payment_id: &str,
        stored_url: Option<&str>,
        request: &CheckoutRequest,
    ) -> Option<Redirect>;
    async fn state(&self, provider_payment_id: &str) -> Result<RemoteState, GatewayError>;
    /// Checks `signature` (the provider's header) against the raw `body`; `Ok(None)` for a
    /// genuine event about something other than a payment's outcome.
    fn verify_webhook(
        &self,
        signature: &str,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Option<Notice>, WebhookError>;
}

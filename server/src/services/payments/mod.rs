//! Money in and out of an account's balance (FIN-1): online payments through a provider's
//! hosted checkout (credited once, whether the webhook, a recheck or a replay reports them),
//! bank transfers the operator approves, bank details, and withdrawals held at once and paid
//! out or released by the operator. Every movement is a ledger transaction in the same
//! database transaction as the row it records.

mod bank_details;
mod credit;
mod decide_payment;
mod decide_withdrawal;
mod mails;
mod offline;
mod online;
mod pages;
mod queue;
mod recheck;
mod webhook;
pub use webhook::WebhookOutcome;
#[cfg(test)]
mod tests;
mod withdraw;

use std::sync::Arc;

use app::i18n::Msg;
use app::model::{
    FieldErrors, Moment, Permission,
    payments::{PaymentId, PaymentLine, PaymentProvider, WithdrawalId, WithdrawalLine},
};

pub use offline::ProofUpload;
pub use queue::ProofFile;

use crate::{
    ports::{
        Clock, PaymentGateway, Random,
        payment_gateway::{GatewayError, WebhookError},
    },
    services::{billing::BillingError, notifications::MailWaker},
    store::{
        Store, StoreError,
        payments::{PaymentRow, WithdrawalRow},
    },
};

pub struct PaymentService {
    store: Store,
    clock: Arc<dyn Clock>,
    random: Arc<dyn Random>,
    /// The configured providers, at most one per currency.
    gateways: Vec<Arc<dyn PaymentGateway>>,
    mail: MailWaker,
    /// The public URL without a trailing slash: the base of return links.
    link_base: String,
}

#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    #[error("the role lacks {0:?}")]
    Forbidden(Permission),
    #[error("only operator users may do this")]
    OperatorOnly,
    /// Another account's payment or withdrawal, or none at all: the same answer for both.
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    /// A valid request the rules refuse, with the reason to show.
    #[error("{}", .0.text(app::i18n::Lang::En))]
    Refused(Msg),
    #[error(transparent)]
    Gateway(#[from] GatewayError),
    #[error("webhook refused: {0}")]
    Webhook(#[from] WebhookError),
    /// No provider takes payments for this currency.
    #[error("online payment is not configured")]
    NotConfigured,
    #[error(transparent)]
    Billing(BillingError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<BillingError> for PaymentError {
    fn from(e: BillingError) -> Self {
        match e {
            BillingError::Store(s) => Self::Store(s),
            BillingError::InsufficientBalance { .. } => {
                Self::Invalid(FieldErrors::single("amount", e.user_msg()))
            }
            other => Self::Billing(other),
        }
    }
}

impl From<crate::services::identity::Forbidden> for PaymentError {
    fn from(f: crate::services::identity::Forbidden) -> Self {
        Self::Forbidden(f.0)
    }
}

impl From<crate::services::identity::OperatorOnly> for PaymentError {
    fn from(_: crate::services::identity::OperatorOnly) -> Self {
        Self::OperatorOnly
    }
}

impl PaymentService {
    pub fn new(
        store: Store,
        clock: Arc<dyn Clock>,
        random: Arc<dyn Random>,
        gateways: Vec<Arc<dyn PaymentGateway>>,
        mail: MailWaker,
        link_base: String,
    ) -> Self {
        Self {
            store,
            clock,
            random,
            gateways,
            mail,
            link_base: link_base.trim_end_matches('/').to_owned(),
        }
    }

    /// The provider that takes payments in `currency`, if one is configured.
    fn gateway_for(&self, currency: app::model::Currency) -> Option<&Arc<dyn PaymentGateway>> {
        self.gateways.iter().find(|g| g.currency() == currency)
    }

    fn gateway_of(&self, provider: PaymentProvider) -> Option<&Arc<dyn PaymentGateway>> {
        self.gateways.iter().find(|g| g.provider() == provider)
    }

    /// A fresh token for a form: a retried post of it is recognised.
    fn form_token(&self) -> String {
        let mut bytes = [0u8; 16];
        self.random.fill(&mut bytes);
        hex::encode(bytes)
    }
}

/// A posted form token: what `form_token` makes (32 hex digits), nothing else.
fn checked_token(token: &str) -> Result<&str, PaymentError> {
    let token = token.trim();
    if token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(token)
    } else {
        Err(PaymentError::Refused(Msg::new("err-payment-form-expired")))
    }
}

fn payment_line(p: &PaymentRow) -> PaymentLine {
    PaymentLine {
        id: PaymentId(p.id),
        provider: *p.provider,
        amount_minor: p.amount_minor,
        status: *p.status,
        reference: p.reference.clone(),
        paid_on: p
            .paid_on
            .as_deref()
            .and_then(app::model::payments::parse_day),
        reason: p.reason.clone(),
        created: Moment::from(p.created_at),
    }
}

fn withdrawal_line(w: &WithdrawalRow) -> WithdrawalLine {
    WithdrawalLine {
        id: WithdrawalId(w.id),
        amount_minor: w.amount_minor,
        status: *w.status,
        reason: w.reason.clone(),
        created: Moment::from(w.created_at),
    }
}

#[cfg(test)]
impl PaymentService {
    /// Over the harness's store, with no provider configured (online payment not offered).
    pub(crate) fn for_harness(h: &crate::services::identity::test_support::Harness) -> Self {
        Self::new(
            h.store.clone(),
            h.clock.clone(),
            Arc::new(crate::adapters::random::OsRandom),
            Vec::new(),
            MailWaker::default(),
            "http://portal.test".into(),
        )
    }
}

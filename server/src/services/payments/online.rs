//! An online top-up: a payment row first (a retried post of the same form finds it), then the
//! provider's checkout, whose page the customer is sent to.

use app::i18n::Msg;
use app::model::{
    FieldErrors, Money, Permission,
    payments::{OnlinePaymentForm, PaymentId, amount_in},
};

use super::{PaymentError, PaymentService, checked_token};
use crate::{
    ports::payment_gateway::{CheckoutRequest, Redirect},
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::payments::{self, NewPayment, PaymentRow},
};

impl PaymentService {
    /// Answers the payment and where to send the customer: the provider's page, or for a
    /// provider that takes a form post, our page that shows the form.
    pub async fn start_online_payment(
        &self,
        caller: &Caller,
        form: &OnlinePaymentForm,
        ip: Option<String>,
    ) -> Result<(PaymentId, String), PaymentError> {
        caller.require(Permission::AllocateCredits)?;
        let currency = *caller.account.currency;
        let amount_minor = amount_in(&form.amount, &form.currency, currency)
            .map_err(|m| PaymentError::Invalid(FieldErrors::single("amount", m)))?;
        let gateway = self
            .gateway_for(currency)
            .ok_or(PaymentError::Refused(Msg::new(
                "err-payment-online-not-configured",
            )))?;
        let token = checked_token(&form.form_token)?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let (payment, fresh) = payments::insert_payment(
            &tx,
            NewPayment {
                account_id: caller.account.id,
                provider: gateway.provider(),
                amount: Money::new(amount_minor, currency),
                reference: None,
                paid_on: None,
                proof: None,
                form_token: token,
                created_by_user_id: caller.user.id,
                at: now,
            },
        )
        .await?;
        if fresh {
            audit::record(
                &tx,
                now,
                AuditEntry {
                    account_id: Some(caller.account.id),
                    user_id: Some(caller.user.id),
                    ip,
                    module: "billing",
                    action: "payment_started",
                    summary: format!(
                        "Online payment {} of {} started with {}",
                        payment.id,
                        app::model::billing::format_money(amount_minor, currency.as_str()),
                        gateway.provider().as_str()
                    ),
                },
            )
            .await?;
        }
        tx.commit().await?;
        let request = self.checkout_request(caller, &payment);
        let page = self.page_of(payment.id);
        // A retried post of a form whose payment the provider already started continues it.
        if let Some(provider_id) = &payment.provider_payment_id {
            return Ok(
                match gateway.resume(provider_id, payment.checkout_url.as_deref(), &request) {
                    Some(Redirect::Link(url)) => (PaymentId(payment.id), url),
                    _ => (PaymentId(payment.id), page),
                },
            );
        }
        let checkout = gateway.start(&request).await?;
        let url = match &checkout.redirect {
            Redirect::Link(url) => Some(url.as_str()),
            Redirect::Form { .. } => None,
        };
        payments::set_provider_payment(
            &self.store,
            caller.account.id,
            payment.id,
            &checkout.provider_payment_id,
            url,
        )
        .await?;
        Ok((PaymentId(payment.id), url.map_or(page, str::to_owned)))
    }

    /// Our page for a payment (where providers send the customer back, by way of the return
    /// route that accepts their GET or POST).
    fn page_of(&self, id: i32) -> String {
        format!("/billing/add-credits?payment={id}")
    }

    pub(super) fn checkout_request(
        &self,
        caller: &Caller,
        payment: &PaymentRow,
    ) -> CheckoutRequest {
        CheckoutRequest {
            amount: Money::new(payment.amount_minor, *payment.currency),
            payment_id: payment.id,
            account_name: caller.account.name.clone(),
            customer_email: caller.user.email.clone(),
            return_url: format!(
                "{}/billing/payments/return?payment={}",
                self.link_base, payment.id
            ),
            cancel_url: format!(
                "{}/billing/add-credits?payment={}",
                self.link_base, payment.id
            ),
        }
    }
}

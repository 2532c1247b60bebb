//! Razorpay (INR): an order per payment (`POST /v1/orders`, JSON, HTTP basic auth with the key
//! id and secret), paid on Razorpay's hosted checkout (a form posted to
//! `/v1/checkout/embedded` that sends the customer back to `callback_url`), its payments read
//! back with `GET /v1/orders/{id}/payments`, and webhooks signed in `X-Razorpay-Signature`
//! (the hex HMAC-SHA256 of the raw body under the webhook secret).

use app::model::{Currency, Money, payments::PaymentProvider};
use async_trait::async_trait;
use base64::Engine;
use chrono::{DateTime, Utc};
use hyper::Method;
use serde::Deserialize;

use super::provider_http::{Call, ProviderHttp, failure, hmac_sha256_matches};
use crate::{
    config::Secret,
    ports::payment_gateway::{
        Checkout, CheckoutRequest, GatewayError, Notice, PaymentGateway, Redirect, RemoteState,
        WebhookError,
    },
};

pub struct RazorpayCheckout {
    http: ProviderHttp,
    /// `https://api.razorpay.com` unless configured otherwise; no trailing slash.
    api_base: String,
    key_id: String,
    key_secret: Secret,
    webhook_secret: Secret,
}

impl RazorpayCheckout {
    pub fn new(
        api_base: &str,
        key_id: String,
        key_secret: Secret,
        webhook_secret: Secret,
    ) -> Result<Self, GatewayError> {
        Ok(Self {
            http: ProviderHttp::new()?,
            api_base: api_base.trim_end_matches('/').to_owned(),
            key_id,
            key_secret,
            webhook_secret,
        })
    }

    fn authorization(&self) -> String {
        let pair = format!("{}:{}", self.key_id, self.key_secret.0);
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        )
    }

    fn checkout_form(&self, order_id: &str, request: &CheckoutRequest) -> Redirect {
        Redirect::Form {
            action: format!("{}/v1/checkout/embedded", self.api_base),
            fields: vec![
                ("key_id".into(), self.key_id.clone()),
                ("order_id".into(), order_id.to_owned()),
                ("amount".into(), request.amount.minor.to_string()),
                ("currency".into(), request.amount.currency.as_str().into()),
                ("name".into(), "Rootline".into()),
                (
                    "description".into(),
                    format!("Credits for {}", request.account_name),
                ),
                ("prefill[email]".into(), request.customer_email.clone()),
                ("callback_url".into(), request.return_url.clone()),
                ("cancel_url".into(), request.cancel_url.clone()),
            ],
        }
    }
}

#[derive(Debug, Deserialize)]
struct Order {
    id: String,
}

#[derive(Debug, Deserialize)]
struct PaymentEntity {
    #[serde(default)]
    order_id: Option<String>,
    amount: i64,
    currency: String,
    /// `created`, `authorized`, `captured`, `refunded`, `failed`.
    status: String,
}

#[derive(Debug, Deserialize)]
struct Collection {
    items: Vec<PaymentEntity>,
}

#[derive(Debug, Deserialize)]
struct Event {
    event: String,
    payload: Payload,
}

#[derive(Debug, Deserialize)]
struct Payload {
    #[serde(default)]
    payment: Option<Wrapped<PaymentEntity>>,
}

#[derive(Debug, Deserialize)]
struct Wrapped<T> {
    entity: T,
}

fn paid(p: &PaymentEntity) -> Option<RemoteState> {
    (p.status == "captured").then(|| match Currency::parse(&p.currency) {
        Some(c) => RemoteState::Paid(Money::new(p.amount, c)),
        None => RemoteState::Failed,
    })
}

#[async_trait]
impl PaymentGateway for RazorpayCheckout {
    fn provider(&self) -> PaymentProvider {
        PaymentProvider::Razorpay
    }

    fn currency(&self) -> Currency {
        Currency::Inr
    }

    async fn start(&self, request: &CheckoutRequest) -> Result<Checkout, GatewayError> {
        let body = serde_json::json!({
            "amount": request.amount.minor,
            "currency": request.amount.currency.as_str(),
            "receipt": format!("rootline-{}", request.payment_id),
            "notes": { "payment_id": request.payment_id.to_string() },
        });
        let url = format!("{}/v1/orders", self.api_base);
        let (status, answer) = self
            .http
            .send(Call {
                method: Method::POST,
                url: &url,
                authorization: Some(&self.authorization()),
                body: Some(("application/json", body.to_string().into_bytes())),
                idempotency_key: None,
            })
            .await?;
        if !(200..300).contains(&status) {
            return Err(failure(status, &answer));
        }
        let order: Order = serde_json::from_slice(&answer)
            .map_err(|e| GatewayError::Answer(format!("order: {e}")))?;
        Ok(Checkout {
            redirect: self.checkout_form(&order.id, request),
            provider_payment_id: order.id,
        })
    }

    fn resume(
        &self,
        provider_payment_id: &str,
        _stored_url: Option<&str>,
        request: &CheckoutRequest,
    ) -> Option<Redirect> {
        Some(self.checkout_form(provider_payment_id, request))
    }

    async fn state(&self, provider_payment_id: &str) -> Result<RemoteState, GatewayError> {
        if !provider_payment_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return Err(GatewayError::Answer("not a Razorpay order id".into()));
        }
        let url = format!("{}/v1/orders/{provider_payment_id}/payments", self.api_base);
        let (status, body) = self
            .http
            .send(Call {
                method: Method::GET,
                url: &url,
                authorization: Some(&self.authorization()),
                body: None,
                idempotency_key: None,
            })
            .await?;
        if !(200..300).contains(&status) {
            return Err(failure(status, &body));
        }
        let payments: Collection = serde_json::from_slice(&body)
            .map_err(|e| GatewayError::Answer(format!("payments of the order: {e}")))?;
        // An order stays open after a failed attempt: the customer may pay it again.
        Ok(payments
            .items
            .iter()
            .find_map(paid)
            .unwrap_or(RemoteState::Open))
    }

    fn verify_webhook(
        &self,
        signature: &str,
        body: &[u8],
        _now: DateTime<Utc>,
    ) -> Result<Option<Notice>, WebhookError> {
        if signature.trim().is_empty() {
            return Err(WebhookError::Malformed);
        }
        if !hmac_sha256_matches(self.webhook_secret.0.as_bytes(), body, signature) {
            return Err(WebhookError::BadSignature);
        }
        let event: Event =
            serde_json::from_slice(body).map_err(|e| WebhookError::Body(e.to_string()))?;
        if !matches!(event.event.as_str(), "payment.captured" | "order.paid") {
            return Ok(None);
        }
        let payment = event
            .payload
            .payment
            .ok_or_else(|| WebhookError::Body("no payment in the payload".into()))?
            .entity;
        let (Some(order_id), Some(state)) = (payment.order_id.clone(), paid(&payment)) else {
            return Ok(None);
        };
        Ok(Some(Notice {
            provider_payment_id: order_id,
            state,
        }))
    }
}

#[cfg(test)]
mod tests;

//! Stripe Checkout (USD): a Checkout Session per payment (`POST /v1/checkout/sessions`,
//! form-encoded, the secret key as a bearer token), its state read back with
//! `GET /v1/checkout/sessions/{id}`, and webhooks signed in `Stripe-Signature`
//! (`t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`) within a tolerance.

use app::model::{Currency, Money, payments::PaymentProvider};
use async_trait::async_trait;
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

/// Stripe's own libraries refuse a signature older than this (replays of old deliveries).
pub const TOLERANCE_SECONDS: i64 = 300;

pub struct StripeCheckout {
    http: ProviderHttp,
    /// `https://api.stripe.com` unless configured otherwise; no trailing slash.
    api_base: String,
    secret_key: Secret,
    webhook_secret: Secret,
}

impl StripeCheckout {
    pub fn new(
        api_base: &str,
        secret_key: Secret,
        webhook_secret: Secret,
    ) -> Result<Self, GatewayError> {
        Ok(Self {
            http: ProviderHttp::new()?,
            api_base: api_base.trim_end_matches('/').to_owned(),
            secret_key,
            webhook_secret,
        })
    }

    fn authorization(&self) -> String {
        format!("Bearer {}", self.secret_key.0)
    }
}

/// The fields of a Checkout Session this adapter reads.
#[derive(Debug, Deserialize)]
struct Session {
    id: String,
    #[serde(default)]
    url: Option<String>,
    /// `open`, `complete`, `expired`.
    #[serde(default)]
    status: Option<String>,
    /// `paid`, `unpaid`, `no_payment_required`.
    #[serde(default)]
    payment_status: Option<String>,
    #[serde(default)]
    amount_total: Option<i64>,
    #[serde(default)]
    currency: Option<String>,
}

impl Session {
    fn state(&self) -> RemoteState {
        match (self.status.as_deref(), self.payment_status.as_deref()) {
            (_, Some("paid")) => match (
                self.amount_total,
                self.currency
                    .as_deref()
                    .and_then(|c| Currency::parse(&c.to_ascii_uppercase())),
            ) {
                (Some(minor), Some(currency)) => RemoteState::Paid(Money::new(minor, currency)),
                // Paid, but in nothing we bill in: never credited.
                _ => RemoteState::Failed,
            },
            (Some("expired"), _) => RemoteState::Failed,
            _ => RemoteState::Open,
        }
    }
}

#[derive(Debug, Deserialize)]
struct Event {
    #[serde(rename = "type")]
    kind: String,
    data: EventData,
}

#[derive(Debug, Deserialize)]
struct EventData {
    object: serde_json::Value,
}

/// `t=…,v1=…[,v1=…][,v0=…]`: the timestamp and every v1 signature.
fn parse_header(header: &str) -> Option<(i64, Vec<&str>)> {
    let mut t = None;
    let mut v1 = Vec::new();
    for part in header.split(',') {
        let (k, v) = part.trim().split_once('=')?;
        match k {
            "t" => t = v.parse().ok(),
            "v1" => v1.push(v),
            _ => {}
        }
    }
    Some((t?, v1)).filter(|(_, v1)| !v1.is_empty())
}

#[async_trait]
impl PaymentGateway for StripeCheckout {
    fn provider(&self) -> PaymentProvider {
        PaymentProvider::Stripe
    }

    fn currency(&self) -> Currency {
        Currency::Usd
    }

    async fn start(&self, request: &CheckoutRequest) -> Result<Checkout, GatewayError> {
        let id = request.payment_id.to_string();
        let amount = request.amount.minor.to_string();
        let currency = request.amount.currency.as_str().to_ascii_lowercase();
        let name = format!("Rootline credits for {}", request.account_name);
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("mode", "payment")
            .append_pair("success_url", &request.return_url)
            .append_pair("cancel_url", &request.cancel_url)
            .append_pair("client_reference_id", &id)
            .append_pair("metadata[payment_id]", &id)
            .append_pair("customer_email", &request.customer_email)
            .append_pair("line_items[0][quantity]", "1")
            .append_pair("line_items[0][price_data][currency]", &currency)
            .append_pair("line_items[0][price_data][unit_amount]", &amount)
            .append_pair("line_items[0][price_data][product_data][name]", &name)
            .finish();
        let url = format!("{}/v1/checkout/sessions", self.api_base);
        let (status, body) = self
            .http
            .send(Call {
                method: Method::POST,
                url: &url,
                authorization: Some(&self.authorization()),
                body: Some(("application/x-www-form-urlencoded", form.into_bytes())),
                idempotency_key: Some(format!("rootline-payment-{id}")),
            })
            .await?;
        if !(200..300).contains(&status) {
            return Err(failure(status, &body));
        }
        let session: Session = serde_json::from_slice(&body)
            .map_err(|e| GatewayError::Answer(format!("Checkout Session: {e}")))?;
        let url = session
            .url
            .ok_or_else(|| GatewayError::Answer("Checkout Session without a url".into()))?;
        Ok(Checkout {
            provider_payment_id: session.id,
            redirect: Redirect::Link(url),
        })
    }

    fn resume(
        &self,
        _provider_payment_id: &str,
        stored_url: Option<&str>,
        _request: &CheckoutRequest,
    ) -> Option<Redirect> {
        stored_url.map(|u| Redirect::Link(u.to_owned()))
    }

    async fn state(&self, provider_payment_id: &str) -> Result<RemoteState, GatewayError> {
        // The id goes into the path: Stripe's ids are `cs_` and letters and digits.
        if !provider_payment_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return Err(GatewayError::Answer("not a Checkout Session id".into()));
        }
        let url = format!(
            "{}/v1/checkout/sessions/{provider_payment_id}",
            self.api_base
        );
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
        let session: Session = serde_json::from_slice(&body)
            .map_err(|e| GatewayError::Answer(format!("Checkout Session: {e}")))?;
        Ok(session.state())
    }

    fn verify_webhook(
        &self,
        signature: &str,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Option<Notice>, WebhookError> {
        let (t, signatures) = parse_header(signature).ok_or(WebhookError::Malformed)?;
        let mut signed = t.to_string().into_bytes();
        signed.push(b'.');
        signed.extend_from_slice(body);
        if !signatures
            .iter()
            .any(|s| hmac_sha256_matches(self.webhook_secret.0.as_bytes(), &signed, s))
        {
            return Err(WebhookError::BadSignature);
        }
        if (now.timestamp() - t).abs() > TOLERANCE_SECONDS {
            return Err(WebhookError::Stale);
        }
        let event: Event =
            serde_json::from_slice(body).map_err(|e| WebhookError::Body(e.to_string()))?;
        if !event.kind.starts_with("checkout.session.") {
            return Ok(None);
        }
        let session: Session = serde_json::from_value(event.data.object)
            .map_err(|e| WebhookError::Body(e.to_string()))?;
        let state = match event.kind.as_str() {
            "checkout.session.completed" | "checkout.session.async_payment_succeeded" => {
                session.state()
            }
            "checkout.session.expired" | "checkout.session.async_payment_failed" => {
                RemoteState::Failed
            }
            _ => return Ok(None),
        };
        Ok(Some(Notice {
            provider_payment_id: session.id,
            state,
        }))
    }
}

#[cfg(test)]
mod tests;

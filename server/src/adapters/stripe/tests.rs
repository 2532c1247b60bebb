//! Stripe Checkout against a local server answering as Stripe's API documents
//! (docs.stripe.com/api/checkout/sessions), and webhooks signed by Stripe's own Node library
//! (`stripe.webhooks.generateTestHeaderString`), not by this crate.

use app::model::{Currency, Money};
use chrono::{DateTime, Utc};

use super::{StripeCheckout, TOLERANCE_SECONDS};
use crate::{
    adapters::provider_mock::{
        MockProvider, NODE_INSTALL, checkout_request, run_sdk, stripe_node_module,
    },
    config::Secret,
    ports::payment_gateway::{
        GatewayError, Notice, PaymentGateway, Redirect, RemoteState, WebhookError,
    },
};

const SECRET_KEY: &str = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
const WEBHOOK_SECRET: &str = "whsec_test_rootline_endpoint_secret";
const SESSION_ID: &str = "cs_test_a11YYufWQzNY63zpQ6QSNRQhkUpVph4WRmzW0zWJO2znZKdVujZ0N0S22u";
const NOW: i64 = 1_765_000_000;

/// Stripe's documented Checkout Session, trimmed to what the adapter reads, as created.
const SESSION_OPEN: &str = r#"{
  "id": "cs_test_a11YYufWQzNY63zpQ6QSNRQhkUpVph4WRmzW0zWJO2znZKdVujZ0N0S22u",
  "object": "checkout.session",
  "amount_subtotal": 12500,
  "amount_total": 12500,
  "client_reference_id": "42",
  "currency": "usd",
  "customer_email": "billing@acme.example",
  "livemode": false,
  "metadata": {"payment_id": "42"},
  "mode": "payment",
  "payment_status": "unpaid",
  "status": "open",
  "success_url": "https://portal.example/billing/payments/return?payment=42",
  "url": "https://checkout.stripe.com/c/pay/cs_test_a11YYufWQzNY63zpQ6QSNRQhkUpVph4WRmzW0zWJO2znZKdVujZ0N0S22u#fidkdWxOYHwnPyd1blpxYHZxWjA0"
}"#;

/// The same session once paid.
const SESSION_PAID: &str = r#"{
  "id": "cs_test_a11YYufWQzNY63zpQ6QSNRQhkUpVph4WRmzW0zWJO2znZKdVujZ0N0S22u",
  "object": "checkout.session",
  "amount_total": 12500,
  "currency": "usd",
  "mode": "payment",
  "payment_intent": "pi_3MtwBwLkdIwHu7ix28a3tqPa",
  "payment_status": "paid",
  "status": "complete",
  "url": null
}"#;

const SESSION_EXPIRED: &str = r#"{
  "id": "cs_test_a11YYufWQzNY63zpQ6QSNRQhkUpVph4WRmzW0zWJO2znZKdVujZ0N0S22u",
  "object": "checkout.session",
  "amount_total": 12500,
  "currency": "usd",
  "payment_status": "unpaid",
  "status": "expired",
  "url": null
}"#;

/// Stripe's error body for an unknown object (HTTP 404).
const NO_SUCH_SESSION: &str = r#"{
  "error": {
    "code": "resource_missing",
    "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
    "message": "No such checkout.session: 'cs_test_a11YYufWQzNY63zpQ6QSNRQhkUpVph4WRmzW0zWJO2znZKdVujZ0N0S22u'",
    "param": "session",
    "type": "invalid_request_error"
  }
}"#;

/// Stripe's error body for a bad secret key (HTTP 401).
const INVALID_API_KEY: &str = r#"{
  "error": {
    "message": "Invalid API Key provided: sk_test_****************p7dc",
    "type": "invalid_request_error"
  }
}"#;

/// A `checkout.session.completed` event as Stripe delivers it, trimmed.
fn completed_event(kind: &str, session: &str) -> String {
    format!(
        r#"{{"id":"evt_1NG8Du2eZvKYlo2CUI79vXWy","object":"event","api_version":"2024-06-20","created":1686089970,"data":{{"object":{session}}},"livemode":false,"pending_webhooks":1,"type":"{kind}"}}"#
    )
}

fn gateway(base: &str) -> StripeCheckout {
    StripeCheckout::new(
        base,
        Secret(SECRET_KEY.into()),
        Secret(WEBHOOK_SECRET.into()),
    )
    .unwrap()
}

fn at(unix: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(unix, 0).unwrap()
}

fn usd(minor: i64) -> Money {
    Money::new(minor, Currency::Usd)
}

/// The `Stripe-Signature` header Stripe's Node library makes for `payload` (`scheme` `v1`
/// unless given).
fn sdk_header(payload: &str, secret: &str, timestamp: i64, scheme: Option<&str>) -> String {
    const SCRIPT: &str = r#"
const stripe = require(process.env.STRIPE_MODULE);
let payload = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => { payload += d; });
process.stdin.on('end', () => {
  const opts = { payload, secret: process.env.SECRET, timestamp: Number(process.env.TIMESTAMP) };
  if (process.env.SCHEME) opts.scheme = process.env.SCHEME;
  process.stdout.write(stripe.webhooks.generateTestHeaderString(opts));
});
"#;
    let module = stripe_node_module();
    let timestamp = timestamp.to_string();
    let (ok, out) = run_sdk(
        "node",
        &["-e", SCRIPT],
        &[
            ("STRIPE_MODULE", module.to_str().unwrap()),
            ("SECRET", secret),
            ("TIMESTAMP", &timestamp),
            ("SCHEME", scheme.unwrap_or("")),
        ],
        payload.as_bytes(),
        NODE_INSTALL,
    );
    assert!(ok, "the Stripe SDK failed: {out}");
    out
}

#[tokio::test]
async fn start_posts_a_form_encoded_session_with_the_secret_key_and_returns_its_url() {
    let mock = MockProvider::answering(200, SESSION_OPEN).await;

    let checkout = gateway(&mock.base)
        .start(&checkout_request(usd(12500)))
        .await
        .unwrap();

    assert_eq!(checkout.provider_payment_id, SESSION_ID);
    assert_eq!(
        checkout.redirect,
        Redirect::Link(
            "https://checkout.stripe.com/c/pay/cs_test_a11YYufWQzNY63zpQ6QSNRQhkUpVph4WRmzW0zWJO2znZKdVujZ0N0S22u#fidkdWxOYHwnPyd1blpxYHZxWjA0".into()
        )
    );
    let sent = mock.only_request();
    assert_eq!(sent.method, "POST");
    assert_eq!(sent.path, "/v1/checkout/sessions");
    assert_eq!(
        sent.header("authorization"),
        Some(format!("Bearer {SECRET_KEY}").as_str())
    );
    assert_eq!(
        sent.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(sent.header("idempotency-key"), Some("rootline-payment-42"));
    let form = sent.form();
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no {name} in {form:?}"))
    };
    assert_eq!(field("mode"), "payment");
    assert_eq!(
        field("success_url"),
        "https://portal.example/billing/payments/return?payment=42"
    );
    assert_eq!(
        field("cancel_url"),
        "https://portal.example/billing/add-credits?payment=42"
    );
    assert_eq!(field("client_reference_id"), "42");
    assert_eq!(field("metadata[payment_id]"), "42");
    assert_eq!(field("customer_email"), "billing@acme.example");
    assert_eq!(field("line_items[0][quantity]"), "1");
    // Stripe wants lower-case ISO codes and amounts in the smallest unit (cents).
    assert_eq!(field("line_items[0][price_data][currency]"), "usd");
    assert_eq!(field("line_items[0][price_data][unit_amount]"), "12500");
    assert_eq!(
        field("line_items[0][price_data][product_data][name]"),
        "Rootline credits for Acme & Sons"
    );
}

#[tokio::test]
async fn start_turns_a_rejected_key_into_an_error_not_a_redirect() {
    let mock = MockProvider::answering(401, INVALID_API_KEY).await;

    let err = gateway(&mock.base)
        .start(&checkout_request(usd(12500)))
        .await
        .unwrap_err();

    assert!(
        matches!(&err, GatewayError::Provider(m) if m.contains("401") && m.contains("Invalid API Key")),
        "{err:?}"
    );
}

#[tokio::test]
async fn start_refuses_a_session_without_a_url() {
    let mock = MockProvider::answering(200, SESSION_PAID).await;

    let err = gateway(&mock.base)
        .start(&checkout_request(usd(12500)))
        .await
        .unwrap_err();

    assert!(matches!(err, GatewayError::Answer(_)), "{err:?}");
}

#[tokio::test]
async fn state_reads_a_paid_session_as_paid_with_its_amount_and_currency() {
    let mock = MockProvider::answering(200, SESSION_PAID).await;

    let state = gateway(&mock.base).state(SESSION_ID).await.unwrap();

    assert_eq!(state, RemoteState::Paid(usd(12500)));
    let sent = mock.only_request();
    assert_eq!(sent.method, "GET");
    assert_eq!(sent.path, format!("/v1/checkout/sessions/{SESSION_ID}"));
    assert_eq!(
        sent.header("authorization"),
        Some(format!("Bearer {SECRET_KEY}").as_str())
    );
}

#[tokio::test]
async fn state_reads_an_unpaid_open_session_as_open() {
    let mock = MockProvider::answering(200, SESSION_OPEN).await;

    let state = gateway(&mock.base).state(SESSION_ID).await.unwrap();

    assert_eq!(state, RemoteState::Open);
}

#[tokio::test]
async fn state_reads_an_expired_session_as_failed() {
    let mock = MockProvider::answering(200, SESSION_EXPIRED).await;

    let state = gateway(&mock.base).state(SESSION_ID).await.unwrap();

    assert_eq!(state, RemoteState::Failed);
}

#[tokio::test]
async fn state_never_credits_a_session_paid_in_a_currency_rootline_does_not_bill_in() {
    let mock =
        MockProvider::answering(200, r#"{"id":"cs_test_1","amount_total":12500,"currency":"eur","payment_status":"paid","status":"complete"}"#)
            .await;

    let state = gateway(&mock.base).state("cs_test_1").await.unwrap();

    assert_eq!(state, RemoteState::Failed);
}

#[tokio::test]
async fn state_turns_a_provider_error_into_an_error_not_a_credit() {
    let mock = MockProvider::answering(404, NO_SUCH_SESSION).await;

    let err = gateway(&mock.base).state(SESSION_ID).await.unwrap_err();

    assert!(
        matches!(&err, GatewayError::Provider(m) if m.contains("404") && m.contains("resource_missing")),
        "{err:?}"
    );
}

#[tokio::test]
async fn state_refuses_an_id_that_would_change_the_path_without_asking_stripe() {
    let mock = MockProvider::answering(200, SESSION_PAID).await;

    let err = gateway(&mock.base)
        .state("cs_test_1/../../v1/charges")
        .await
        .unwrap_err();

    assert!(matches!(err, GatewayError::Answer(_)), "{err:?}");
    assert!(mock.received().is_empty());
}

#[test]
fn webhook_signed_by_the_stripe_sdk_is_accepted_and_read_as_paid() {
    let body = completed_event("checkout.session.completed", SESSION_PAID);
    let header = sdk_header(&body, WEBHOOK_SECRET, NOW, None);

    let notice = gateway("http://127.0.0.1:9")
        .verify_webhook(&header, body.as_bytes(), at(NOW))
        .unwrap();

    assert_eq!(
        notice,
        Some(Notice {
            provider_payment_id: SESSION_ID.into(),
            state: RemoteState::Paid(usd(12500)),
        })
    );
}

#[test]
fn webhook_for_an_expired_session_reads_as_failed() {
    let body = completed_event("checkout.session.expired", SESSION_EXPIRED);
    let header = sdk_header(&body, WEBHOOK_SECRET, NOW, None);

    let notice = gateway("http://127.0.0.1:9")
        .verify_webhook(&header, body.as_bytes(), at(NOW))
        .unwrap();

    assert_eq!(
        notice,
        Some(Notice {
            provider_payment_id: SESSION_ID.into(),
            state: RemoteState::Failed,
        })
    );
}

#[test]
fn webhook_about_something_other_than_a_checkout_session_is_genuine_but_ignored() {
    let body = r#"{"id":"evt_1","object":"event","data":{"object":{"id":"pi_1","object":"payment_intent"}},"type":"payment_intent.succeeded"}"#;
    let header = sdk_header(body, WEBHOOK_SECRET, NOW, None);

    let notice = gateway("http://127.0.0.1:9")
        .verify_webhook(&header, body.as_bytes(), at(NOW))
        .unwrap();

    assert_eq!(notice, None);
}

#[test]
fn webhook_with_a_tampered_body_is_refused() {
    let body = completed_event("checkout.session.completed", SESSION_OPEN);
    let header = sdk_header(&body, WEBHOOK_SECRET, NOW, None);
    // The attacker turns the signed unpaid session into a paid one.
    let tampered = body.replace(
        r#""payment_status": "unpaid""#,
        r#""payment_status": "paid""#,
    );
    assert_ne!(tampered, body);

    let err = gateway("http://127.0.0.1:9")
        .verify_webhook(&header, tampered.as_bytes(), at(NOW))
        .unwrap_err();

    assert_eq!(err, WebhookError::BadSignature);
}

#[test]
fn webhook_signed_with_another_secret_is_refused() {
    let body = completed_event("checkout.session.completed", SESSION_PAID);
    let header = sdk_header(&body, "whsec_someone_elses_endpoint", NOW, None);

    let err = gateway("http://127.0.0.1:9")
        .verify_webhook(&header, body.as_bytes(), at(NOW))
        .unwrap_err();

    assert_eq!(err, WebhookError::BadSignature);
}

#[test]
fn webhook_signed_longer_ago_than_the_tolerance_is_refused_and_within_it_accepted() {
    let body = completed_event("checkout.session.completed", SESSION_PAID);
    let gateway = gateway("http://127.0.0.1:9");

    let old = sdk_header(&body, WEBHOOK_SECRET, NOW - TOLERANCE_SECONDS - 1, None);
    assert_eq!(
        gateway.verify_webhook(&old, body.as_bytes(), at(NOW)),
        Err(WebhookError::Stale)
    );
    // A signature far in the future is as suspect as an old one (a skewed or forged clock).
    let future = sdk_header(&body, WEBHOOK_SECRET, NOW + TOLERANCE_SECONDS + 1, None);
    assert_eq!(
        gateway.verify_webhook(&future, body.as_bytes(), at(NOW)),
        Err(WebhookError::Stale)
    );
    let recent = sdk_header(&body, WEBHOOK_SECRET, NOW - TOLERANCE_SECONDS + 1, None);
    assert!(
        gateway
            .verify_webhook(&recent, body.as_bytes(), at(NOW))
            .unwrap()
            .is_some()
    );
}

#[test]
fn webhook_with_a_malformed_signature_header_is_refused() {
    let body = completed_event("checkout.session.completed", SESSION_PAID);
    let gateway = gateway("http://127.0.0.1:9");
    let good = sdk_header(&body, WEBHOOK_SECRET, NOW, None);
    let (t, v1) = good.split_once(',').unwrap();
    // Only a `v0` signature (Stripe's test scheme), which the adapter does not accept.
    let v0_only = sdk_header(&body, WEBHOOK_SECRET, NOW, Some("v0"));

    for header in [
        String::new(),
        "garbage".to_owned(),
        t.to_owned(),
        v1.to_owned(),
        format!("t=yesterday,{v1}"),
        v0_only,
    ] {
        assert_eq!(
            gateway.verify_webhook(&header, body.as_bytes(), at(NOW)),
            Err(WebhookError::Malformed),
            "{header:?}"
        );
    }
    // A `v1` that is not hex cannot match.
    assert_eq!(
        gateway.verify_webhook(&format!("{t},v1=zz"), body.as_bytes(), at(NOW)),
        Err(WebhookError::BadSignature)
    );
}

//! Razorpay against a local server answering as Razorpay's API documents
//! (razorpay.com/docs/api/orders), and webhook signatures confirmed by Razorpay's own Python
//! SDK (`razorpay.Utility.verify_webhook_signature`), which only verifies: the test signs with
//! the plain HMAC helper and the SDK must agree before the adapter is asked.

use app::model::{Currency, Money};
use base64::Engine;
use chrono::{DateTime, Utc};

use super::RazorpayCheckout;
use crate::{
    adapters::{
        provider_http::hmac_sha256_hex,
        provider_mock::{MockProvider, RAZORPAY_INSTALL, checkout_request, run_sdk},
    },
    config::Secret,
    ports::payment_gateway::{
        GatewayError, Notice, PaymentGateway, Redirect, RemoteState, WebhookError,
    },
};

const KEY_ID: &str = "rzp_test_1DP5mmOlF5G5ag";
const KEY_SECRET: &str = "thisissupersecret";
const WEBHOOK_SECRET: &str = "rootline-webhook-secret";
const ORDER_ID: &str = "order_IluGWxBm9U8zJ8";

/// Razorpay's documented answer to `POST /v1/orders`.
const ORDER_CREATED: &str = r#"{
  "id": "order_IluGWxBm9U8zJ8",
  "entity": "order",
  "amount": 12500,
  "amount_paid": 0,
  "amount_due": 12500,
  "currency": "INR",
  "receipt": "rootline-42",
  "offer_id": null,
  "status": "created",
  "attempts": 0,
  "notes": {"payment_id": "42"},
  "created_at": 1642662092
}"#;

/// Razorpay's documented error body (HTTP 400).
const AMOUNT_TOO_SMALL: &str = r#"{
  "error": {
    "code": "BAD_REQUEST_ERROR",
    "description": "The amount must be at least INR 1.00",
    "source": "business",
    "step": "payment_initiation",
    "reason": "input_validation_failed",
    "metadata": {},
    "field": "amount"
  }
}"#;

const NO_SUCH_ORDER: &str = r#"{
  "error": {
    "code": "BAD_REQUEST_ERROR",
    "description": "The id provided does not exist",
    "source": "business",
    "step": "payment_initiation",
    "reason": "input_validation_failed",
    "metadata": {}
  }
}"#;

/// Razorpay's documented `GET /v1/orders/{id}/payments`, trimmed: a failed attempt, then a
/// captured one.
const PAYMENTS_FAILED_THEN_CAPTURED: &str = r#"{
  "entity": "collection",
  "count": 2,
  "items": [
    {
      "id": "pay_N8FUmetkCE2hZP",
      "entity": "payment",
      "amount": 12500,
      "currency": "INR",
      "status": "failed",
      "order_id": "order_IluGWxBm9U8zJ8",
      "method": "upi",
      "captured": false,
      "error_code": "BAD_REQUEST_ERROR",
      "error_reason": "payment_failed",
      "created_at": 1701688684
    },
    {
      "id": "pay_N8FVRD1DzYzBh1",
      "entity": "payment",
      "amount": 12500,
      "currency": "INR",
      "status": "captured",
      "order_id": "order_IluGWxBm9U8zJ8",
      "method": "upi",
      "captured": true,
      "error_code": null,
      "created_at": 1701688729
    }
  ]
}"#;

const PAYMENTS_FAILED_ONLY: &str = r#"{
  "entity": "collection",
  "count": 1,
  "items": [
    {
      "id": "pay_N8FUmetkCE2hZP",
      "entity": "payment",
      "amount": 12500,
      "currency": "INR",
      "status": "failed",
      "order_id": "order_IluGWxBm9U8zJ8",
      "captured": false,
      "created_at": 1701688684
    }
  ]
}"#;

const PAYMENTS_NONE: &str = r#"{"entity": "collection", "count": 0, "items": []}"#;

/// Razorpay's documented `payment.captured` webhook body, trimmed.
const PAYMENT_CAPTURED: &str = r#"{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"payment.captured","contains":["payment"],"payload":{"payment":{"entity":{"id":"pay_DESlfW9H8K9uqM","entity":"payment","amount":12500,"currency":"INR","status":"captured","order_id":"order_IluGWxBm9U8zJ8","invoice_id":null,"international":false,"method":"netbanking","amount_refunded":0,"refund_status":null,"captured":true,"bank":"HDFC","email":"gaurav.kumar@example.com","contact":"+919876543210","notes":[],"fee":2,"tax":0,"error_code":null,"created_at":1567674599}}},"created_at":1567674606}"#;

const PAYMENT_FAILED: &str = r#"{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"payment.failed","contains":["payment"],"payload":{"payment":{"entity":{"id":"pay_DESlfW9H8K9uqM","entity":"payment","amount":12500,"currency":"INR","status":"failed","order_id":"order_IluGWxBm9U8zJ8","captured":false,"error_code":"BAD_REQUEST_ERROR","created_at":1567674599}}},"created_at":1567674606}"#;

fn gateway(base: &str) -> RazorpayCheckout {
    RazorpayCheckout::new(
        base,
        KEY_ID.into(),
        Secret(KEY_SECRET.into()),
        Secret(WEBHOOK_SECRET.into()),
    )
    .unwrap()
}

fn inr(minor: i64) -> Money {
    Money::new(minor, Currency::Inr)
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_765_000_000, 0).unwrap()
}

/// Whether Razorpay's Python SDK accepts `signature` for `body` under `secret`.
fn sdk_accepts_webhook(body: &str, signature: &str, secret: &str) -> bool {
    const SCRIPT: &str = r#"
import os, sys
import razorpay
from razorpay.errors import SignatureVerificationError
body = sys.stdin.read()
try:
    razorpay.Utility().verify_webhook_signature(body, os.environ['SIGNATURE'], os.environ['SECRET'])
    print('accepted')
except SignatureVerificationError:
    print('refused')
"#;
    let (ok, out) = run_sdk(
        "python3",
        &["-c", SCRIPT],
        &[("SIGNATURE", signature), ("SECRET", secret)],
        body.as_bytes(),
        RAZORPAY_INSTALL,
    );
    assert!(ok, "the Razorpay SDK failed: {out}");
    match out.as_str() {
        "accepted" => true,
        "refused" => false,
        other => panic!("unexpected answer from the Razorpay SDK: {other}"),
    }
}

/// A webhook signature the SDK has confirmed.
fn signed(body: &str) -> String {
    let signature = hmac_sha256_hex(WEBHOOK_SECRET.as_bytes(), body.as_bytes());
    assert!(
        sdk_accepts_webhook(body, &signature, WEBHOOK_SECRET),
        "the Razorpay SDK refused the test's own signature"
    );
    signature
}

#[tokio::test]
async fn start_posts_a_json_order_with_basic_auth_and_returns_the_hosted_checkout_form() {
    let mock = MockProvider::answering(200, ORDER_CREATED).await;

    let checkout = gateway(&mock.base)
        .start(&checkout_request(inr(12500)))
        .await
        .unwrap();

    let sent = mock.only_request();
    assert_eq!(sent.method, "POST");
    assert_eq!(sent.path, "/v1/orders");
    let basic = sent
        .header("authorization")
        .and_then(|v| v.strip_prefix("Basic "))
        .unwrap_or_else(|| panic!("no basic auth: {:?}", sent.header("authorization")));
    let pair = base64::engine::general_purpose::STANDARD
        .decode(basic)
        .unwrap();
    assert_eq!(pair, format!("{KEY_ID}:{KEY_SECRET}").as_bytes());
    assert_eq!(sent.header("content-type"), Some("application/json"));
    // Amounts in the smallest unit (paise), the ISO code in upper case.
    assert_eq!(
        sent.json(),
        serde_json::json!({
            "amount": 12500,
            "currency": "INR",
            "receipt": "rootline-42",
            "notes": { "payment_id": "42" },
        })
    );

    assert_eq!(checkout.provider_payment_id, ORDER_ID);
    let Redirect::Form { action, fields } = checkout.redirect else {
        panic!(
            "Razorpay's hosted checkout is a posted form: {:?}",
            checkout.redirect
        );
    };
    assert_eq!(action, format!("{}/v1/checkout/embedded", mock.base));
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no {name} in {fields:?}"))
    };
    assert_eq!(field("key_id"), KEY_ID);
    assert_eq!(field("order_id"), ORDER_ID);
    assert_eq!(field("amount"), "12500");
    assert_eq!(field("currency"), "INR");
    assert_eq!(field("prefill[email]"), "billing@acme.example");
    assert_eq!(
        field("callback_url"),
        "https://portal.example/billing/payments/return?payment=42"
    );
    assert_eq!(
        field("cancel_url"),
        "https://portal.example/billing/add-credits?payment=42"
    );
    // The key secret is never handed to the browser.
    assert!(fields.iter().all(|(_, v)| !v.contains(KEY_SECRET)));
}

#[tokio::test]
async fn start_turns_a_provider_error_into_an_error_not_a_checkout() {
    let mock = MockProvider::answering(400, AMOUNT_TOO_SMALL).await;

    let err = gateway(&mock.base)
        .start(&checkout_request(inr(50)))
        .await
        .unwrap_err();

    assert!(
        matches!(&err, GatewayError::Provider(m) if m.contains("400") && m.contains("at least INR 1.00")),
        "{err:?}"
    );
}

#[tokio::test]
async fn state_reads_an_order_with_a_captured_payment_as_paid_with_its_amount_and_currency() {
    let mock = MockProvider::answering(200, PAYMENTS_FAILED_THEN_CAPTURED).await;

    let state = gateway(&mock.base).state(ORDER_ID).await.unwrap();

    assert_eq!(state, RemoteState::Paid(inr(12500)));
    let sent = mock.only_request();
    assert_eq!(sent.method, "GET");
    assert_eq!(sent.path, format!("/v1/orders/{ORDER_ID}/payments"));
    assert!(
        sent.header("authorization")
            .is_some_and(|v| v.starts_with("Basic "))
    );
}

#[tokio::test]
async fn state_reads_an_order_whose_only_attempt_failed_as_still_open() {
    let mock = MockProvider::answering(200, PAYMENTS_FAILED_ONLY).await;

    let state = gateway(&mock.base).state(ORDER_ID).await.unwrap();

    assert_eq!(state, RemoteState::Open);
}

#[tokio::test]
async fn state_reads_an_order_without_payments_as_open() {
    let mock = MockProvider::answering(200, PAYMENTS_NONE).await;

    let state = gateway(&mock.base).state(ORDER_ID).await.unwrap();

    assert_eq!(state, RemoteState::Open);
}

#[tokio::test]
async fn state_turns_a_provider_error_into_an_error_not_a_credit() {
    let mock = MockProvider::answering(400, NO_SUCH_ORDER).await;

    let err = gateway(&mock.base).state(ORDER_ID).await.unwrap_err();

    assert!(
        matches!(&err, GatewayError::Provider(m) if m.contains("400") && m.contains("does not exist")),
        "{err:?}"
    );
}

#[tokio::test]
async fn state_refuses_an_id_that_would_change_the_path_without_asking_razorpay() {
    let mock = MockProvider::answering(200, PAYMENTS_FAILED_THEN_CAPTURED).await;

    let err = gateway(&mock.base)
        .state("order_1/../../v1/payments")
        .await
        .unwrap_err();

    assert!(matches!(err, GatewayError::Answer(_)), "{err:?}");
    assert!(mock.received().is_empty());
}

#[test]
fn webhook_whose_signature_the_razorpay_sdk_accepts_is_accepted_and_read_as_paid() {
    let signature = signed(PAYMENT_CAPTURED);

    let notice = gateway("http://127.0.0.1:9")
        .verify_webhook(&signature, PAYMENT_CAPTURED.as_bytes(), now())
        .unwrap();

    assert_eq!(
        notice,
        Some(Notice {
            provider_payment_id: ORDER_ID.into(),
            state: RemoteState::Paid(inr(12500)),
        })
    );
}

#[test]
fn webhook_about_a_failed_payment_is_genuine_but_changes_nothing() {
    let signature = signed(PAYMENT_FAILED);

    let notice = gateway("http://127.0.0.1:9")
        .verify_webhook(&signature, PAYMENT_FAILED.as_bytes(), now())
        .unwrap();

    assert_eq!(notice, None);
}

#[test]
fn webhook_with_a_tampered_body_is_refused_as_the_sdk_refuses_it() {
    let signature = signed(PAYMENT_CAPTURED);
    // The attacker raises the amount of a genuine notice.
    let tampered = PAYMENT_CAPTURED.replace(r#""amount":12500"#, r#""amount":9912500"#);
    assert_ne!(tampered, PAYMENT_CAPTURED);
    assert!(!sdk_accepts_webhook(&tampered, &signature, WEBHOOK_SECRET));

    let err = gateway("http://127.0.0.1:9")
        .verify_webhook(&signature, tampered.as_bytes(), now())
        .unwrap_err();

    assert_eq!(err, WebhookError::BadSignature);
}

#[test]
fn webhook_signed_with_another_secret_is_refused_as_the_sdk_refuses_it() {
    let other = "someone-elses-webhook-secret";
    let signature = hmac_sha256_hex(other.as_bytes(), PAYMENT_CAPTURED.as_bytes());
    assert!(sdk_accepts_webhook(PAYMENT_CAPTURED, &signature, other));
    assert!(!sdk_accepts_webhook(
        PAYMENT_CAPTURED,
        &signature,
        WEBHOOK_SECRET
    ));

    let err = gateway("http://127.0.0.1:9")
        .verify_webhook(&signature, PAYMENT_CAPTURED.as_bytes(), now())
        .unwrap_err();

    assert_eq!(err, WebhookError::BadSignature);
}

#[test]
fn webhook_with_a_malformed_signature_header_is_refused() {
    let good = signed(PAYMENT_CAPTURED);
    let gateway = gateway("http://127.0.0.1:9");

    assert_eq!(
        gateway.verify_webhook("", PAYMENT_CAPTURED.as_bytes(), now()),
        Err(WebhookError::Malformed)
    );
    assert_eq!(
        gateway.verify_webhook("   ", PAYMENT_CAPTURED.as_bytes(), now()),
        Err(WebhookError::Malformed)
    );
    for header in [
        "not-hex-at-all".to_owned(),
        good[..good.len() - 2].to_owned(),
        format!("sha256={good}"),
    ] {
        assert!(!sdk_accepts_webhook(
            PAYMENT_CAPTURED,
            &header,
            WEBHOOK_SECRET
        ));
        assert_eq!(
            gateway.verify_webhook(&header, PAYMENT_CAPTURED.as_bytes(), now()),
            Err(WebhookError::BadSignature),
            "{header:?}"
        );
    }
}

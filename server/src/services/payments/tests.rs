//! Money in and out, through the service, on SQLite and (with `ROOTLINE_TEST_DATABASE=postgres`)
//! PostgreSQL. The provider is a fake gateway whose answers the test sets; the real adapters
//! are tested against a local HTTP server in `adapters/{stripe,razorpay}/tests.rs`.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use app::model::{
    Currency, Money,
    payments::{
        BankDetailsForm, Decision, OfflinePaymentForm, OnlinePaymentForm, PaymentProvider,
        PaymentStatus, WithdrawalForm,
    },
};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::*;
use crate::{
    domain::ledger::Holder,
    ports::payment_gateway::{Checkout, CheckoutRequest, Notice, Redirect, RemoteState},
    services::identity::{
        Caller,
        test_support::{Harness, harness},
    },
    store::ledger as store_ledger,
};

const GOOD: &str = "good-signature";

/// A provider whose payments' states the test sets; its webhook body is the provider's id and
/// `paid` or `failed`, and only [`GOOD`] signs it.
#[derive(Default)]
struct FakeGateway {
    states: Mutex<HashMap<String, RemoteState>>,
    started: Mutex<u32>,
}

#[async_trait]
impl PaymentGateway for FakeGateway {
    fn provider(&self) -> PaymentProvider {
        PaymentProvider::Stripe
    }
    fn currency(&self) -> Currency {
        Currency::Usd
    }
    async fn start(&self, request: &CheckoutRequest) -> Result<Checkout, GatewayError> {
        *self.started.lock().unwrap() += 1;
        Ok(Checkout {
            provider_payment_id: format!("cs_{}", request.payment_id),
            redirect: Redirect::Link(format!("https://pay.test/{}", request.payment_id)),
        })
    }
    fn resume(&self, _: &str, url: Option<&str>, _: &CheckoutRequest) -> Option<Redirect> {
        url.map(|u| Redirect::Link(u.to_owned()))
    }
    async fn state(&self, id: &str) -> Result<RemoteState, GatewayError> {
        Ok(self
            .states
            .lock()
            .unwrap()
            .get(id)
            .copied()
            .unwrap_or(RemoteState::Open))
    }
    fn verify_webhook(
        &self,
        signature: &str,
        body: &[u8],
        _: DateTime<Utc>,
    ) -> Result<Option<Notice>, WebhookError> {
        if signature != GOOD {
            return Err(WebhookError::BadSignature);
        }
        let text = String::from_utf8_lossy(body);
        let (id, what) = text.split_once(' ').ok_or(WebhookError::Malformed)?;
        let state = match what {
            "paid" => self
                .states
                .lock()
                .unwrap()
                .get(id)
                .copied()
                .unwrap_or(RemoteState::Open),
            _ => RemoteState::Failed,
        };
        Ok(Some(Notice {
            provider_payment_id: id.to_owned(),
            state,
        }))
    }
}

struct World {
    h: Harness,
    gateway: Arc<FakeGateway>,
    payments: PaymentService,
    customer: Caller,
    /// The customer's session, to read the caller again after a change.
    session: String,
    other: Caller,
    operator: Caller,
}

async fn caller(h: &Harness, token: &str) -> Caller {
    h.service.caller(token).await.unwrap().unwrap()
}

async fn world() -> World {
    let h = harness().await;
    let session = h.signed_in("asha@example.com").await;
    let customer = caller(&h, &session).await;
    let other = caller(&h, &h.signed_in("other@example.org").await).await;
    let operator = caller(&h, &h.signed_in_operator().await).await;
    let gateway = Arc::new(FakeGateway::default());
    let payments = PaymentService::new(
        h.store.clone(),
        h.clock.clone(),
        Arc::new(crate::adapters::random::OsRandom),
        vec![gateway.clone()],
        MailWaker::default(),
        "http://portal.test".into(),
    );
    World {
        h,
        gateway,
        payments,
        customer,
        session,
        other,
        operator,
    }
}

fn token(n: u8) -> String {
    format!("{n:032x}")
}

async fn balance(w: &World, holder: Holder) -> i64 {
    store_ledger::balance(&w.h.store, w.customer.account.id, holder)
        .await
        .unwrap()
}

async fn mails_to(w: &World, to: &str) -> Vec<String> {
    crate::store::mail_outbox::due_for_all_accounts(&w.h.store, w.h.clock.now(), 1000)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.to_address == to)
        .map(|m| m.subject)
        .collect()
}

fn field(e: &PaymentError) -> Option<&'static str> {
    match e {
        PaymentError::Invalid(errors) => [
            "amount",
            "paid_on",
            "reference",
            "iban",
            "bic",
            "ifsc",
            "reason",
        ]
        .into_iter()
        .find(|f| errors.get(f).is_some()),
        _ => None,
    }
}

fn online(amount: &str, n: u8) -> OnlinePaymentForm {
    OnlinePaymentForm {
        amount: amount.into(),
        currency: String::new(),
        form_token: token(n),
    }
}

#[tokio::test]
async fn an_online_payment_is_credited_exactly_once_by_webhook_recheck_and_replay() {
    let w = world().await;
    let (id, url) = w
        .payments
        .start_online_payment(&w.customer, &online("25", 1), None)
        .await
        .unwrap();
    assert_eq!(url, format!("https://pay.test/{}", id.0));
    // A retried post of the same form continues the same payment: the provider starts one.
    let (again, _) = w
        .payments
        .start_online_payment(&w.customer, &online("25", 1), None)
        .await
        .unwrap();
    assert_eq!(again, id);
    assert_eq!(*w.gateway.started.lock().unwrap(), 1);
    let provider_id = format!("cs_{}", id.0);
    // Not paid yet: a recheck changes nothing.
    assert_eq!(
        w.payments.recheck_payment(&w.customer, id).await.unwrap(),
        PaymentStatus::Pending
    );
    w.gateway.states.lock().unwrap().insert(
        provider_id.clone(),
        RemoteState::Paid(Money::new(2_500, Currency::Usd)),
    );
    let body = format!("{provider_id} paid");
    let first = w
        .payments
        .handle_webhook(PaymentProvider::Stripe, GOOD, body.as_bytes())
        .await
        .unwrap();
    assert_eq!(first, WebhookOutcome::Applied(PaymentStatus::Credited));
    // The replayed webhook and a recheck change nothing.
    w.payments
        .handle_webhook(PaymentProvider::Stripe, GOOD, body.as_bytes())
        .await
        .unwrap();
    assert_eq!(
        w.payments.recheck_payment(&w.customer, id).await.unwrap(),
        PaymentStatus::Credited
    );
    assert_eq!(balance(&w, Holder::Account).await, 2_500);
    assert_eq!(
        mails_to(&w, "asha@example.com")
            .await
            .iter()
            .filter(|s| s.contains("credited"))
            .count(),
        1
    );
}

#[tokio::test]
async fn a_recheck_credits_what_the_webhook_missed() {
    let w = world().await;
    let (id, _) = w
        .payments
        .start_online_payment(&w.customer, &online("10.50", 2), None)
        .await
        .unwrap();
    w.gateway.states.lock().unwrap().insert(
        format!("cs_{}", id.0),
        RemoteState::Paid(Money::new(1_050, Currency::Usd)),
    );
    assert_eq!(
        w.payments.recheck_payment(&w.customer, id).await.unwrap(),
        PaymentStatus::Credited
    );
    assert_eq!(
        w.payments.recheck_payment(&w.customer, id).await.unwrap(),
        PaymentStatus::Credited
    );
    assert_eq!(balance(&w, Holder::Account).await, 1_050);
}

#[tokio::test]
async fn a_webhook_with_a_bad_signature_is_refused_and_changes_nothing() {
    let w = world().await;
    let (id, _) = w
        .payments
        .start_online_payment(&w.customer, &online("25", 3), None)
        .await
        .unwrap();
    let provider_id = format!("cs_{}", id.0);
    w.gateway.states.lock().unwrap().insert(
        provider_id.clone(),
        RemoteState::Paid(Money::new(2_500, Currency::Usd)),
    );
    let e = w
        .payments
        .handle_webhook(
            PaymentProvider::Stripe,
            "forged",
            format!("{provider_id} paid").as_bytes(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(e, PaymentError::Webhook(WebhookError::BadSignature)),
        "{e:?}"
    );
    assert_eq!(balance(&w, Holder::Account).await, 0);
}

#[tokio::test]
async fn zero_negative_non_numeric_or_foreign_currency_amounts_are_refused() {
    let w = world().await;
    for (n, amount) in [(10u8, "0"), (11, "-5"), (12, "ten"), (13, "")] {
        let e = w
            .payments
            .start_online_payment(&w.customer, &online(amount, n), None)
            .await
            .unwrap_err();
        assert_eq!(field(&e), Some("amount"), "{amount}: {e:?}");
    }
    let mut inr = online("10", 14);
    inr.currency = "INR".into();
    let e = w
        .payments
        .start_online_payment(&w.customer, &inr, None)
        .await
        .unwrap_err();
    assert_eq!(field(&e), Some("amount"));
    assert_eq!(*w.gateway.started.lock().unwrap(), 0);
    assert!(
        w.payments
            .add_credits_page(&w.customer, None)
            .await
            .unwrap()
            .payments
            .is_empty()
    );
}

fn transfer(amount: &str, n: u8) -> OfflinePaymentForm {
    OfflinePaymentForm {
        amount: amount.into(),
        currency: String::new(),
        paid_on: "2020-01-02".into(),
        reference: format!("UTR-{n}"),
        form_token: token(n),
    }
}

#[tokio::test]
async fn the_operator_approves_or_rejects_bank_transfers_and_the_customer_is_mailed() {
    let w = world().await;
    let approved = w
        .payments
        .record_offline_payment(
            &w.customer,
            &transfer("100", 20),
            ProofUpload::default(),
            None,
        )
        .await
        .unwrap();
    let rejected = w
        .payments
        .record_offline_payment(
            &w.customer,
            &transfer("40", 21),
            ProofUpload::default(),
            None,
        )
        .await
        .unwrap();
    assert_eq!(
        balance(&w, Holder::Account).await,
        0,
        "nothing before approval"
    );
    let queue = w.payments.payments_queue(&w.operator).await.unwrap();
    assert_eq!(queue.payments.len(), 2);
    w.payments
        .decide_payment(&w.operator, approved, Decision::Approve, "", None)
        .await
        .unwrap();
    // A rejection needs a reason.
    let e = w
        .payments
        .decide_payment(&w.operator, rejected, Decision::Reject, " ", None)
        .await
        .unwrap_err();
    assert_eq!(field(&e), Some("reason"));
    w.payments
        .decide_payment(
            &w.operator,
            rejected,
            Decision::Reject,
            "No such transfer arrived.",
            None,
        )
        .await
        .unwrap();
    // Decided once: a second approval is refused and credits nothing.
    assert!(matches!(
        w.payments
            .decide_payment(&w.operator, approved, Decision::Approve, "", None)
            .await,
        Err(PaymentError::Refused(_))
    ));
    assert_eq!(balance(&w, Holder::Account).await, 10_000);
    let mails = mails_to(&w, "asha@example.com").await;
    assert!(mails.iter().any(|s| s.contains("credited")), "{mails:?}");
    assert!(
        mails.iter().any(|s| s.contains("not credited")),
        "{mails:?}"
    );
    assert!(
        w.payments
            .payments_queue(&w.operator)
            .await
            .unwrap()
            .payments
            .is_empty()
    );
}

fn iban_details(iban: &str) -> BankDetailsForm {
    BankDetailsForm {
        holder_name: "Asha Rao".into(),
        bank_name: "Deutsche Bank".into(),
        iban: iban.into(),
        bic: "DEUTDEFF".into(),
        ..Default::default()
    }
}

fn withdrawal(amount: &str, n: u8) -> WithdrawalForm {
    WithdrawalForm {
        amount: amount.into(),
        form_token: token(n),
    }
}

async fn funded(w: &World, amount: &str) {
    let id = w
        .payments
        .record_offline_payment(
            &w.customer,
            &transfer(amount, 99),
            ProofUpload::default(),
            None,
        )
        .await
        .unwrap();
    w.payments
        .decide_payment(&w.operator, id, Decision::Approve, "", None)
        .await
        .unwrap();
}

#[tokio::test]
async fn withdrawals_are_refused_without_bank_details_beyond_the_balance_or_for_nothing() {
    let w = world().await;
    funded(&w, "50").await;
    assert!(matches!(
        w.payments
            .request_withdrawal(&w.customer, &withdrawal("10", 30), None)
            .await,
        Err(PaymentError::Refused(_))
    ));
    // A bad IBAN (checksum) is refused on its field and nothing is kept.
    let e = w
        .payments
        .save_bank_details(&w.customer, &iban_details("DE44500105175407324932"), None)
        .await
        .unwrap_err();
    assert_eq!(field(&e), Some("iban"));
    assert!(
        w.payments
            .withdraw_page(&w.customer)
            .await
            .unwrap()
            .bank
            .is_none()
    );
    w.payments
        .save_bank_details(
            &w.customer,
            &iban_details("DE44 5001 0517 5407 3249 31"),
            None,
        )
        .await
        .unwrap();
    for (n, amount) in [(31u8, "50.01"), (32, "0"), (33, "-1"), (34, "x")] {
        let e = w
            .payments
            .request_withdrawal(&w.customer, &withdrawal(amount, n), None)
            .await
            .unwrap_err();
        assert_eq!(field(&e), Some("amount"), "{amount}: {e:?}");
    }
    assert_eq!(balance(&w, Holder::Account).await, 5_000);
    assert_eq!(balance(&w, Holder::Withdrawal).await, 0);
    assert!(
        w.payments
            .withdraw_page(&w.customer)
            .await
            .unwrap()
            .withdrawals
            .is_empty()
    );
}

#[tokio::test]
async fn an_indian_account_needs_a_valid_ifsc() {
    let w = world().await;
    w.h.store
        .execute_raw(&format!(
            "UPDATE accounts SET currency = 'INR' WHERE id = {}",
            w.customer.account.id
        ))
        .await
        .unwrap();
    let customer = caller(&w.h, &w.session).await;
    let form = BankDetailsForm {
        holder_name: "Asha Rao".into(),
        bank_name: "SBI".into(),
        account_number: "12345678901".into(),
        ifsc: "SBIN1001234".into(),
        ..Default::default()
    };
    let e = w
        .payments
        .save_bank_details(&customer, &form, None)
        .await
        .unwrap_err();
    assert_eq!(field(&e), Some("ifsc"));
    let good = BankDetailsForm {
        ifsc: "SBIN0001234".into(),
        ..form
    };
    w.payments
        .save_bank_details(&customer, &good, None)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_withdrawal_is_held_at_once_then_paid_out_or_released() {
    let w = world().await;
    funded(&w, "100").await;
    w.payments
        .save_bank_details(&w.customer, &iban_details("DE44500105175407324931"), None)
        .await
        .unwrap();
    let paid = w
        .payments
        .request_withdrawal(&w.customer, &withdrawal("30", 40), None)
        .await
        .unwrap();
    // The same form again holds nothing more.
    let again = w
        .payments
        .request_withdrawal(&w.customer, &withdrawal("30", 40), None)
        .await
        .unwrap();
    assert_eq!(again, paid);
    let released = w
        .payments
        .request_withdrawal(&w.customer, &withdrawal("20", 41), None)
        .await
        .unwrap();
    assert_eq!(balance(&w, Holder::Account).await, 5_000);
    assert_eq!(balance(&w, Holder::Withdrawal).await, 5_000);
    w.payments
        .decide_withdrawal(&w.operator, paid, Decision::Approve, "", None)
        .await
        .unwrap();
    w.payments
        .decide_withdrawal(
            &w.operator,
            released,
            Decision::Reject,
            "Account closed.",
            None,
        )
        .await
        .unwrap();
    assert_eq!(balance(&w, Holder::Account).await, 7_000);
    assert_eq!(balance(&w, Holder::Withdrawal).await, 0);
    let mails = mails_to(&w, "asha@example.com").await;
    assert!(mails.iter().any(|s| s.contains("paid out")), "{mails:?}");
    assert!(mails.iter().any(|s| s.contains("rejected")), "{mails:?}");
    assert!(matches!(
        w.payments
            .decide_withdrawal(&w.operator, paid, Decision::Reject, "late", None)
            .await,
        Err(PaymentError::Refused(_))
    ));
}

#[tokio::test]
async fn another_accounts_payment_is_not_found_and_customers_cannot_open_the_queue() {
    let w = world().await;
    let (id, _) = w
        .payments
        .start_online_payment(&w.customer, &online("5", 50), None)
        .await
        .unwrap();
    assert!(matches!(
        w.payments.recheck_payment(&w.other, id).await,
        Err(PaymentError::NotFound)
    ));
    assert!(
        w.payments
            .add_credits_page(&w.other, Some(id))
            .await
            .unwrap()
            .shown
            .is_none()
    );
    assert!(matches!(
        w.payments.payments_queue(&w.customer).await,
        Err(PaymentError::OperatorOnly)
    ));
    assert!(matches!(
        w.payments
            .decide_payment(&w.customer, id, Decision::Approve, "", None)
            .await,
        Err(PaymentError::OperatorOnly)
    ));
}

//! The wizard's one-use form token and its steps without JavaScript, on a real store, CA and
//! ledger: a token places one order however often it is posted, each post leads to the next
//! page, and a refusal comes back to the form with its reason and charges nothing.

use app::model::{
    order_form_post::{FormToken, WizardGo, WizardPost},
    orders::{OrderForm, OrdersQuery, WizardStep},
};

use super::OrderError;
use super::test_support::{World, csr_for, world};
use crate::services::identity::Caller;

async fn order_count(w: &World, who: &Caller) -> u64 {
    w.orders
        .orders_page(who, &OrdersQuery::default())
        .await
        .unwrap()
        .total
}

async fn balance(w: &World) -> i64 {
    let group = crate::store::groups::for_account(&w.h.store, w.admin.account.id)
        .await
        .unwrap()
        .remove(0);
    crate::services::billing::payer_balance(&w.h.store, w.admin.account.id, group.id)
        .await
        .unwrap()
        .balance_minor
}

async fn new_token(w: &World, who: &Caller) -> FormToken {
    w.orders.wizard(who, None).await.unwrap().form_token
}

fn post(token: &FormToken, step: WizardStep, go: WizardGo, form: &OrderForm) -> WizardPost {
    WizardPost {
        token: token.clone(),
        step,
        go,
        form: form.clone(),
    }
}

#[tokio::test]
async fn a_form_token_places_one_order_however_often_it_is_posted() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let (csr, _dir) = csr_for("shop.example.com");
    let command = w
        .form(&w.admin, "shop.example.com", Some(csr))
        .await
        .to_command();
    let token = new_token(&w, &w.admin).await;
    let (first, second) = tokio::join!(
        w.orders.place_once(&w.admin, &command, &token),
        w.orders.place_once(&w.admin, &command, &token),
    );
    let (first, second) = (first.unwrap(), second.unwrap());
    assert_eq!(first.id, second.id, "two posts at once: one order");
    let again = w
        .orders
        .place_once(&w.admin, &command, &token)
        .await
        .unwrap();
    assert_eq!(again.id, first.id, "a later retry finds the order");
    assert_eq!(order_count(&w, &w.admin).await, 1);
    let before = balance(&w).await;
    // A second token is a second order (a new page), charged once more.
    let other = new_token(&w, &w.admin).await;
    assert_ne!(other, token);
    let next = w
        .orders
        .place_once(&w.admin, &command, &other)
        .await
        .unwrap();
    assert_ne!(next.id, first.id);
    assert!(balance(&w).await < before, "the second order was charged");
    assert_eq!(order_count(&w, &w.admin).await, 2);
}

#[tokio::test]
async fn without_javascript_each_step_is_kept_and_the_last_places_the_order_once() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let (csr, _dir) = csr_for("shop.example.com");
    let mut form = w.form(&w.admin, "shop.example.com", None).await;
    form.csr_source = "paste".into();
    let data = w.orders.wizard(&w.admin, None).await.unwrap();
    assert!(data.saved.is_none() && data.placed_order.is_none());
    let token = data.form_token;
    let back_here = format!("/orders/new?form={token}");

    // The CSR step without a CSR stays where it is, with the error kept for the next page.
    let to = w
        .orders
        .wizard_step(
            &w.admin,
            post(&token, WizardStep::Csr, WizardGo::Next, &form),
        )
        .await
        .unwrap();
    assert_eq!(to, back_here);
    let kept = w.orders.wizard(&w.admin, Some(&token)).await.unwrap();
    assert_eq!(kept.form_token, token);
    let saved = kept.saved.expect("the form is kept");
    assert_eq!(WizardStep::ALL[saved.step], WizardStep::Csr);
    assert!(saved.errors.get("csr_pem").is_some(), "{:?}", saved.errors);

    form.csr_pem = csr;
    w.orders
        .wizard_step(
            &w.admin,
            post(&token, WizardStep::Csr, WizardGo::Next, &form),
        )
        .await
        .unwrap();
    let saved = w
        .orders
        .wizard(&w.admin, Some(&token))
        .await
        .unwrap()
        .saved
        .unwrap();
    assert_eq!(WizardStep::ALL[saved.step], WizardStep::Details);
    assert!(saved.errors.is_empty());
    assert_eq!(saved.form.csr_pem, form.csr_pem, "what was posted is kept");

    let pay = post(
        &token,
        WizardStep::Summary,
        WizardGo::Place { draft: false },
        &form,
    );
    let to = w.orders.wizard_step(&w.admin, pay.clone()).await.unwrap();
    let id = to
        .strip_prefix("/orders/")
        .and_then(|rest| rest.strip_suffix("?done=placed"))
        .and_then(|id| id.parse::<i32>().ok())
        .unwrap_or_else(|| panic!("to the order: {to}"));
    // Posted again (Back, then Pay Now once more): the same order, nothing new.
    assert_eq!(w.orders.wizard_step(&w.admin, pay).await.unwrap(), to);
    assert_eq!(order_count(&w, &w.admin).await, 1);
    let reopened = w.orders.wizard(&w.admin, Some(&token)).await.unwrap();
    assert_eq!(reopened.placed_order, Some(id));
}

#[tokio::test]
async fn a_refused_order_comes_back_to_the_form_with_its_reason_and_charges_nothing() {
    let w = world().await;
    let (csr, _dir) = csr_for("shop.example.com");
    let form = w.form(&w.admin, "shop.example.com", Some(csr)).await;
    let token = new_token(&w, &w.admin).await;
    let to = w
        .orders
        .wizard_step(
            &w.admin,
            post(
                &token,
                WizardStep::Summary,
                WizardGo::Place { draft: false },
                &form,
            ),
        )
        .await
        .unwrap();
    assert_eq!(to, format!("/orders/new?form={token}"));
    let saved = w
        .orders
        .wizard(&w.admin, Some(&token))
        .await
        .unwrap()
        .saved
        .unwrap();
    let reason = saved.error.expect("the refusal is kept");
    assert!(reason.to_string().contains("balance"), "{reason}");
    assert_eq!(WizardStep::ALL[saved.step], WizardStep::Summary);
    assert_eq!(order_count(&w, &w.admin).await, 0);
}

#[tokio::test]
async fn another_users_form_token_is_not_found() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let stranger =
        crate::services::catalog::test_support::administrator(&w.h, "ravi@other.example").await;
    let form = w.form(&w.admin, "shop.example.com", None).await;
    let token = new_token(&w, &w.admin).await;
    w.orders
        .wizard_step(
            &w.admin,
            post(&token, WizardStep::Product, WizardGo::Next, &form),
        )
        .await
        .unwrap();
    let theirs = w
        .orders
        .wizard_step(
            &stranger,
            post(&token, WizardStep::Product, WizardGo::Next, &form),
        )
        .await;
    assert!(matches!(theirs, Err(OrderError::NotFound)), "{theirs:?}");
    let placed = w
        .orders
        .place_once(&stranger, &form.to_command(), &token)
        .await;
    assert!(matches!(placed, Err(OrderError::NotFound)), "{placed:?}");
    // Their wizard with the token starts a form of their own instead.
    let data = w.orders.wizard(&stranger, Some(&token)).await.unwrap();
    assert_ne!(data.form_token, token);
    assert!(data.saved.is_none());
}

#[tokio::test]
async fn a_form_left_half_way_is_forgotten_after_a_week_and_a_placed_one_is_kept() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let form = w.form(&w.admin, "shop.example.com", None).await;
    let (left, placed) = (new_token(&w, &w.admin).await, new_token(&w, &w.admin).await);
    w.orders
        .wizard_step(
            &w.admin,
            post(&left, WizardStep::Product, WizardGo::Next, &form),
        )
        .await
        .unwrap();
    let order = w
        .orders
        .place_once(&w.admin, &form.to_command(), &placed)
        .await
        .unwrap();
    let week = chrono::Duration::days(super::wizard_form::ABANDONED_AFTER_DAYS);
    w.h.clock.advance(week - chrono::Duration::hours(1));
    assert_eq!(
        w.orders.forget_abandoned_forms().await.unwrap(),
        0,
        "an hour early"
    );
    w.h.clock.advance(chrono::Duration::hours(2));
    assert_eq!(w.orders.forget_abandoned_forms().await.unwrap(), 1);
    let gone = w.orders.wizard(&w.admin, Some(&left)).await.unwrap();
    assert!(gone.saved.is_none() && gone.form_token != left);
    let kept = w.orders.wizard(&w.admin, Some(&placed)).await.unwrap();
    assert_eq!(kept.placed_order, Some(order.id));
}

//! Whoever must act on an order hears of it at once: approvers get a mail when an order waits
//! for them, and the mail sender is woken when an order's transaction commits.

use std::time::Duration;

use app::model::order_status::OrderStatus;

use super::test_support::{World, world};
use crate::{
    ports::Clock,
    services::{catalog::test_support::caller, identity::Caller},
    store::memberships,
};

/// Ravi joins the administrator's account as a Standard User, whose orders need approval.
async fn standard_user(w: &World) -> Caller {
    let token = w.h.signed_in("ravi@acme.example").await;
    let ravi = caller(&w.h, &token).await;
    memberships::insert(
        &w.h.store,
        ravi.user.id,
        w.admin.account.id,
        app::model::roles::AssignedRole::BuiltIn(app::model::Role::StandardUser),
        app::model::users::GroupAccess::All,
        w.h.clock.now(),
    )
    .await
    .unwrap();
    w.h.service
        .switch_account(&ravi, w.admin.account.id, None)
        .await
        .unwrap();
    caller(&w.h, &token).await
}

/// Whether the waker was woken since the last look (a stored permit), taking the permit.
async fn woken(w: &World) -> bool {
    tokio::time::timeout(Duration::from_millis(50), w.waker.0.notified())
        .await
        .is_ok()
}

#[tokio::test]
async fn an_order_waiting_for_approval_mails_each_approver_a_link_to_its_page() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let ravi = standard_user(&w).await;
    let mut form = w.form(&ravi, "www.example.org", None).await;
    form.requester_email = "ravi@acme.example".into();
    let placed = w.orders.place(&ravi, &form.to_command()).await.unwrap();
    assert_eq!(placed.status, OrderStatus::PendingApproval);

    let sent = w.h.sent().await;
    let notices: Vec<_> = sent
        .iter()
        .filter(|m| m.subject.contains("waits for your approval"))
        .collect();
    assert_eq!(
        notices.len(),
        1,
        "only the administrator approves: {sent:?}"
    );
    let notice = notices[0];
    assert_eq!(notice.to, w.admin.user.email);
    assert_eq!(
        notice.subject,
        format!("Order #{} waits for your approval", placed.id)
    );
    assert!(
        notice
            .text
            .contains(&format!("http://portal.test/orders/{}", placed.id)),
        "{}",
        notice.text
    );
    assert!(notice.text.contains("www.example.org"), "{}", notice.text);
}

#[tokio::test]
async fn an_order_paid_at_once_sends_no_approval_notice() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let form = w.form(&w.admin, "shop.example.com", None).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    assert_eq!(placed.status, OrderStatus::Accepted);
    assert!(
        !w.h.sent()
            .await
            .iter()
            .any(|m| m.subject.contains("waits for your approval"))
    );
}

#[tokio::test]
async fn placing_an_order_wakes_the_mail_sender_once_its_mail_is_committed() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    assert!(!woken(&w).await, "nothing woke it yet");
    // A sender waiting for the wake-up reads the outbox as the delivery job does.
    let waiting = {
        let waker = w.waker.clone();
        let store = w.h.store.clone();
        let clock = w.h.clock.clone();
        tokio::spawn(async move {
            waker.0.notified().await;
            crate::store::mail_outbox::due_for_all_accounts(&store, clock.now(), 100)
                .await
                .unwrap()
                .into_iter()
                .map(|m| m.subject)
                .collect::<Vec<_>>()
        })
    };
    tokio::task::yield_now().await;
    let form = w.form(&w.admin, "shop.example.com", None).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    let seen = tokio::time::timeout(Duration::from_secs(5), waiting)
        .await
        .expect("the order service woke the mail sender")
        .unwrap();
    assert!(
        seen.iter().any(|s| s.contains(&format!("#{}", placed.id))),
        "when woken, the order's confirmation is already committed: {seen:?}"
    );
}

#[tokio::test]
async fn approving_an_order_wakes_the_mail_sender() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let ravi = standard_user(&w).await;
    let form = w.form(&ravi, "www.example.org", None).await;
    let placed = w.orders.place(&ravi, &form.to_command()).await.unwrap();
    assert!(woken(&w).await, "the approvers' notice goes out now");
    w.orders.approve(&w.admin, placed.id).await.unwrap();
    assert!(woken(&w).await, "approval wakes the sender");
}

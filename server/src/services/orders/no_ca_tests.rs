//! An order that no CA could issue is refused at placement, before anything is stored or
//! charged (issue 20: a first run without `server ca init` must never take the money).

use app::model::order_status::OrderStatus;

use super::{
    OrderError,
    test_support::{World, world_without_ca},
};
use crate::ca::test_support::{SECRET, authority_at};

impl World {
    async fn own_balance(&self) -> i64 {
        let group = crate::store::groups::for_account(&self.h.store, self.admin.account.id)
            .await
            .unwrap()
            .remove(0);
        crate::services::billing::payer_balance(&self.h.store, self.admin.account.id, group.id)
            .await
            .unwrap()
            .balance_minor
    }
}

#[tokio::test]
async fn an_order_no_ca_can_issue_is_refused_and_charges_and_stores_nothing() {
    let w = world_without_ca().await;
    w.credit(w.admin.account.id, "100.00").await;
    let before = w.own_balance().await;
    let form = w.form(&w.admin, "shop.example.com", None).await;
    let refused = w.orders.place(&w.admin, &form.to_command()).await;
    match refused {
        Err(OrderError::Refused(why)) => {
            assert!(
                why.to_string().contains("cannot issue this product yet")
                    && why.to_string().contains("(\"tls\")")
                    && why.to_string().contains("server ca init")
                    && why.to_string().contains("Nothing was charged"),
                "{why}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(w.own_balance().await, before, "nothing charged");
    assert_eq!(w.order_count().await, 0, "no order stored");
}

#[tokio::test]
async fn a_draft_submitted_before_the_ca_exists_is_refused_and_charges_nothing() {
    let w = world_without_ca().await;
    w.credit(w.admin.account.id, "100.00").await;
    let mut form = w.form(&w.admin, "shop.example.com", None).await;
    form.draft = true;
    // A draft is refused too: it could only ever wait for a CA that is not there.
    let refused = w.orders.place(&w.admin, &form.to_command()).await;
    assert!(
        matches!(refused, Err(OrderError::Refused(_))),
        "{refused:?}"
    );
    assert_eq!(w.order_count().await, 0);
}

#[tokio::test]
async fn once_the_ca_exists_the_same_order_is_placed_and_paid() {
    let w = world_without_ca().await;
    w.credit(w.admin.account.id, "100.00").await;
    let before = w.own_balance().await;
    let form = w.form(&w.admin, "shop.example.com", None).await;
    assert!(w.orders.place(&w.admin, &form.to_command()).await.is_err());
    authority_at(w.h.store.clone(), SECRET, w.h.clock.clone())
        .init(crate::ports::keys::KeySpec::EcP256)
        .await
        .unwrap();
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    assert_eq!(placed.status, OrderStatus::Accepted);
    assert!(w.own_balance().await < before, "paid once placed");
    assert_eq!(w.order_count().await, 1);
}

//! The idempotency layer on every creating or charging route besides `POST /api/v1/orders`
//! (whose own tests are in `tests.rs`): the same key with the same body answers the first
//! result and creates or charges once; the same key with another body is a 422.

use app::model::order_actions::REISSUE_REASONS;
use axum::http::StatusCode;
use serde_json::{Value, json};

use super::tests::{Answer, Api, api, problem_type};
use crate::services::orders::test_support::csr_for;

const KEY: &str = "retry-1";

impl Api {
    /// The id of the account's offer of this kind (`dv_single`, `dv_ucc`).
    async fn product(&self, key: &str, kind: &str) -> Value {
        let products = self
            .call("GET", "/api/v1/products", Some(key), None, &[])
            .await
            .json();
        products
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["kind"] == kind)
            .unwrap()["id"]
            .clone()
    }

    /// Places an order of `kind` for `names` with a CSR through the API and validates its
    /// domains until it is issued; returns its id.
    async fn issued(&self, key: &str, kind: &str, names: &[&str]) -> i64 {
        let (csr, _dir) = csr_of(names);
        let body =
            json!({ "product_id": self.product(key, kind).await, "csr": csr, "names": names });
        let placed = self
            .call("POST", "/api/v1/orders", Some(key), Some(body), &[])
            .await;
        assert_eq!(
            placed.status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&placed.body)
        );
        let mut order = placed.json();
        let id = order["id"].as_i64().unwrap();
        for i in 0..names.len() {
            if order["status"] == "fulfilled" {
                break;
            }
            let domain = order["names"][i]["validation"].clone();
            if domain.is_null() {
                continue;
            }
            self.w.dns.add_txt(
                domain["name"].as_str().unwrap(),
                domain["value"].as_str().unwrap(),
            );
            let verified = self
                .call(
                    "POST",
                    &format!("/api/v1/orders/{id}/domains/{}/verify", domain["id"]),
                    Some(key),
                    None,
                    &[],
                )
                .await;
            assert_eq!(verified.status, StatusCode::OK);
            order = verified.json()["order"].clone();
        }
        assert_eq!(order["status"], "fulfilled", "{order}");
        id
    }

    async fn order_count(&self, key: &str) -> u64 {
        self.call("GET", "/api/v1/orders", Some(key), None, &[])
            .await
            .json()["total"]
            .as_u64()
            .unwrap()
    }

    /// The balance of the group the administrator's orders are paid from.
    async fn balance(&self) -> i64 {
        let account = self.w.admin.account.id;
        let group = crate::store::groups::for_account(&self.w.h.store, account)
            .await
            .unwrap()
            .remove(0);
        crate::services::billing::payer_balance(&self.w.h.store, account, group.id)
            .await
            .unwrap()
            .balance_minor
    }

    async fn post_with_key(&self, key: &str, path: &str, body: &Value) -> Answer {
        self.call(
            "POST",
            path,
            Some(key),
            Some(body.clone()),
            &[("idempotency-key", KEY)],
        )
        .await
    }

    /// Sends `body` twice with one key, then `other` with the same key: the second answer is
    /// the first replayed, the third is refused; returns the first.
    async fn retried(&self, key: &str, path: &str, body: &Value, other: &Value) -> Answer {
        let first = self.post_with_key(key, path, body).await;
        assert!(
            first.status.is_success(),
            "{}",
            String::from_utf8_lossy(&first.body)
        );
        let again = self.post_with_key(key, path, body).await;
        assert_eq!(again.status, first.status, "the first status again");
        assert_eq!(again.headers["idempotent-replayed"], "true");
        assert_eq!(again.json(), first.json(), "the first body again");
        let reused = self.post_with_key(key, path, other).await;
        assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(reused.problem(), problem_type("idempotency-key-reused"));
        first
    }
}

/// A CSR for all of `names`, the first as CN.
fn csr_of(names: &[&str]) -> (String, std::path::PathBuf) {
    if let [one] = names {
        return csr_for(one);
    }
    let dir = crate::ca::test_support::temp_dir("rootline-rest-ucc");
    let san = names
        .iter()
        .map(|n| format!("DNS:{n}"))
        .collect::<Vec<_>>()
        .join(",");
    let csr = crate::ca::test_support::openssl_csr(
        &dir,
        "ec:P-256",
        &format!("/CN={}", names[0]),
        Some(&san),
        &[],
    );
    (String::from_utf8(csr).unwrap(), dir)
}

#[tokio::test]
async fn a_renewal_retried_with_its_key_is_placed_and_paid_once() {
    let a = api().await;
    a.w.credit(a.w.admin.account.id, "500.00").await;
    let key = a.key_for(&a.w.admin).await;
    let id = a.issued(&key, "dv_single", &["renew.example.com"]).await;
    let order = crate::store::orders::get(
        &a.w.h.store,
        a.w.admin.account.id,
        i32::try_from(id).unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    let not_after =
        crate::store::certificates::find_by_id(&a.w.h.store, order.certificate_id.unwrap())
            .await
            .unwrap()
            .unwrap()
            .not_after;
    a.w.h.clock.set(not_after - chrono::Duration::days(59));
    let orders = a.order_count(&key).await;
    let balance = a.balance().await;

    let path = format!("/api/v1/orders/{id}/renew");
    let first = a
        .retried(
            &key,
            &path,
            &json!({ "draft": false }),
            &json!({ "draft": true }),
        )
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(a.order_count(&key).await, orders + 1, "one renewal");
    let renewal = crate::store::orders::get(
        &a.w.h.store,
        a.w.admin.account.id,
        i32::try_from(first.json()["id"].as_i64().unwrap()).unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    assert!(renewal.price_minor > 0, "a renewal is paid");
    assert_eq!(
        balance - a.balance().await,
        renewal.price_minor,
        "the one renewal, charged once"
    );
}

#[tokio::test]
async fn a_reissue_retried_with_its_key_makes_one_linked_order() {
    let a = api().await;
    a.w.credit(a.w.admin.account.id, "100.00").await;
    let key = a.key_for(&a.w.admin).await;
    let id = a.issued(&key, "dv_single", &["reissue.example.com"]).await;
    let orders = a.order_count(&key).await;
    let balance = a.balance().await;
    let (csr, _dir) = csr_for("reissue.example.com");
    let body = json!({ "reason": REISSUE_REASONS[1], "csr": csr });
    let mut other = body.clone();
    other["remarks"] = json!("Another request");

    let first = a
        .retried(&key, &format!("/api/v1/orders/{id}/reissue"), &body, &other)
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(first.json()["origin_order_id"], id);
    assert_eq!(a.order_count(&key).await, orders + 1, "one reissue");
    assert_eq!(a.balance().await, balance, "a reissue is free");
}

#[tokio::test]
async fn a_names_change_retried_with_its_key_is_charged_once() {
    let a = api().await;
    a.w.credit(a.w.admin.account.id, "200.00").await;
    let key = a.key_for(&a.w.admin).await;
    let id = a
        .issued(&key, "dv_ucc", &["a.example.com", "b.example.com"])
        .await;
    let orders = a.order_count(&key).await;
    let balance = a.balance().await;
    // b is removed and c.example.org, a new domain, is added: one name paid.
    let names = ["a.example.com", "c.example.org"];
    let (csr, _dir) = csr_of(&names);
    let body = json!({ "reason": REISSUE_REASONS[2], "names": names, "csr": csr });
    let mut other = body.clone();
    other["remarks"] = json!("Another request");

    let first = a
        .retried(&key, &format!("/api/v1/orders/{id}/names"), &body, &other)
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(a.order_count(&key).await, orders + 1, "one names change");
    assert_eq!(
        a.balance().await,
        balance - 2_000,
        "the added name, paid once"
    );
}

#[tokio::test]
async fn a_revocation_retried_with_its_key_answers_the_first_result() {
    let a = api().await;
    a.w.credit(a.w.admin.account.id, "100.00").await;
    let key = a.key_for(&a.w.admin).await;
    let id = a.issued(&key, "dv_single", &["revoke.example.com"]).await;
    let body = json!({ "reason": "keyCompromise", "remarks": "Laptop stolen" });
    let other = json!({ "reason": "keyCompromise", "remarks": "Another request" });

    let first = a
        .retried(&key, &format!("/api/v1/orders/{id}/revoke"), &body, &other)
        .await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.json()["certificate"]["state"], "Revoked");
    // Without the key a second revocation is what it always was: nothing left to revoke.
    let twice = a
        .call(
            "POST",
            &format!("/api/v1/orders/{id}/revoke"),
            Some(&key),
            Some(body),
            &[],
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn one_key_on_another_route_is_another_request() {
    let a = api().await;
    a.w.credit(a.w.admin.account.id, "100.00").await;
    let key = a.key_for(&a.w.admin).await;
    let id = a.issued(&key, "dv_single", &["routes.example.com"]).await;
    let body = json!({ "reason": "keyCompromise", "remarks": "Laptop stolen" });
    let revoked = a
        .post_with_key(&key, &format!("/api/v1/orders/{id}/revoke"), &body)
        .await;
    assert_eq!(revoked.status, StatusCode::OK);
    let (csr, _dir) = csr_for("routes.example.com");
    let reissue = a
        .post_with_key(
            &key,
            &format!("/api/v1/orders/{id}/reissue"),
            &json!({ "reason": REISSUE_REASONS[0], "csr": csr }),
        )
        .await;
    assert_eq!(reissue.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reissue.problem(), problem_type("idempotency-key-reused"));
}

#[tokio::test]
async fn a_failed_request_frees_its_key_for_a_corrected_one() {
    let a = api().await;
    a.w.credit(a.w.admin.account.id, "100.00").await;
    let key = a.key_for(&a.w.admin).await;
    let id = a.issued(&key, "dv_single", &["fix.example.com"]).await;
    let path = format!("/api/v1/orders/{id}/revoke");
    let wrong = a
        .post_with_key(
            &key,
            &path,
            &json!({ "reason": "unheardOf", "remarks": "Oops" }),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let right = a
        .post_with_key(
            &key,
            &path,
            &json!({ "reason": "keyCompromise", "remarks": "Laptop stolen" }),
        )
        .await;
    assert_eq!(
        right.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&right.body)
    );
}

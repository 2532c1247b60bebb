//! The REST API through its real router on a real store, CA and ledger (DNS faked): an access
//! key walks an order to a revoked certificate, and every refusal answers a problem document.

use std::sync::Arc;

use axum::{
    Router,
    body::Body,
    http::{HeaderMap, Request, StatusCode, header},
};
use serde_json::{Value, json};
use tower::ServiceExt;

use super::{Rest, router};
use crate::{
    services::{
        api_keys::{ApiKeyService, test_support::member},
        catalog::test_support::administrator,
        orders::test_support::{World, csr_for, world},
    },
    store::api_keys,
};

pub(super) struct Api {
    pub(super) app: Router,
    pub(super) w: World,
    pub(super) keys: Arc<ApiKeyService>,
}

pub(super) async fn api() -> Api {
    let w = world().await;
    let keys = Arc::new(ApiKeyService::for_harness(&w.h));
    let app = router(Arc::new(Rest {
        keys: keys.clone(),
        orders: w.orders.clone(),
        validation: w.validation.clone(),
        organizations: Arc::new(
            crate::services::organizations::OrganizationService::for_harness(&w.h),
        ),
        store: w.h.store.clone(),
        clock: w.h.clock.clone(),
        public_url: "http://portal.test".into(),
    }));
    Api { app, w, keys }
}

pub(super) struct Answer {
    pub(super) status: StatusCode,
    pub(super) headers: HeaderMap,
    pub(super) body: Vec<u8>,
}

impl Answer {
    pub(super) fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    /// The problem document's stable type, checking it is one.
    pub(super) fn problem(&self) -> String {
        assert_eq!(
            self.headers[header::CONTENT_TYPE],
            "application/problem+json",
            "{}",
            String::from_utf8_lossy(&self.body)
        );
        let p = self.json();
        assert_eq!(p["status"], self.status.as_u16());
        p["type"].as_str().unwrap().to_owned()
    }
}

impl Api {
    pub(super) async fn key_for(&self, caller: &crate::services::identity::Caller) -> String {
        let admin = &self.w.admin;
        self.keys
            .create(
                admin,
                &app::model::api_keys::ApiKeyForm {
                    user_id: caller.user.id,
                    description: "Tests".into(),
                },
                None,
            )
            .await
            .unwrap()
            .key
    }

    pub(super) async fn call(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<Value>,
        extra: &[(&str, &str)],
    ) -> Answer {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(k) = key {
            req = req.header(header::AUTHORIZATION, format!("Bearer {k}"));
        }
        for (name, value) in extra {
            req = req.header(*name, *value);
        }
        let body = match body {
            Some(b) => {
                req = req.header(header::CONTENT_TYPE, "application/json");
                Body::from(b.to_string())
            }
            None => Body::empty(),
        };
        let response = self
            .app
            .clone()
            .oneshot(req.body(body).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap()
            .to_vec();
        Answer {
            status,
            headers,
            body,
        }
    }
}

pub(super) fn problem_type(slug: &str) -> String {
    format!("/api/v1/docs#problem-{slug}")
}

#[tokio::test]
async fn an_access_key_walks_an_order_from_placement_to_a_revoked_certificate() {
    let a = api().await;
    a.w.credit(a.w.admin.account.id, "100.00").await;
    let key = a.key_for(&a.w.admin).await;

    let products = a
        .call("GET", "/api/v1/products", Some(&key), None, &[])
        .await;
    assert_eq!(products.status, StatusCode::OK);
    let products = products.json();
    let dv = products
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "dv_single")
        .unwrap();
    let (csr, _dir) = csr_for("api.example.com");
    let body = json!({ "product_id": dv["id"], "csr": csr, "tags": ["api"] });

    let placed = a
        .call(
            "POST",
            "/api/v1/orders",
            Some(&key),
            Some(body.clone()),
            &[("idempotency-key", "order-1")],
        )
        .await;
    assert_eq!(
        placed.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&placed.body)
    );
    let order = placed.json();
    let id = order["id"].as_i64().unwrap();
    assert_eq!(
        placed.headers[header::LOCATION],
        format!("/api/v1/orders/{id}")
    );
    assert_eq!(order["status"], "accepted");
    assert_eq!(order["names"][0]["name"], "api.example.com");
    assert_eq!(order["tags"], json!(["api"]));

    // A retry with the same key gets the same order, not a second one.
    let again = a
        .call(
            "POST",
            "/api/v1/orders",
            Some(&key),
            Some(body.clone()),
            &[("idempotency-key", "order-1")],
        )
        .await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.json()["id"], id);
    let mut other = body.clone();
    other["tags"] = json!(["other"]);
    let reused = a
        .call(
            "POST",
            "/api/v1/orders",
            Some(&key),
            Some(other),
            &[("idempotency-key", "order-1")],
        )
        .await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reused.problem(), problem_type("idempotency-key-reused"));
    let list = a.call("GET", "/api/v1/orders", Some(&key), None, &[]).await;
    assert_eq!(list.json()["total"], 1, "one order for three requests");
    assert_eq!(
        list.json()["orders"][0]["source"],
        "API",
        "marked as placed through the API"
    );

    // Not issued yet: nothing to download.
    let early = a
        .call(
            "GET",
            &format!("/api/v1/orders/{id}/certificate"),
            Some(&key),
            None,
            &[],
        )
        .await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    assert_eq!(early.problem(), problem_type("conflict"));

    // Domain control, then issuance.
    let domain = &order["names"][0]["validation"];
    a.w.dns.add_txt(
        domain["name"].as_str().unwrap(),
        domain["value"].as_str().unwrap(),
    );
    let verified = a
        .call(
            "POST",
            &format!("/api/v1/orders/{id}/domains/{}/verify", domain["id"]),
            Some(&key),
            None,
            &[],
        )
        .await;
    assert_eq!(
        verified.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&verified.body)
    );
    let verified = verified.json();
    assert_eq!(verified["outcome"], "verified");
    assert_eq!(verified["order"]["status"], "fulfilled");
    let serial = verified["order"]["certificate"]["serial"]
        .as_str()
        .unwrap()
        .to_owned();

    let pem = a
        .call(
            "GET",
            &format!("/api/v1/orders/{id}/certificate"),
            Some(&key),
            None,
            &[],
        )
        .await;
    assert_eq!(pem.status, StatusCode::OK);
    let text = String::from_utf8(pem.body.clone()).unwrap();
    assert!(
        text.matches("BEGIN CERTIFICATE").count() >= 2,
        "leaf and chain"
    );
    let der = a
        .call(
            "GET",
            &format!("/api/v1/orders/{id}/certificate?format=der"),
            Some(&key),
            None,
            &[],
        )
        .await;
    let (_, cert) = x509_parser::parse_x509_certificate(&der.body).unwrap();
    assert_eq!(
        cert.raw_serial_as_string().replace(':', "").to_lowercase(),
        serial.replace(':', "").to_lowercase()
    );
    let san = cert.subject_alternative_name().unwrap().unwrap();
    assert!(format!("{:?}", san.value).contains("api.example.com"));

    let revoked = a
        .call(
            "POST",
            &format!("/api/v1/orders/{id}/revoke"),
            Some(&key),
            Some(json!({ "reason": "keyCompromise", "remarks": "Laptop stolen" })),
            &[],
        )
        .await;
    assert_eq!(
        revoked.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&revoked.body)
    );
    assert_eq!(revoked.json()["certificate"]["state"], "Revoked");
    let twice = a
        .call(
            "POST",
            &format!("/api/v1/orders/{id}/revoke"),
            Some(&key),
            Some(json!({ "reason": "keyCompromise", "remarks": "Again" })),
            &[],
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn requests_without_a_valid_key_are_refused_alike_and_learn_nothing() {
    let a = api().await;
    let key = a.key_for(&a.w.admin).await;
    let (head, _) = key.rsplit_once('_').unwrap();
    let wrong = format!("{head}_wrongsecret");
    for k in [None, Some("not-a-key"), Some(wrong.as_str())] {
        let r = a.call("GET", "/api/v1/orders/1", k, None, &[]).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{k:?}");
        assert_eq!(r.problem(), problem_type("unauthenticated"));
    }
    let row = api_keys::for_account(&a.w.h.store, a.w.admin.account.id)
        .await
        .unwrap();
    a.keys.revoke(&a.w.admin, row[0].id, None).await.unwrap();
    let r = a
        .call("GET", "/api/v1/products", Some(&key), None, &[])
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "a revoked key");
}

#[tokio::test]
async fn another_accounts_orders_are_not_found_and_a_key_without_permission_is_refused() {
    let a = api().await;
    a.w.credit(a.w.admin.account.id, "100.00").await;
    let form = a.w.form(&a.w.admin, "shop.example.com", None).await;
    let placed =
        a.w.orders
            .place(&a.w.admin, &form.to_command())
            .await
            .unwrap();

    let other = administrator(&a.w.h, "ravi@globex.example").await;
    let other_key = a
        .keys
        .create(
            &other,
            &app::model::api_keys::ApiKeyForm {
                user_id: other.user.id,
                description: "Globex CI".into(),
            },
            None,
        )
        .await
        .unwrap()
        .key;
    for (method, path, body) in [
        ("GET", format!("/api/v1/orders/{}", placed.id), None),
        (
            "GET",
            format!("/api/v1/orders/{}/certificate", placed.id),
            None,
        ),
        ("POST", format!("/api/v1/orders/{}/cancel", placed.id), None),
        (
            "POST",
            format!("/api/v1/orders/{}/revoke", placed.id),
            Some(json!({ "reason": "superseded", "remarks": "x" })),
        ),
    ] {
        let r = a.call(method, &path, Some(&other_key), body, &[]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{method} {path}");
        assert_eq!(r.problem(), problem_type("not-found"));
    }
    assert_eq!(
        a.w.status(a.w.admin.account.id, placed.id).await,
        app::model::order_status::OrderStatus::Accepted,
        "nothing changed"
    );
    let list = a
        .call("GET", "/api/v1/orders", Some(&other_key), None, &[])
        .await;
    assert_eq!(list.json()["total"], 0);

    // A key whose user's role lacks the API permission (as after a role change).
    let scout = member(&a.w.h, &a.w.admin, "scout@acme.example", "discovery_user").await;
    api_keys::insert(
        &a.w.h.store,
        &api_keys::NewApiKey {
            key_id: "a1b2c3d4e5f60718",
            secret_hash: &crate::services::api_keys::secret_hash("s3cret"),
            account_id: a.w.admin.account.id,
            user_id: scout.user.id,
            description: "Scanner",
            created_by: a.w.admin.user.id,
        },
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let r = a
        .call(
            "GET",
            "/api/v1/products",
            Some("rlk_a1b2c3d4e5f60718_s3cret"),
            None,
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.problem(), problem_type("forbidden"));

    let basic = member(&a.w.h, &a.w.admin, "meera@acme.example", "basic_user").await;
    let basic_key = a.key_for(&basic).await;
    let r = a
        .call(
            "GET",
            &format!("/api/v1/orders/{}", placed.id),
            Some(&basic_key),
            None,
            &[],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::NOT_FOUND,
        "a basic user sees only her own orders"
    );
    let r = a
        .call("GET", "/api/v1/domains", Some(&basic_key), None, &[])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.problem(), problem_type("forbidden"));
}

#[tokio::test]
async fn malformed_and_invalid_requests_get_specific_problems_and_change_nothing() {
    let a = api().await;
    a.w.credit(a.w.admin.account.id, "100.00").await;
    let key = a.key_for(&a.w.admin).await;

    let r = a
        .call("GET", "/api/v1/orders/abc", Some(&key), None, &[])
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.problem(), problem_type("malformed"));

    let mut req = Request::builder()
        .method("POST")
        .uri("/api/v1/orders")
        .header(header::AUTHORIZATION, format!("Bearer {key}"))
        .body(Body::from("{not json"))
        .unwrap();
    req.headers_mut()
        .insert(header::CONTENT_TYPE, "application/json".parse().unwrap());
    let response = a.app.clone().oneshot(req).await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let r = a
        .call(
            "POST",
            "/api/v1/orders",
            Some(&key),
            Some(json!({ "product_id": 1, "colour": "red" })),
            &[],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::BAD_REQUEST,
        "unknown fields are refused"
    );
    assert!(r.json()["detail"].as_str().unwrap().contains("colour"));

    let r = a
        .call(
            "POST",
            "/api/v1/orders",
            Some(&key),
            Some(json!({ "product_id": 99999, "names": ["a.example.com"] })),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.problem(), problem_type("invalid"));
    assert_eq!(r.json()["errors"][0]["field"], "product_id");

    let r = a
        .call(
            "GET",
            "/api/v1/orders/1/certificate?format=zip",
            Some(&key),
            None,
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);

    let r = a
        .call(
            "POST",
            "/api/v1/orders",
            Some(&key),
            Some(json!({ "product_id": 1 })),
            &[("idempotency-key", "")],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::BAD_REQUEST,
        "an empty idempotency key"
    );

    let list = a.call("GET", "/api/v1/orders", Some(&key), None, &[]).await;
    assert_eq!(list.json()["total"], 0, "no order came of any of it");
    let r = a
        .call(
            "GET",
            "/api/v1/orders?from=yesterday",
            Some(&key),
            None,
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_order_list_pages_by_per_page_within_its_limits() {
    let a = api().await;
    a.w.credit(a.w.admin.account.id, "500.00").await;
    let key = a.key_for(&a.w.admin).await;
    let products = a
        .call("GET", "/api/v1/products", Some(&key), None, &[])
        .await
        .json();
    let dv = products
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "dv_single")
        .unwrap()["id"]
        .clone();
    let mut dirs = Vec::new();
    for name in ["one.example.com", "two.example.com", "three.example.com"] {
        let (csr, dir) = csr_for(name);
        dirs.push(dir);
        let placed = a
            .call(
                "POST",
                "/api/v1/orders",
                Some(&key),
                Some(json!({ "product_id": dv, "csr": csr })),
                &[],
            )
            .await;
        assert_eq!(placed.status, StatusCode::CREATED);
    }
    let get = async |query: &str| {
        a.call(
            "GET",
            &format!("/api/v1/orders{query}"),
            Some(&key),
            None,
            &[],
        )
        .await
    };

    let all = get("").await.json();
    assert_eq!(
        (
            all["per_page"].as_u64(),
            all["total"].as_u64(),
            all["orders"].as_array().unwrap().len()
        ),
        (Some(25), Some(3), 3)
    );
    let first = get("?per_page=2").await.json();
    assert_eq!(
        (
            first["pages"].as_u64(),
            first["orders"].as_array().unwrap().len()
        ),
        (Some(2), 2)
    );
    let second = get("?per_page=2&page=2").await.json();
    assert_eq!(second["orders"].as_array().unwrap().len(), 1);
    assert_eq!(
        second["orders"][0]["main_name"], "one.example.com",
        "newest first"
    );

    for bad in ["0", "101", "many"] {
        let r = get(&format!("?per_page={bad}")).await;
        assert_ne!(r.status, StatusCode::OK, "per_page={bad}");
        assert!(r.status.is_client_error(), "per_page={bad}");
    }
    let r = get("?per_page=101").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["errors"][0]["field"], "per_page");
}

#[tokio::test]
async fn the_openapi_document_describes_every_route_and_the_reference_renders_it() {
    let a = api().await;
    let doc = a.call("GET", "/api/v1/openapi.json", None, None, &[]).await;
    assert_eq!(doc.status, StatusCode::OK);
    let doc = doc.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/products",
        "/api/v1/orders",
        "/api/v1/orders/{id}",
        "/api/v1/orders/{id}/csr",
        "/api/v1/orders/{id}/domains/{domain_id}/verify",
        "/api/v1/orders/{id}/cancel",
        "/api/v1/orders/{id}/revoke",
        "/api/v1/orders/{id}/reissue",
        "/api/v1/orders/{id}/names",
        "/api/v1/orders/{id}/renew",
        "/api/v1/orders/{id}/certificate",
        "/api/v1/domains",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is documented");
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["access_key"]["scheme"],
        "bearer"
    );
    let page = a.call("GET", "/api/v1/docs", None, None, &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = String::from_utf8(page.body).unwrap();
    for part in [
        "POST /api/v1/orders",
        "id=\"problem-not-found\"",
        "id=\"schema-CreateOrder\"",
        "Idempotency-Key",
    ] {
        assert!(html.contains(part), "{part}");
    }
}

#[tokio::test]
async fn a_private_product_takes_its_dynamic_subject_fields_by_attribute_name() {
    let a = api().await;
    let key = a.key_for(&a.w.admin).await;
    let ca =
        a.w.catalog
            .create_private_ca(&a.w.admin, "Intranet", None)
            .await
            .unwrap();
    let mut modes = vec!["off".to_owned(); 9];
    modes[0] = "required".into();
    modes[1] = "required".into();
    modes[6] = "required".into();
    let product_id =
        a.w.catalog
            .add_private_product(
                &a.w.admin,
                &app::model::products::PrivateProductForm {
                    name: "Intranet servers".into(),
                    ca,
                    validity_days: "90".into(),
                    template: "Server TLS".into(),
                    modes,
                    values: vec![String::new(); 9],
                    auto_approve: true,
                    checklist: String::new(),
                },
                None,
            )
            .await
            .unwrap();
    let dir = crate::ca::test_support::temp_dir("rootline-rest-private");
    let csr = String::from_utf8(crate::ca::test_support::openssl_csr(
        &dir,
        "ec:P-256",
        "/CN=db.corp",
        Some("DNS:db.corp"),
        &[],
    ))
    .unwrap();

    let r = a
        .call(
            "POST",
            "/api/v1/orders",
            Some(&key),
            Some(json!({ "product_id": product_id, "csr": csr, "subject": { "X": "1" } })),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["errors"][0]["field"], "subject");

    let placed = a
        .call(
            "POST",
            "/api/v1/orders",
            Some(&key),
            Some(json!({ "product_id": product_id, "csr": csr, "subject": { "O": "Acme Ltd" } })),
            &[],
        )
        .await;
    assert_eq!(
        placed.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&placed.body)
    );
    let order = placed.json();
    assert_eq!(
        order["status"], "fulfilled",
        "auto-approved and without DCV"
    );
    let der = a
        .call(
            "GET",
            &format!("/api/v1/orders/{}/certificate?format=der", order["id"]),
            Some(&key),
            None,
            &[],
        )
        .await;
    let (_, cert) = x509_parser::parse_x509_certificate(&der.body).unwrap();
    let o: Vec<_> = cert
        .subject()
        .iter_organization()
        .map(|a| a.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(o, vec!["Acme Ltd"]);
}

#[tokio::test]
async fn an_idempotency_claim_left_by_a_crashed_request_is_taken_over_once_stale() {
    use sha2::Digest;

    use crate::ports::Clock;
    let a = api().await;
    a.w.credit(a.w.admin.account.id, "100.00").await;
    let created = a
        .keys
        .create(
            &a.w.admin,
            &app::model::api_keys::ApiKeyForm {
                user_id: a.w.admin.user.id,
                description: "Tests".into(),
            },
            None,
        )
        .await
        .unwrap();
    let products = a
        .call("GET", "/api/v1/products", Some(&created.key), None, &[])
        .await
        .json();
    let dv = products
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "dv_single")
        .unwrap()
        .clone();
    let body = json!({ "product_id": dv["id"], "names": ["crash.example.com"] });
    // The claim a request made before its process died: same key, same request, no answer.
    let mut hash = sha2::Sha256::new();
    hash.update(b"POST /api/v1/orders");
    hash.update([0]);
    hash.update(body.to_string().as_bytes());
    api_keys::reserve_answer(
        &a.w.h.store,
        created.id,
        "crashed-1",
        &hex::encode(hash.finalize()),
        a.w.h.clock.now(),
    )
    .await
    .unwrap();
    let post = || {
        a.call(
            "POST",
            "/api/v1/orders",
            Some(&created.key),
            Some(body.clone()),
            &[("idempotency-key", "crashed-1")],
        )
    };

    let fresh = post().await;
    assert_eq!(
        fresh.status,
        StatusCode::CONFLICT,
        "a fresh claim still runs"
    );
    assert_eq!(fresh.problem(), problem_type("idempotency-in-progress"));

    a.w.h.clock.advance(chrono::Duration::minutes(
        super::idempotency::CLAIM_EXPIRY_MINUTES + 1,
    ));
    let retried = post().await;
    assert_eq!(
        retried.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&retried.body)
    );
    let again = post().await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.json()["id"], retried.json()["id"]);
    let list = a
        .call("GET", "/api/v1/orders", Some(&created.key), None, &[])
        .await;
    assert_eq!(list.json()["total"], 1);
}

#[tokio::test]
async fn a_group_limited_managers_key_lists_and_opens_only_his_groups_orders() {
    let a = api().await;
    let g = a.w.group_limited_manager().await;
    let key = a.key_for(&g.manager).await;
    let list = a.call("GET", "/api/v1/orders", Some(&key), None, &[]).await;
    assert_eq!(list.status, StatusCode::OK);
    let list = list.json();
    assert_eq!(list["total"], 1);
    assert_eq!(list["orders"][0]["id"], g.own_group_order);
    let hidden = a
        .call(
            "GET",
            &format!("/api/v1/orders/{}", g.restricted_order),
            Some(&key),
            None,
            &[],
        )
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    let own = a
        .call(
            "GET",
            &format!("/api/v1/orders/{}", g.own_group_order),
            Some(&key),
            None,
            &[],
        )
        .await;
    assert_eq!(own.status, StatusCode::OK);
}

#[tokio::test]
async fn organizations_answer_their_account_only_and_a_bad_id_is_a_problem_document() {
    use app::model::organization_form::OrganizationForm;

    let a = api().await;
    let key = a.key_for(&a.w.admin).await;
    let orgs = crate::services::organizations::OrganizationService::for_harness(&a.w.h);
    let form = OrganizationForm {
        legal_name: "Acme Widgets Private Limited".into(),
        org_type: "private_organization".into(),
        registration_number: "U72200KA2009PTC049889".into(),
        registration_agency: "Registrar of Companies, Bengaluru".into(),
        jurisdiction_country: "IN".into(),
        street: "12 MG Road".into(),
        city: "Bengaluru".into(),
        country: "IN".into(),
        phone: "+91 80 4000 1234".into(),
        rep_name: "Asha Rao".into(),
        rep_email: "cs@acme-widgets.example.in".into(),
        rep_phone: "+91 98450 12345".into(),
        rep_designation: "Company Secretary".into(),
        ..Default::default()
    };
    let id = orgs
        .add_organization(&a.w.admin, &form, None)
        .await
        .unwrap();

    let r = a
        .call(
            "GET",
            "/api/v1/organizations?search=acme",
            Some(&key),
            None,
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let list = r.json();
    assert_eq!(list["total"], 1);
    assert_eq!(list["organizations"][0]["status"], "draft");
    assert_eq!(
        list["organizations"][0]["organization_type"],
        "private_organization"
    );
    let r = a
        .call(
            "GET",
            &format!("/api/v1/organizations/{id}"),
            Some(&key),
            None,
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.json()["representative"]["email"],
        "cs@acme-widgets.example.in"
    );

    // Beyond an id's range or not a number: the problem document every route answers with
    // (schemathesis found a plain-text 400 here).
    for bad in ["2147483648", "abc"] {
        let r = a
            .call(
                "GET",
                &format!("/api/v1/organizations/{bad}"),
                Some(&key),
                None,
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(r.problem(), problem_type("malformed"), "{bad}");
    }
    let r = a
        .call(
            "GET",
            "/api/v1/organizations?status=approved",
            Some(&key),
            None,
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Another account's key: not found, and an empty list.
    let stranger =
        crate::services::catalog::test_support::administrator(&a.w.h, "ravi@other.example").await;
    let their_key = a
        .keys
        .create(
            &stranger,
            &app::model::api_keys::ApiKeyForm {
                user_id: stranger.user.id,
                description: "Other CI".into(),
            },
            None,
        )
        .await
        .unwrap()
        .key;
    let r = a
        .call(
            "GET",
            &format!("/api/v1/organizations/{id}"),
            Some(&their_key),
            None,
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.problem(), problem_type("not-found"));
    let r = a
        .call("GET", "/api/v1/organizations", Some(&their_key), None, &[])
        .await;
    assert_eq!(r.json()["total"], 0);
}

#[tokio::test]
async fn an_access_key_orders_ov_naming_a_verified_organization_and_never_an_unverified_one() {
    use app::model::organizations::OrganizationStatus;
    let a = api().await;
    a.w.credit(a.w.admin.account.id, "500.00").await;
    let key = a.key_for(&a.w.admin).await;
    let verified =
        a.w.organization(
            &a.w.admin,
            "Acme Widgets Private Limited",
            OrganizationStatus::VerifiedOv,
            chrono::Duration::days(398),
        )
        .await;
    let draft =
        a.w.organization(
            &a.w.admin,
            "Draft Ltd",
            OrganizationStatus::Draft,
            chrono::Duration::zero(),
        )
        .await;
    let products = a
        .call("GET", "/api/v1/products", Some(&key), None, &[])
        .await
        .json();
    let ov = products
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "ov_single")
        .expect("OV products are sold through the API")
        .clone();
    let (csr, _dir) = csr_for("api.example.com");
    let refused = a
        .call(
            "POST",
            "/api/v1/orders",
            Some(&key),
            Some(json!({ "product_id": ov["id"], "csr": csr, "organization_id": draft.get() })),
            &[("idempotency-key", "ov-draft")],
        )
        .await;
    assert_eq!(refused.problem(), problem_type("invalid"));
    assert_eq!(refused.json()["errors"][0]["field"], "organization_id");
    let placed = a
        .call(
            "POST",
            "/api/v1/orders",
            Some(&key),
            Some(json!({ "product_id": ov["id"], "csr": csr, "organization_id": verified.get() })),
            &[("idempotency-key", "ov-verified")],
        )
        .await;
    assert_eq!(
        placed.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&placed.body)
    );
    assert_eq!(placed.json()["organization_id"], verified.get());
}

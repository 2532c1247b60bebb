//! ACME through the HTTP router as a client sees it: real JWS, nonces and URLs over the real
//! services, with the HTTP-01 file and DNS-01 record served by the fakes.

use std::sync::Arc;

use axum::{
    Router,
    body::Body,
    http::{Method, Request, StatusCode},
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tower::ServiceExt;

use super::{Acme, router};
use crate::{
    ca::test_support::{openssl_csr, temp_dir},
    services::acme::{
        jws::{
            b64,
            test_keys::{TestKey, hmac_jws},
        },
        tests::{World, world},
    },
    store::{acme as acme_store, orders},
};

const BASE: &str = "http://acme.test/acme";

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }

    fn problem(&self) -> String {
        self.json()["type"]
            .as_str()
            .unwrap_or_default()
            .trim_start_matches("urn:ietf:params:acme:error:")
            .to_owned()
    }

    fn location(&self) -> String {
        self.headers["location"].to_str().unwrap().to_owned()
    }
}

struct Client {
    app: Router,
    key: TestKey,
    kid: Option<String>,
    /// The TCP peer the requests come from, as the server's listener would record it.
    from: Option<std::net::SocketAddr>,
}

async fn send(app: &Router, req: Request<Body>) -> Reply {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = axum::body::to_bytes(res.into_body(), 1 << 20)
        .await
        .unwrap()
        .to_vec();
    Reply {
        status,
        headers,
        body,
    }
}

fn path_of(url: &str) -> String {
    url.trim_start_matches("http://acme.test").to_owned()
}

impl Client {
    fn new(w: &World) -> Self {
        let app = router(Arc::new(Acme {
            service: w.acme.clone(),
            base: BASE.into(),
        }));
        Self {
            app,
            key: TestKey::new(),
            kid: None,
            from: None,
        }
    }

    async fn nonce(&self) -> String {
        let r = send(
            &self.app,
            Request::builder()
                .method(Method::HEAD)
                .uri("/acme/new-nonce")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        r.headers["replay-nonce"].to_str().unwrap().to_owned()
    }

    fn header(&self, url: &str, nonce: &str) -> Value {
        match &self.kid {
            Some(kid) => json!({"alg": "ES256", "kid": kid, "nonce": nonce, "url": url}),
            None => json!({"alg": "ES256", "jwk": self.key.jwk(), "nonce": nonce, "url": url}),
        }
    }

    async fn raw(&self, url: &str, body: Vec<u8>) -> Reply {
        let mut req = Request::builder()
            .method(Method::POST)
            .uri(path_of(url))
            .header("content-type", "application/jose+json")
            .body(Body::from(body))
            .unwrap();
        if let Some(from) = self.from {
            req.extensions_mut()
                .insert(axum::extract::ConnectInfo(from));
        }
        send(&self.app, req).await
    }

    /// Signs and posts `payload` (`None`: POST-as-GET) to `url`.
    async fn post(&self, url: &str, payload: Option<Value>) -> Reply {
        let nonce = self.nonce().await;
        let jws = self.key.sign(self.header(url, &nonce), payload.as_ref());
        self.raw(url, jws.to_string().into_bytes()).await
    }

    async fn register(&mut self, w: &World) -> Reply {
        let eab = w.credential(w.product_id).await;
        self.register_with(eab).await
    }

    async fn register_with(&mut self, eab: crate::services::acme::EabCreated) -> Reply {
        let r = self.try_register_with(&eab).await;
        assert_eq!(
            r.status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&r.body)
        );
        self.kid = Some(r.location());
        r
    }

    /// newAccount with the binding, whatever the answer.
    async fn try_register_with(&self, eab: &crate::services::acme::EabCreated) -> Reply {
        let url = format!("{BASE}/new-account");
        let secret = base64::Engine::decode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            &eab.hmac_key,
        )
        .unwrap();
        let binding = hmac_jws(
            json!({"alg": "HS256", "kid": eab.key_id, "url": url}),
            &self.key.jwk(),
            &secret,
        );
        self.post(
            &url,
            Some(json!({"termsOfServiceAgreed": true, "contact": ["mailto:ops@acme.example"], "externalAccountBinding": binding})),
        )
        .await
    }

    async fn order(&self, names: &[&str]) -> (String, Value) {
        let ids: Vec<Value> = names
            .iter()
            .map(|n| json!({"type": "dns", "value": n}))
            .collect();
        let r = self
            .post(
                &format!("{BASE}/new-order"),
                Some(json!({"identifiers": ids})),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&r.body)
        );
        (r.location(), r.json())
    }

    fn key_clone(&self) -> TestKey {
        self.key.clone()
    }

    fn key_authorization(&self, token: &str) -> String {
        let jwk = crate::services::acme::Jwk::parse(&self.key.jwk()).unwrap();
        crate::services::acme::jws::key_authorization(token, &jwk)
    }
}

fn csr_der(names: &[&str]) -> (String, tempfile_dir::Dir) {
    let dir = tempfile_dir::Dir(temp_dir("acme-csr"));
    let san = names
        .iter()
        .map(|n| format!("DNS:{n}"))
        .collect::<Vec<_>>()
        .join(",");
    let pem = openssl_csr(
        &dir.0,
        "ec:P-256",
        &format!("/CN={}", names[0]),
        Some(&san),
        &[],
    );
    let text = String::from_utf8(pem).unwrap();
    let body: String = text.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, body).unwrap();
    (b64(&der), dir)
}

mod dns_persist;
mod mpic;
mod profiles;

mod tempfile_dir {
    /// A temporary folder removed when dropped.
    pub struct Dir(pub std::path::PathBuf);
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

async fn counts(w: &World) -> (usize, usize) {
    let store = &w.h.store;
    let mut orders_n = 0;
    let mut accounts_n = 0;
    for id in 1..20 {
        if acme_store::account_by_id(store, id)
            .await
            .unwrap()
            .is_some()
        {
            accounts_n += 1;
            orders_n += acme_store::orders_of_account(store, id)
                .await
                .unwrap()
                .len();
        }
    }
    (accounts_n, orders_n)
}

#[tokio::test]
async fn the_directory_names_every_resource_and_requires_binding() {
    let w = world(true).await;
    let c = Client::new(&w);
    let r = send(
        &c.app,
        Request::get("/acme/directory").body(Body::empty()).unwrap(),
    )
    .await;
    let d = r.json();
    assert_eq!(d["newNonce"], format!("{BASE}/new-nonce"));
    assert_eq!(d["newAccount"], format!("{BASE}/new-account"));
    assert_eq!(d["newOrder"], format!("{BASE}/new-order"));
    assert_eq!(d["revokeCert"], format!("{BASE}/revoke-cert"));
    assert_eq!(d["keyChange"], format!("{BASE}/key-change"));
    assert_eq!(d["meta"]["externalAccountRequired"], true);
}

#[tokio::test]
async fn http_01_order_is_issued_listed_as_acme_and_revoked_by_its_account() {
    let w = world(true).await;
    let mut c = Client::new(&w);
    let created = c.register(&w).await;
    assert_eq!(created.json()["status"], "valid");
    assert!(
        created.headers["link"]
            .to_str()
            .unwrap()
            .contains("rel=\"index\"")
    );

    let (order_url, order) = c.order(&["www.example.com"]).await;
    assert_eq!(order["status"], "pending");
    let authz_url = order["authorizations"][0].as_str().unwrap().to_owned();
    let authz = c.post(&authz_url, None).await;
    assert_eq!(authz.headers["retry-after"], "1");
    let authz = authz.json();
    assert_eq!(authz["identifier"]["value"], "www.example.com");
    let http = challenge_of(&authz, "http-01");
    let token = http["token"].as_str().unwrap();

    // Before the file is published the check fails and says why.
    let (_, second) = c.order(&["api.example.com"]).await;
    let other_authz = c
        .post(second["authorizations"][0].as_str().unwrap(), None)
        .await
        .json();
    let other_http = other_authz["challenges"][0]["url"]
        .as_str()
        .unwrap()
        .to_owned();
    let failed = c.post(&other_http, Some(json!({}))).await.json();
    assert_eq!(failed["status"], "invalid");
    assert_eq!(
        failed["error"]["type"],
        "urn:ietf:params:acme:error:unauthorized"
    );

    w.http
        .publish_acme("www.example.com", token, &c.key_authorization(token));
    let answered = c.post(http["url"].as_str().unwrap(), Some(json!({}))).await;
    assert_eq!(answered.json()["status"], "valid", "{:?}", answered.json());
    assert!(
        answered
            .headers
            .get_all("link")
            .iter()
            .any(|l| l.to_str().unwrap().contains("rel=\"up\"")),
        "the challenge links up to its authorization"
    );
    let order = c.post(&order_url, None).await.json();
    assert_eq!(order["status"], "ready");

    // A CSR for other names is refused and changes nothing.
    let (wrong, _d1) = csr_der(&["www.example.com", "mail.example.com"]);
    let refused = c
        .post(
            order["finalize"].as_str().unwrap(),
            Some(json!({"csr": wrong})),
        )
        .await;
    assert_eq!(refused.problem(), "badCSR");
    assert_eq!(c.post(&order_url, None).await.json()["status"], "ready");

    let (csr, _d2) = csr_der(&["www.example.com"]);
    let done = c
        .post(
            order["finalize"].as_str().unwrap(),
            Some(json!({"csr": csr})),
        )
        .await
        .json();
    assert_eq!(done["status"], "valid", "{done:?}");
    let cert = c.post(done["certificate"].as_str().unwrap(), None).await;
    assert_eq!(
        cert.headers["content-type"],
        "application/pem-certificate-chain"
    );
    let pem = String::from_utf8(cert.body.clone()).unwrap();
    assert_eq!(
        pem.matches("-----BEGIN CERTIFICATE-----").count(),
        2,
        "leaf and issuing CA"
    );

    // The order is the portal's too: the admin's account, source ACME, fulfilled.
    let acme_order = acme_store::order_of_order_row(&w.h.store, 1)
        .await
        .unwrap()
        .unwrap();
    let row = orders::get(&w.h.store, w.admin.account.id, acme_order.order_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.source, "ACME");
    assert_eq!(row.status, "fulfilled");
    assert_eq!(row.tags, "web,acme");

    let leaf = pem.split("-----END CERTIFICATE-----").next().unwrap();
    let body: String = leaf.lines().filter(|l| !l.starts_with("-----")).collect();
    let der =
        base64::Engine::decode(&base64::engine::general_purpose::STANDARD, body.trim()).unwrap();
    let revoked = c
        .post(
            &format!("{BASE}/revoke-cert"),
            Some(json!({"certificate": b64(&der), "reason": 4})),
        )
        .await;
    assert_eq!(
        revoked.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&revoked.body)
    );
    let again = c
        .post(
            &format!("{BASE}/revoke-cert"),
            Some(json!({"certificate": b64(&der)})),
        )
        .await;
    assert_eq!(again.problem(), "alreadyRevoked");
}

#[tokio::test]
async fn dns_01_validates_a_domain_and_then_covers_its_sub_domains() {
    let w = world(true).await;
    let mut c = Client::new(&w);
    c.register(&w).await;
    let (_, order) = c.order(&["example.org"]).await;
    let authz = c
        .post(order["authorizations"][0].as_str().unwrap(), None)
        .await
        .json();
    let dns = challenge_of(&authz, "dns-01");
    let digest = b64(&Sha256::digest(
        c.key_authorization(dns["token"].as_str().unwrap())
            .as_bytes(),
    ));
    w.dns.add_txt("_acme-challenge.example.org", &digest);
    let answered = c
        .post(dns["url"].as_str().unwrap(), Some(json!({})))
        .await
        .json();
    assert_eq!(answered["status"], "valid", "{answered:?}");
    // DNS-01 showed control of the domain: a sub-domain is covered at once.
    let (_, next) = c.order(&["shop.example.org"]).await;
    assert_eq!(next["status"], "ready", "{next:?}");
}

/// The RFC 8737 validation certificate for `name` whose acmeIdentifier holds the digest of
/// `key_authorization`.
fn tls_alpn_certificate(name: &str, key_authorization: &str) -> Vec<u8> {
    let mut params = rcgen::CertificateParams::new(vec![name.to_owned()]).unwrap();
    params.custom_extensions = vec![rcgen::CustomExtension::new_acme_identifier(
        &Sha256::digest(key_authorization.as_bytes()),
    )];
    let key = rcgen::KeyPair::generate().unwrap();
    params.self_signed(&key).unwrap().der().to_vec()
}

#[tokio::test]
async fn tls_alpn_01_is_offered_for_a_host_and_passes_only_with_the_right_certificate() {
    let w = world(true).await;
    let mut c = Client::new(&w);
    c.register(&w).await;
    let alpn_challenge = async |c: &Client, name: &str| -> Value {
        let (_, order) = c.order(&[name]).await;
        let authz = c
            .post(order["authorizations"][0].as_str().unwrap(), None)
            .await
            .json();
        let kinds: Vec<&str> = authz["challenges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|ch| ch["type"].as_str().unwrap())
            .collect();
        assert_eq!(
            kinds,
            ["http-01", "dns-01", "tls-alpn-01", "dns-persist-01"]
        );
        authz["challenges"][2].clone()
    };

    // Nothing listening: a connection error.
    let closed = alpn_challenge(&c, "closed.example.com").await;
    let failed = c
        .post(closed["url"].as_str().unwrap(), Some(json!({})))
        .await
        .json();
    assert_eq!(failed["status"], "invalid");
    assert_eq!(
        failed["error"]["type"],
        "urn:ietf:params:acme:error:connection"
    );

    // A certificate with another key authorization's digest: an incorrect response.
    let wrong = alpn_challenge(&c, "wrong.example.com").await;
    w.http.publish_tls_alpn(
        "wrong.example.com",
        tls_alpn_certificate("wrong.example.com", "someone.else"),
    );
    let failed = c
        .post(wrong["url"].as_str().unwrap(), Some(json!({})))
        .await
        .json();
    assert_eq!(
        failed["error"]["type"],
        "urn:ietf:params:acme:error:incorrectResponse"
    );

    // The right certificate validates the name and readies the order.
    let right = alpn_challenge(&c, "alpn.example.com").await;
    let token = right["token"].as_str().unwrap();
    w.http.publish_tls_alpn(
        "alpn.example.com",
        tls_alpn_certificate("alpn.example.com", &c.key_authorization(token)),
    );
    let passed = c
        .post(right["url"].as_str().unwrap(), Some(json!({})))
        .await
        .json();
    assert_eq!(passed["status"], "valid", "{passed:?}");
    let (_, again) = c.order(&["alpn.example.com"]).await;
    assert_eq!(again["status"], "ready", "the validation is reused");
}

#[tokio::test]
async fn without_binding_or_with_a_bad_one_no_account_is_made() {
    let w = world(true).await;
    let c = Client::new(&w);
    let url = format!("{BASE}/new-account");
    let none = c
        .post(&url, Some(json!({"termsOfServiceAgreed": true})))
        .await;
    assert_eq!(none.problem(), "externalAccountRequired");
    let eab = w.credential(w.product_id).await;
    let wrong_key = hmac_jws(
        json!({"alg": "HS256", "kid": eab.key_id, "url": url}),
        &c.key.jwk(),
        b"not the key",
    );
    let bad = c
        .post(&url, Some(json!({"externalAccountBinding": wrong_key})))
        .await;
    assert_eq!(bad.problem(), "unauthorized");
    let existing = c
        .post(&url, Some(json!({"onlyReturnExisting": true})))
        .await;
    assert_eq!(existing.problem(), "accountDoesNotExist");
    assert_eq!(counts(&w).await, (0, 0));
    assert!(
        w.acme.list_eab(&w.admin).await.unwrap()[0]
            .bound_at
            .is_none()
    );
}

#[tokio::test]
async fn a_binding_key_binds_one_account_and_a_revoked_one_none() {
    let w = world(true).await;
    let mut first = Client::new(&w);
    first.register(&w).await;
    let again = first
        .post(
            &format!("{BASE}/new-account"),
            Some(json!({"onlyReturnExisting": true})),
        )
        .await;
    assert_eq!(
        again.problem(),
        "malformed",
        "newAccount is signed with jwk, not kid"
    );
    let known = Client {
        app: first.app.clone(),
        key: first.key_clone(),
        kid: None,
        from: None,
    };
    let found = known
        .post(
            &format!("{BASE}/new-account"),
            Some(json!({"onlyReturnExisting": true})),
        )
        .await;
    assert_eq!(
        found.status,
        StatusCode::OK,
        "a known key finds its account"
    );
    assert_eq!(Some(found.location()), first.kid);
    let c2 = Client {
        app: first.app.clone(),
        key: TestKey::new(),
        kid: None,
        from: None,
    };
    let eab = w.credential(w.product_id).await;
    w.acme.revoke_eab(&w.admin, eab.id).await.unwrap();
    let url = format!("{BASE}/new-account");
    let secret = base64::Engine::decode(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        &eab.hmac_key,
    )
    .unwrap();
    let binding = hmac_jws(
        json!({"alg": "HS256", "kid": eab.key_id, "url": url}),
        &c2.key.jwk(),
        &secret,
    );
    let r = c2
        .post(&url, Some(json!({"externalAccountBinding": binding})))
        .await;
    assert_eq!(r.problem(), "unauthorized");
    assert_eq!(counts(&w).await.0, 1);
}

#[tokio::test]
async fn bad_requests_get_their_error_type_and_change_nothing() {
    let w = world(true).await;
    let mut c = Client::new(&w);
    c.register(&w).await;
    let url = format!("{BASE}/new-order");
    let identifiers = json!({"identifiers": [{"type": "dns", "value": "www.example.com"}]});
    let before = counts(&w).await;

    let malformed = c.raw(&url, b"this is not a JWS".to_vec()).await;
    assert_eq!(malformed.problem(), "malformed");
    assert_eq!(
        malformed.headers["content-type"],
        "application/problem+json"
    );
    assert!(malformed.headers.contains_key("replay-nonce"));

    let nonce = c.nonce().await;
    let signed = c.key.sign(c.header(&url, &nonce), Some(&identifiers));
    let first = c.raw(&url, signed.to_string().into_bytes()).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let replay = c.raw(&url, signed.to_string().into_bytes()).await;
    assert_eq!(replay.problem(), "badNonce");
    let made_up = c.key.sign(c.header(&url, "bm9ub25jZQ"), Some(&identifiers));
    assert_eq!(
        c.raw(&url, made_up.to_string().into_bytes())
            .await
            .problem(),
        "badNonce"
    );

    let nonce = c.nonce().await;
    let elsewhere = c.key.sign(
        c.header(&format!("{BASE}/new-account"), &nonce),
        Some(&identifiers),
    );
    assert_eq!(
        c.raw(&url, elsewhere.to_string().into_bytes())
            .await
            .problem(),
        "unauthorized"
    );

    let stranger = Client {
        app: c.app.clone(),
        key: TestKey::new(),
        kid: Some(format!("{BASE}/account/999")),
        from: None,
    };
    assert_eq!(
        stranger
            .post(&url, Some(identifiers.clone()))
            .await
            .problem(),
        "accountDoesNotExist"
    );

    let forger = Client {
        app: c.app.clone(),
        key: TestKey::new(),
        kid: c.kid.clone(),
        from: None,
    };
    assert_eq!(
        forger.post(&url, Some(identifiers.clone())).await.problem(),
        "malformed"
    );

    let nonce = c.nonce().await;
    let mut hs = c.header(&url, &nonce);
    hs["alg"] = json!("HS256");
    let wrong_alg = c.key.sign(hs, Some(&identifiers));
    assert_eq!(
        c.raw(&url, wrong_alg.to_string().into_bytes())
            .await
            .problem(),
        "badSignatureAlgorithm"
    );

    let internal = c
        .post(
            &url,
            Some(json!({"identifiers": [{"type": "dns", "value": "db.internal"}]})),
        )
        .await;
    assert_eq!(internal.problem(), "rejectedIdentifier");
    let ip = c
        .post(
            &url,
            Some(json!({"identifiers": [{"type": "ip", "value": "192.0.2.1"}]})),
        )
        .await;
    assert_eq!(ip.problem(), "rejectedIdentifier");

    let after = counts(&w).await;
    assert_eq!(
        after,
        (before.0, before.1 + 1),
        "only the one good order was made"
    );
}

#[tokio::test]
async fn another_accounts_order_is_not_found_and_not_ready_orders_cannot_be_finalized() {
    let w = world(true).await;
    let mut a = Client::new(&w);
    a.register(&w).await;
    let (order_url, order) = a.order(&["www.example.com"]).await;
    let (csr, _d) = csr_der(&["www.example.com"]);
    let early = a
        .post(
            order["finalize"].as_str().unwrap(),
            Some(json!({"csr": csr})),
        )
        .await;
    assert_eq!(early.problem(), "orderNotReady");
    let mut b = Client::new(&w);
    b.register(&w).await;
    let theirs = b.post(&order_url, None).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    let authz = b
        .post(order["authorizations"][0].as_str().unwrap(), None)
        .await;
    assert_eq!(authz.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_account_rolls_over_its_key_and_deactivates() {
    let w = world(true).await;
    let mut c = Client::new(&w);
    c.register(&w).await;
    let account_url = c.kid.clone().unwrap();
    let next = TestKey::new();
    let url = format!("{BASE}/key-change");
    let inner = next.sign(
        json!({"alg": "ES256", "jwk": next.jwk(), "url": url}),
        Some(&json!({"account": account_url, "oldKey": c.key.jwk()})),
    );
    let r = c.post(&url, Some(inner)).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    // The old key signs no more; the new one does.
    assert_eq!(c.post(&account_url, None).await.problem(), "malformed");
    c.key = next;
    assert_eq!(c.post(&account_url, None).await.json()["status"], "valid");

    let off = c
        .post(&account_url, Some(json!({"status": "deactivated"})))
        .await;
    assert_eq!(off.json()["status"], "deactivated");
    let after = c
        .post(
            &format!("{BASE}/new-order"),
            Some(json!({"identifiers": [{"type": "dns", "value": "www.example.com"}]})),
        )
        .await;
    assert_eq!(after.problem(), "unauthorized");
}

/// Registers, orders `name`, answers HTTP-01 and finalizes; the leaf's DER and the portal
/// order's id.
async fn issue(w: &World, c: &mut Client, name: &str) -> (Vec<u8>, i32) {
    let (order_url, done) = finalize_by_http_01(w, c, name).await;
    assert_eq!(done["status"], "valid", "{done:?}");
    let pem = String::from_utf8(
        c.post(done["certificate"].as_str().unwrap(), None)
            .await
            .body,
    )
    .unwrap();
    let leaf = pem.split("-----END CERTIFICATE-----").next().unwrap();
    let body: String = leaf.lines().filter(|l| !l.starts_with("-----")).collect();
    let der =
        base64::Engine::decode(&base64::engine::general_purpose::STANDARD, body.trim()).unwrap();
    let order_id = acme_order(w, c, &order_url).await.order_id;
    (der, order_id)
}

/// The challenge of type `kind` in an authorization object.
fn challenge_of(authz: &Value, kind: &str) -> Value {
    authz["challenges"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|ch| ch["type"] == kind)
        .cloned()
        .unwrap_or_else(|| panic!("no {kind} challenge in {authz}"))
}

/// Orders `name`, answers its HTTP-01 challenge and finalizes: the order's URL and the
/// finalize answer.
async fn finalize_by_http_01(w: &World, c: &mut Client, name: &str) -> (String, Value) {
    if c.kid.is_none() {
        c.register(w).await;
    }
    let (order_url, order) = c.order(&[name]).await;
    let authz = c
        .post(order["authorizations"][0].as_str().unwrap(), None)
        .await
        .json();
    let http = challenge_of(&authz, "http-01");
    let token = http["token"].as_str().unwrap();
    w.http
        .publish_acme(name, token, &c.key_authorization(token));
    c.post(http["url"].as_str().unwrap(), Some(json!({}))).await;
    let (csr, _d) = csr_der(&[name]);
    let done = c
        .post(
            order["finalize"].as_str().unwrap(),
            Some(json!({"csr": csr})),
        )
        .await
        .json();
    (order_url, done)
}

#[tokio::test]
async fn caa_accounturi_and_validationmethods_bind_issuance_to_the_acme_account_and_challenge() {
    let w = world(true).await;
    let mut c = Client::new(&w);
    c.register(&w).await;
    let kid = c.kid.clone().unwrap();
    let id: i32 = kid.rsplit('/').next().unwrap().parse().unwrap();
    // The services name the account by the URL the ACME router gives it; this test's router
    // is served under another host than the services' public URL, so compare paths.
    let ours = crate::domain::caa::acme_account_uri("http://portal.test", id);
    assert_eq!(ours.trim_start_matches("http://portal.test"), path_of(&kid));
    w.dns.add_caa(
        "bound.example.com",
        false,
        "issue",
        &format!("rootline.test; accounturi={ours}; validationmethods=http-01"),
    );
    issue(&w, &mut c, "bound.example.com").await;

    for (name, value) in [
        (
            "other-account.example.com",
            format!("rootline.test; accounturi={ours}0"),
        ),
        (
            "dns-only.example.com",
            "rootline.test; validationmethods=dns-01".to_owned(),
        ),
    ] {
        w.dns.add_caa(name, false, "issue", &value);
        let (order_url, done) = finalize_by_http_01(&w, &mut c, name).await;
        assert_ne!(done["status"], "valid", "{value}: {done:?}");
        let order_id = acme_order(&w, &c, &order_url).await.order_id;
        let row = orders::get(&w.h.store, w.admin.account.id, order_id)
            .await
            .unwrap()
            .unwrap();
        let why = row.issue_error.unwrap_or_default();
        assert!(why.contains("CAA"), "{value}: {why}");
    }
}

/// The stored ACME order behind an order URL of the client's account.
async fn acme_order(w: &World, c: &Client, order_url: &str) -> acme_store::AcmeOrderRow {
    let last = |url: &str| -> i32 { url.rsplit('/').next().unwrap().parse().unwrap() };
    acme_store::order(&w.h.store, last(c.kid.as_deref().unwrap()), last(order_url))
        .await
        .unwrap()
        .unwrap()
}

async fn renewal_info(c: &Client, cert_id: &str) -> Reply {
    send(
        &c.app,
        Request::get(format!("/acme/renewal-info/{cert_id}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

fn window(r: &Reply) -> (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) {
    let w = &r.json()["suggestedWindow"];
    let at = |k: &str| {
        chrono::DateTime::parse_from_rfc3339(w[k].as_str().unwrap())
            .unwrap()
            .to_utc()
    };
    (at("start"), at("end"))
}

#[tokio::test]
async fn renewal_info_suggests_the_last_third_and_moves_to_now_after_renew_early() {
    use crate::ports::Clock;
    let w = world(true).await;
    let mut c = Client::new(&w);
    let d = send(
        &c.app,
        Request::get("/acme/directory").body(Body::empty()).unwrap(),
    )
    .await
    .json();
    assert_eq!(d["renewalInfo"], format!("{BASE}/renewal-info"));
    let (der, order_id) = issue(&w, &mut c, "www.example.com").await;
    let cert_id = crate::services::acme::cert_id_of(&der).unwrap();
    let (_, parsed) = x509_parser::parse_x509_certificate(&der).unwrap();
    let not_before = parsed.validity().not_before.timestamp();
    let not_after = parsed.validity().not_after.timestamp();
    let lifetime = not_after - not_before;

    let r = renewal_info(&c, &cert_id).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(r.headers["retry-after"], "21600");
    let (start, end) = window(&r);
    assert_eq!(start.timestamp(), not_before + lifetime * 2 / 3);
    assert_eq!(end.timestamp(), not_before + lifetime * 5 / 6);
    assert!(end.timestamp() < not_after);

    // Unknown serial, another issuer's key identifier, and no certID at all.
    let (aki, serial) = cert_id.split_once('.').unwrap();
    for unknown in [
        format!("{aki}.{}", b64(&[0x01, 0x02, 0x03])),
        format!("{}.{serial}", b64(b"another issuer key id")),
    ] {
        let r = renewal_info(&c, &unknown).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{unknown}");
        assert_eq!(r.problem(), "malformed");
    }
    assert_eq!(renewal_info(&c, "no-dot").await.problem(), "malformed");

    // The order page offers the action to the administrator.
    let view = w.orders.order_view(&w.admin, order_id).await.unwrap();
    assert!(view.can_renew_early && view.renewal_marked.is_none());

    // The administrator marks it: the window starts now (already open) and ends soon.
    let now = w.h.clock.now();
    assert!(w.acme.renew_early(&w.admin, order_id).await.unwrap());
    let view = w.orders.order_view(&w.admin, order_id).await.unwrap();
    assert!(!view.can_renew_early, "marked once");
    assert_eq!(view.renewal_marked, Some(app::model::Moment::from(now)));
    assert!(
        view.events
            .iter()
            .any(|e| e.action == "Marked for early renewal"),
        "{:?}",
        view.events
    );
    assert!(
        !w.acme.renew_early(&w.admin, order_id).await.unwrap(),
        "a second mark keeps the first"
    );
    w.h.clock.advance(chrono::Duration::minutes(5));
    let (start, end) = window(&renewal_info(&c, &cert_id).await);
    assert_eq!(start.timestamp(), now.timestamp());
    assert!(
        start < w.h.clock.now() && w.h.clock.now() < end,
        "{start} {end}"
    );
    assert_eq!(end - start, chrono::Duration::hours(1));
}

#[tokio::test]
async fn the_operator_marks_by_serial_and_another_account_can_neither_mark_nor_replace() {
    let w = world(true).await;
    let mut c = Client::new(&w);
    let (der, order_id) = issue(&w, &mut c, "www.example.com").await;
    let cert_id = crate::services::acme::cert_id_of(&der).unwrap();
    let before = window(&renewal_info(&c, &cert_id).await);

    // An administrator of another account: as if the order did not exist, and nothing moves.
    let other =
        crate::services::catalog::test_support::administrator(&w.h, "omar@other.example").await;
    assert!(matches!(
        w.acme.renew_early(&other, order_id).await,
        Err(crate::services::acme::AcmeError::NotFound)
    ));
    assert_eq!(window(&renewal_info(&c, &cert_id).await), before);

    // Their ACME account cannot say its order replaces this certificate.
    let theirs = w
        .acme
        .create_eab(
            &other,
            &crate::services::acme::NewCredential {
                user_email: "omar@other.example",
                group_id: None,
                product_id: w.product_id,
                tags: "",
                organization_id: None,
            },
        )
        .await
        .unwrap();
    let mut stranger = Client::new(&w);
    stranger.register_with(theirs).await;
    let refused = stranger
        .post(
            &format!("{BASE}/new-order"),
            Some(json!({"identifiers": [{"type": "dns", "value": "www.example.com"}], "replaces": cert_id})),
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(refused.problem(), "malformed");
    assert!(
        refused.json()["detail"]
            .as_str()
            .unwrap()
            .contains("not a certificate of this account")
    );

    // The owner's own renewal names it, and the order records it.
    let renewal = c
        .post(
            &format!("{BASE}/new-order"),
            Some(json!({"identifiers": [{"type": "dns", "value": "www.example.com"}], "replaces": cert_id})),
        )
        .await;
    assert_eq!(
        renewal.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&renewal.body)
    );
    let stored = acme_order(&w, &c, &renewal.location()).await;
    assert_eq!(stored.replaces.as_deref(), Some(cert_id.as_str()));
    assert_eq!(renewal.json()["replaces"], cert_id.as_str(), "echoed");

    // While that renewal lives, another is refused (RFC 9773 alreadyReplaced), and one that
    // shares no name with the certificate is malformed; neither places an order.
    let kid: i32 = c
        .kid
        .as_deref()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let orders_before = acme_store::orders_of_account(&w.h.store, kid)
        .await
        .unwrap()
        .len();
    let again = c
        .post(
            &format!("{BASE}/new-order"),
            Some(json!({"identifiers": [{"type": "dns", "value": "www.example.com"}], "replaces": cert_id})),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.problem(), "alreadyReplaced");
    let unrelated = c
        .post(
            &format!("{BASE}/new-order"),
            Some(json!({"identifiers": [{"type": "dns", "value": "api.example.com"}], "replaces": cert_id})),
        )
        .await;
    assert_eq!(unrelated.status, StatusCode::BAD_REQUEST);
    assert_eq!(unrelated.problem(), "malformed");
    assert!(
        unrelated.json()["detail"]
            .as_str()
            .unwrap()
            .contains("shares no name")
    );
    assert_eq!(
        acme_store::orders_of_account(&w.h.store, kid)
            .await
            .unwrap()
            .len(),
        orders_before
    );

    // The operator's command line marks it by serial (hex, colons allowed).
    let serial = x509_parser::parse_x509_certificate(&der)
        .unwrap()
        .1
        .tbs_certificate
        .raw_serial_as_string();
    assert!(
        w.acme
            .renew_early_by_serial(&serial.to_uppercase())
            .await
            .unwrap()
    );
    let (start, _) = window(&renewal_info(&c, &cert_id).await);
    assert!(start < before.0);
    assert!(matches!(
        w.acme.renew_early_by_serial("00ff").await,
        Err(crate::services::acme::AcmeError::Malformed(_))
    ));
}

#[tokio::test]
async fn only_acme_orders_with_a_live_certificate_can_be_renewed_early_and_by_approvers() {
    let w = world(true).await;
    let mut c = Client::new(&w);
    let (_, order_id) = issue(&w, &mut c, "www.example.com").await;
    let mut requester = w.admin.clone();
    requester
        .permissions
        .retain(|p| *p != app::model::Permission::ApproveOrders);
    assert!(matches!(
        w.acme.renew_early(&requester, order_id).await,
        Err(crate::services::acme::AcmeError::Unauthorized(_))
    ));
    w.h.store
        .execute_raw(&format!(
            "UPDATE orders SET source = 'Portal' WHERE id = {order_id}"
        ))
        .await
        .unwrap();
    assert!(matches!(
        w.acme.renew_early(&w.admin, order_id).await,
        Err(crate::services::acme::AcmeError::Malformed(_))
    ));
    let certificate_id = orders::get(&w.h.store, w.admin.account.id, order_id)
        .await
        .unwrap()
        .unwrap()
        .certificate_id
        .unwrap();
    assert!(
        crate::store::acme_renewal::mark(&w.h.store, certificate_id)
            .await
            .unwrap()
            .is_none()
    );
}

/// A credential of the administrator's account for the member with `email`.
async fn credential_for(w: &World, email: &str) -> crate::services::acme::EabCreated {
    w.acme
        .create_eab(
            &w.admin,
            &crate::services::acme::NewCredential {
                user_email: email,
                group_id: None,
                product_id: w.product_id,
                tags: "",
                organization_id: None,
            },
        )
        .await
        .unwrap()
}

async fn revoke(c: &Client, der: &[u8]) -> Reply {
    c.post(
        &format!("{BASE}/revoke-cert"),
        Some(json!({"certificate": b64(der), "reason": 4})),
    )
    .await
}

async fn is_revoked(w: &World, order_id: i32) -> bool {
    let order = orders::get(&w.h.store, w.admin.account.id, order_id)
        .await
        .unwrap()
        .unwrap();
    crate::store::certificates::find_by_id(&w.h.store, order.certificate_id.unwrap())
        .await
        .unwrap()
        .unwrap()
        .revoked_at
        .is_some()
}

#[tokio::test]
async fn a_basic_users_acme_account_cannot_revoke_an_administrators_certificate() {
    let w = world(true).await;
    let mut owner = Client::new(&w);
    let (der, order_id) = issue(&w, &mut owner, "www.example.com").await;
    crate::services::api_keys::test_support::member(
        &w.h,
        &w.admin,
        "bob@acme.example",
        "basic_user",
    )
    .await;
    let mut basic = Client::new(&w);
    basic
        .register_with(credential_for(&w, "bob@acme.example").await)
        .await;

    let refused = revoke(&basic, &der).await;
    assert_eq!(refused.problem(), "unauthorized", "{:?}", refused.json());
    assert!(!is_revoked(&w, order_id).await);

    // The administrator's own ACME account may, and the audit log names her.
    let done = revoke(&owner, &der).await;
    assert_eq!(
        done.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&done.body)
    );
    assert!(is_revoked(&w, order_id).await);
    let entries = crate::store::audit::for_account(&w.h.store, w.admin.account.id)
        .await
        .unwrap();
    let entry = entries
        .iter()
        .find(|e| e.action == "certificate_revoked")
        .expect("an audit entry for the revocation");
    assert_eq!(entry.user_id, Some(w.admin.user.id));
    assert!(
        entry.summary.contains(&format!("order #{order_id}")),
        "{}",
        entry.summary
    );
}

#[tokio::test]
async fn a_deactivated_users_acme_account_cannot_revoke_even_its_own_certificate() {
    let w = world(true).await;
    let sam = crate::services::api_keys::test_support::member(
        &w.h,
        &w.admin,
        "sam@acme.example",
        "manager",
    )
    .await;
    let mut c = Client::new(&w);
    c.register_with(credential_for(&w, "sam@acme.example").await)
        .await;
    let (der, order_id) = issue(&w, &mut c, "sam.example.com").await;
    crate::services::access::AccessService::for_harness(&w.h)
        .deactivate_user(&w.admin, sam.membership.id, None)
        .await
        .unwrap();
    let refused = revoke(&c, &der).await;
    assert_eq!(refused.problem(), "unauthorized", "{:?}", refused.json());
    assert!(!is_revoked(&w, order_id).await);
}

#[tokio::test]
async fn ip_restrictions_refuse_acme_requests_from_a_forbidden_address() {
    let w = world(true).await;
    crate::services::access::AccessService::for_harness(&w.h)
        .add_ip_rule(
            &w.admin,
            &app::model::ip_rules::IpRuleForm {
                start: "10.0.0.0".into(),
                end: "10.255.255.255".into(),
                description: "Office".into(),
                confirm_lockout: true,
                ..Default::default()
            },
            "10.0.0.1".parse().unwrap(),
        )
        .await
        .unwrap();
    let forbidden: std::net::SocketAddr = "192.0.2.7:40000".parse().unwrap();
    let allowed: std::net::SocketAddr = "10.1.2.3:40000".parse().unwrap();
    let eab = w.credential(w.product_id).await;
    let mut c = Client::new(&w);

    c.from = Some(forbidden);
    let refused = c.try_register_with(&eab).await;
    assert_eq!(refused.problem(), "unauthorized", "{:?}", refused.json());
    assert!(
        refused.json()["detail"]
            .as_str()
            .unwrap()
            .contains("192.0.2.7"),
        "{:?}",
        refused.json()
    );
    assert_eq!(counts(&w).await, (0, 0), "no account was made");

    // The refused attempt did not use up the binding: from the office it registers.
    c.from = Some(allowed);
    c.register_with(eab).await;

    c.from = Some(forbidden);
    let order = c
        .post(
            &format!("{BASE}/new-order"),
            Some(json!({"identifiers": [{"type": "dns", "value": "www.example.com"}]})),
        )
        .await;
    assert_eq!(order.problem(), "unauthorized", "{:?}", order.json());
    assert_eq!(counts(&w).await, (1, 0), "nothing was ordered");
    let portal = w
        .orders
        .orders_page(&w.admin, &Default::default())
        .await
        .unwrap();
    assert_eq!(portal.total, 0, "nothing was placed or charged");

    c.from = Some(allowed);
    let (order_url, _) = c.order(&["www.example.com"]).await;
    assert_eq!(counts(&w).await, (1, 1));

    // Every request that acts for the account is refused from there, reads included.
    c.from = Some(forbidden);
    let read = c.post(&order_url, None).await;
    assert_eq!(read.problem(), "unauthorized", "{:?}", read.json());
}

/// An organization of the administrator's account, verified OV for 398 days.
async fn verified_organization(w: &World) -> app::model::OrganizationId {
    use app::model::{AccountId, OrganizationId, organizations::OrganizationStatus};
    let now = crate::ports::Clock::now(w.h.clock.as_ref());
    let account = AccountId(w.admin.account.id);
    let valid =
        crate::services::orders::test_support::organization_form("Acme Widgets Private Limited")
            .validate()
            .unwrap();
    let row = crate::store::organizations::insert(
        &w.h.store,
        account,
        &valid,
        w.admin.user.id.into(),
        now,
    )
    .await
    .unwrap();
    let id = OrganizationId(row.id);
    crate::store::organizations::set_status(
        &w.h.store,
        account,
        id,
        OrganizationStatus::VerifiedOv,
        None,
        now,
    )
    .await
    .unwrap();
    crate::store::organizations::set_verified_until(
        &w.h.store,
        id,
        Some(now + chrono::Duration::days(398)),
    )
    .await
    .unwrap();
    id
}

#[tokio::test]
async fn a_credential_bound_to_a_verified_organization_orders_ov_certificates_naming_it() {
    let w = world(true).await;
    let organization = verified_organization(&w).await;
    let ov = crate::services::catalog::CatalogService::for_harness(&w.h)
        .offers(&w.admin, "USD")
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.kind == app::model::products::ProductKind::OvSingle)
        .unwrap()
        .id;
    let credential = |product_id, organization_id| crate::services::acme::NewCredential {
        user_email: "asha@acme.example",
        group_id: None,
        product_id,
        tags: "",
        organization_id,
    };
    // An OV product without an organization, and a DV product with one, bind nothing.
    for refused in [
        credential(ov, None),
        credential(w.product_id, Some(organization)),
    ] {
        let e = w.acme.create_eab(&w.admin, &refused).await;
        assert!(
            matches!(
                &e,
                Err(crate::services::acme::AcmeError::InvalidField {
                    field: "organization",
                    ..
                })
            ),
            "{e:?}"
        );
    }
    let made = w
        .acme
        .create_eab(&w.admin, &credential(ov, Some(organization)))
        .await
        .unwrap();
    let mut c = Client::new(&w);
    c.register_with(made).await;
    let (der, order_id) = issue(&w, &mut c, "www.example.com").await;
    use x509_parser::prelude::{FromDer, X509Certificate};
    let (_, cert) = X509Certificate::from_der(&der).unwrap();
    let subject = cert.subject().to_string();
    assert!(
        subject.contains("O=Acme Widgets Private Limited") && subject.contains("L=Bengaluru"),
        "{subject}"
    );
    let order = orders::get(&w.h.store, w.admin.account.id, order_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        *order.product_kind,
        app::model::products::ProductKind::OvSingle
    );
    assert_eq!(order.organization_id, Some(organization.get()));
}

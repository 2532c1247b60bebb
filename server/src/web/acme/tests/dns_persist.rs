//! dns-persist-01 through the ACME router (draft-ietf-acme-dns-persist, TLS BR 3.2.2.4.22):
//! the challenge object names this CA's issuer domain names and carries no token; a record
//! naming the account's URL validates the name for 10 days, recorded as ACME dns-persist-01;
//! another account's record does not; a wildcard needs `policy=wildcard`, which then covers
//! the sub-domains too.

use super::*;
use crate::store::domains;

/// The dns-persist-01 challenge of the first authorization of `order`.
async fn persist_challenge(c: &Client, order: &Value) -> Value {
    let authz = c
        .post(order["authorizations"][0].as_str().unwrap(), None)
        .await
        .json();
    challenge_of(&authz, "dns-persist-01")
}

/// The URI the account's records must name: its account URL under the services' public URL
/// (the router in these tests answers under another host, see the CAA test).
fn account_uri(c: &Client) -> String {
    let kid = c.kid.clone().unwrap();
    let id: i32 = kid.rsplit('/').next().unwrap().parse().unwrap();
    crate::domain::caa::acme_account_uri("http://portal.test", id)
}

async fn answer(c: &Client, challenge: &Value) -> Value {
    c.post(challenge["url"].as_str().unwrap(), Some(json!({})))
        .await
        .json()
}

#[tokio::test]
async fn dns_persist_01_validates_for_ten_days_by_the_accounts_record_and_issues() {
    let w = world(true).await;
    let mut c = Client::new(&w);
    c.register(&w).await;
    let directory = send(
        &c.app,
        Request::get("/acme/directory").body(Body::empty()).unwrap(),
    )
    .await
    .json();
    let issuers = directory["meta"]["issuerDomainNames"].clone();
    assert_eq!(issuers, json!(["portal.test"]));

    let (_, order) = c.order(&["persist.example.org"]).await;
    let challenge = persist_challenge(&c, &order).await;
    assert_eq!(challenge["status"], "pending");
    assert_eq!(challenge.get("token"), None, "{challenge}");
    assert_eq!(challenge["issuerDomainNames"], issuers);
    assert_eq!(challenge["issuer-domain-names"], issuers);
    let issuer = issuers[0].as_str().unwrap();
    let ours = account_uri(&c);
    w.dns.add_txt(
        "_validation-persist.persist.example.org",
        &format!("ca.other; accounturi={ours}"),
    );
    w.dns.add_txt(
        "_validation-persist.persist.example.org",
        &format!("{issuer}; accounturi={ours}"),
    );
    let answered = answer(&c, &challenge).await;
    assert_eq!(answered["status"], "valid", "{answered}");

    // Recorded as the method of BR 3.2.2.4.22 by its ACME label, for 10 days.
    let account = w.admin.account.id;
    let row = domains::by_name(&w.h.store, account, "persist.example.org")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        row.rule.as_deref(),
        Some("TLS BR 3.2.2.4.22 (ACME DNS-PERSIST-01)")
    );
    assert_eq!(
        row.dcv_expires_at,
        row.verified_at.map(|at| at + chrono::Duration::days(10))
    );
    let audit = crate::store::audit::for_account(&w.h.store, account)
        .await
        .unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a.action == "domain_validated" && a.summary.contains("ACME dns-persist-01")),
        "{audit:?}"
    );
    let (csr, _d) = csr_der(&["persist.example.org"]);
    let done = c
        .post(
            order["finalize"].as_str().unwrap(),
            Some(json!({"csr": csr})),
        )
        .await
        .json();
    assert_eq!(done["status"], "valid", "{done}");

    // Without policy=wildcard the record covers the name only.
    let (_, sub) = c.order(&["www.persist.example.org"]).await;
    assert_eq!(sub["status"], "pending", "{sub}");
}

#[tokio::test]
async fn another_accounts_record_fails_the_challenge() {
    let w = world(true).await;
    let mut c = Client::new(&w);
    c.register(&w).await;
    let (_, order) = c.order(&["taken.example.org"]).await;
    let challenge = persist_challenge(&c, &order).await;
    let issuer = challenge["issuerDomainNames"][0]
        .as_str()
        .unwrap()
        .to_owned();
    w.dns.add_txt(
        "_validation-persist.taken.example.org",
        &format!("{issuer}; accounturi={}0", account_uri(&c)),
    );
    let answered = answer(&c, &challenge).await;
    assert_eq!(answered["status"], "invalid", "{answered}");
    assert_eq!(
        answered["error"]["type"],
        "urn:ietf:params:acme:error:unauthorized"
    );
    let detail = answered["error"]["detail"].as_str().unwrap();
    assert!(detail.contains("another account"), "{detail}");
    let row = domains::by_name(&w.h.store, w.admin.account.id, "taken.example.org")
        .await
        .unwrap();
    assert!(row.is_none_or(|r| r.verified_at.is_none()));
}

#[tokio::test]
async fn a_wildcard_needs_policy_wildcard_which_then_covers_sub_domains() {
    let w = world(true).await;
    let wildcard_product = crate::services::catalog::CatalogService::for_harness(&w.h)
        .offers(&w.admin, "USD")
        .await
        .unwrap()
        .iter()
        .find(|o| o.kind == app::model::products::ProductKind::DvWildcard)
        .unwrap()
        .id;
    let mut c = Client::new(&w);
    c.register_with(w.credential(wildcard_product).await).await;
    let (_, order) = c.order(&["*.wild.example.org"]).await;
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
    assert_eq!(kinds, ["dns-01", "dns-persist-01"]);
    let challenge = persist_challenge(&c, &order).await;
    let issuer = challenge["issuerDomainNames"][0]
        .as_str()
        .unwrap()
        .to_owned();
    let ours = account_uri(&c);
    w.dns.add_txt(
        "_validation-persist.wild.example.org",
        &format!("{issuer}; accounturi={ours}"),
    );
    let narrow = answer(&c, &challenge).await;
    assert_eq!(narrow["status"], "invalid", "{narrow}");
    assert!(
        narrow["error"]["detail"]
            .as_str()
            .unwrap()
            .contains("policy=wildcard"),
        "{narrow}"
    );

    w.dns.add_txt(
        "_validation-persist.wild.example.org",
        &format!("{issuer}; accounturi={ours}; policy=wildcard"),
    );
    let (_, again) = c.order(&["*.wild.example.org"]).await;
    let challenge = persist_challenge(&c, &again).await;
    let answered = answer(&c, &challenge).await;
    assert_eq!(answered["status"], "valid", "{answered}");
    // The account's other ACME client, ordering single names, finds the sub-domain covered.
    let mut single = Client::new(&w);
    single.register(&w).await;
    let (_, sub) = single.order(&["shop.wild.example.org"]).await;
    assert_eq!(sub["status"], "ready", "{sub}");
}

#[tokio::test]
async fn an_authorization_by_a_record_with_persist_until_expires_no_later_than_it() {
    use crate::ports::Clock;
    let w = world(true).await;
    let mut c = Client::new(&w);
    c.register(&w).await;
    let (_, order) = c.order(&["until.example.org"]).await;
    let challenge = persist_challenge(&c, &order).await;
    let issuer = challenge["issuerDomainNames"][0]
        .as_str()
        .unwrap()
        .to_owned();
    // Two days ahead: sooner than the authorization's own expiry.
    let until = w.h.clock.now() + chrono::Duration::days(2);
    w.dns.add_txt(
        "_validation-persist.until.example.org",
        &format!(
            "{issuer}; accounturi={}; persistUntil={}",
            account_uri(&c),
            until.timestamp()
        ),
    );
    let answered = answer(&c, &challenge).await;
    assert_eq!(answered["status"], "valid", "{answered}");
    let authz = c
        .post(order["authorizations"][0].as_str().unwrap(), None)
        .await
        .json();
    let expires = chrono::DateTime::parse_from_rfc3339(authz["expires"].as_str().unwrap())
        .unwrap()
        .with_timezone(&chrono::Utc);
    assert_eq!(expires.timestamp(), until.timestamp(), "{authz}");
}

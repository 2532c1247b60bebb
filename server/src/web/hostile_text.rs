//! Stored XSS (penetration test finding 1): hostile text in every free-text field a user can
//! set, then every page fetched through the real router as the server renders it. Leptos does
//! not escape `<textarea>` and `<noscript>` children, so a remark rendered as
//! `<textarea>{remarks}</textarea>` closed the field and ran as markup.

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use tower::ServiceExt;

use super::{
    authorization_matrix::{app, call},
    cookies::SESSION_COOKIE,
};
use crate::{
    ports::Clock,
    services::{
        catalog::CatalogService,
        identity::test_support::{Harness, harness},
    },
    store::orders,
};

/// Closes a textarea, a noscript and an attribute, each followed by script.
const HOSTILE: &str = "</textarea></noscript><script>alert(1)</script><img src=x onerror=alert(1)>\"><svg onload=alert(1)>";

/// Hostile text that fits the shorter fields (a designation takes 64 characters, an employee
/// ID 32).
const HOSTILE_64: &str = "</textarea><img src=x onerror=alert(1)>";
const HOSTILE_32: &str = "\"><svg onload=alert(1)>";
/// For the shortest fields (a mobile number takes 20).
const HOSTILE_16: &str = "<svg onload=x>";

/// What must never reach a page unescaped: the markup the hostile text would inject.
const INJECTED: &[&str] = &[
    "<script>alert(1)",
    "<img src=x",
    "<svg onload",
    "</noscript><script",
];

fn form_value(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

async fn page(app: &axum::Router, path: &str, session: &str) -> (StatusCode, String) {
    page_in(app, path, session, "en").await
}

/// The page as a browser that asks for `lang` gets it: the translated templates put the same
/// hostile values into other sentences, which must escape them just the same.
async fn page_in(
    app: &axum::Router,
    path: &str,
    session: &str,
    lang: &str,
) -> (StatusCode, String) {
    let request = Request::get(path)
        .header(header::HOST, "portal.test")
        .header(header::ACCEPT, "text/html")
        .header(header::ACCEPT_LANGUAGE, lang)
        .header(header::COOKIE, format!("{SESSION_COOKIE}={session}"))
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 8 << 20)
        .await
        .unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

async fn operator(h: &Harness) -> String {
    h.signed_in_operator().await
}

/// Creates through the server functions what a user can make with free text in it, the text
/// hostile; a refusal is fine (the field does not take such text) and is printed.
async fn seed_through_the_forms(app: &axum::Router, asha: &str, ops: &str) {
    let x = form_value(HOSTILE);
    let x64 = form_value(HOSTILE_64);
    let x32 = form_value(HOSTILE_32);
    let modes = "modes%5B0%5D=required&modes%5B1%5D=off&modes%5B2%5D=off&modes%5B3%5D=off&modes%5B4%5D=off&modes%5B5%5D=off&modes%5B6%5D=required&modes%5B7%5D=off&modes%5B8%5D=off";
    let calls: Vec<(&str, String, &str)> = vec![
        (
            "/api/profile/update",
            format!("name={x}&mobile=%2B91+98450+12345&designation={x64}"),
            asha,
        ),
        (
            "/api/operator/multiple-groups",
            "account_id=1&enabled=yes".into(),
            ops,
        ),
        (
            "/api/groups/add",
            format!(
                "name=Engineering&description={x}&finance_mode=account&spend_limit=&renewal_emails="
            ),
            asha,
        ),
        (
            "/api/roles/add",
            format!("name=Auditor&description={x}&permissions%5B0%5D=view_reports"),
            asha,
        ),
        (
            "/api/settings/ip-rules/add",
            format!("user=&start=0.0.0.0&end=255.255.255.255&description={x}"),
            asha,
        ),
        (
            "/api/settings/rest-api/create",
            format!("user_id=1&description={x}"),
            asha,
        ),
        (
            "/api/users/add",
            format!(
                "name=New+User&email=new.user%40example.com&mobile=%2B91+98450+12345&designation={x64}&employee_id={x32}&role=basic_user&group_access=all"
            ),
            asha,
        ),
        (
            "/api/settings/private-cas/create",
            "name=Intranet".into(),
            asha,
        ),
        (
            "/api/settings/products/add",
            format!(
                "name=Private&ca=acct1-intranet&validity_days=90&template=Server+TLS&{modes}&checklist={x}"
            ),
            asha,
        ),
        (
            "/api/domains/add",
            "name=example.com&method=dns_txt".into(),
            asha,
        ),
        (
            "/api/settings/acme/create",
            format!("user=asha%40example.com&group=1&product=1&tags={x}"),
            asha,
        ),
        (
            "/api/operator/credits/grant",
            format!("account_id=1&amount=10&remarks={x}"),
            ops,
        ),
        (
            "/api/billing/bank-details",
            format!(
                "holder_name={x64}&bank_name={x64}&account_number=12345678&ifsc=&iban=DE89370400440532013000&bic=COBADEFFXXX"
            ),
            asha,
        ),
        (
            "/api/operator/legal/publish",
            format!("kind=terms&title={x}&body={x}"),
            ops,
        ),
        (
            "/api/operator/legal/publish",
            format!("kind=subscriber_agreement&title={x}&body={x}"),
            ops,
        ),
    ];
    for (path, body, session) in calls {
        let (status, answer) = call(app, path, &body, Some(session)).await;
        if !status.is_success() {
            eprintln!("{path} refused the hostile text: {status} {answer}");
        }
    }
}

/// Asha's draft order, with hostile remarks, names, extra recipients, history and delegate.
async fn seed_an_order(h: &Harness) -> i32 {
    let names = vec![HOSTILE.to_owned(), "www.example.com".to_owned()];
    let now = h.clock.now();
    let order = orders::insert(
        &h.store,
        orders::NewOrder {
            account_id: 1,
            group_id: 1,
            placed_by: 1,
            product_id: 1,
            product_name: HOSTILE,
            product_kind: app::model::products::ProductKind::DvSingle,
            profile: "tls-dv",
            private_ca: None,
            validity_days: 90,
            price_minor: 1000,
            currency: app::model::Currency::Usd,
            status: app::model::order_status::OrderStatus::OnHold,
            csr_pem: None,
            key_source: app::model::orders::KeySource::Later,
            requester_name: HOSTILE,
            requester_email: "asha@example.com",
            requester_phone: HOSTILE_32,
            tags: HOSTILE,
            remarks: HOSTILE,
            tech_name: HOSTILE,
            tech_email: "asha@example.com",
            extra_emails: HOSTILE,
            auto_renew: false,
            template_values: "[]",
            names: &names,
            source: app::model::orders::OrderSource::Portal,
            organization_id: None,
        },
        now,
    )
    .await
    .unwrap();
    orders::add_event(&h.store, order.id, HOSTILE, HOSTILE_64, HOSTILE, now)
        .await
        .unwrap();
    crate::store::delegates::insert(&h.store, order.id, HOSTILE, "delegate@example.com", now)
        .await
        .unwrap();
    order.id
}

/// Puts the hostile text in every free-text column of every row, whatever the forms accept:
/// the store takes any text, so the pages must escape whatever they find.
async fn seed_every_text_column(h: &Harness) {
    let text = HOSTILE.replace('\'', "''");
    let checklist = serde_json::to_string(&[HOSTILE])
        .unwrap()
        .replace('\'', "''");
    let columns: &[(&str, &[&str])] = &[
        ("accounts", &["name"]),
        ("users", &["name", "designation", "mobile", "employee_id"]),
        ("memberships", &["employee_id"]),
        ("invitations", &["employee_id"]),
        ("groups", &["name", "description"]),
        (
            "orders",
            &[
                "product_name",
                "requester_name",
                "requester_phone",
                "tags",
                "remarks",
                "tech_name",
                "extra_emails",
                "issue_error",
                "reason",
            ],
        ),
        ("order_names", &["name"]),
        ("order_events", &["actor", "detail"]),
        ("order_delegates", &["name"]),
        ("order_links", &["reason"]),
        ("products", &["name"]),
        ("custom_roles", &["name", "description"]),
        ("ip_rules", &["description"]),
        ("api_keys", &["description"]),
        ("acme_eab_credentials", &["tags"]),
        ("domains", &["last_error"]),
        ("credit_notes", &["remarks"]),
        ("ledger_transactions", &["memo"]),
        ("audit_events", &["summary"]),
        ("login_certificates", &["label", "subject", "issuer"]),
        ("passkeys", &["name"]),
    ];
    // PostgreSQL refuses text longer than a column's limit, so each column gets the longest
    // payload it takes (SQLite takes any).
    let payloads = [
        text,
        HOSTILE_64.replace('\'', "''"),
        HOSTILE_32.replace('\'', "''"),
        HOSTILE_16.to_owned(),
    ];
    for (table, cols) in columns {
        for col in *cols {
            let mut seeded = false;
            for payload in &payloads {
                // A group's name is unique in its account, which has two groups (its default
                // one and the one added above): each keeps the payload, told apart by its id.
                let value = if (*table, *col) == ("groups", "name") {
                    format!("'{payload}' || id")
                } else {
                    format!("'{payload}'")
                };
                let sql = format!("UPDATE {table} SET {col} = {value}");
                if h.store.execute_raw(&sql).await.is_ok() {
                    seeded = true;
                    break;
                }
            }
            assert!(seeded, "{table}.{col} takes none of the hostile payloads");
        }
    }
    h.store
        .execute_raw(&format!(
            "UPDATE products SET checklist = '{checklist}' WHERE account_id IS NOT NULL"
        ))
        .await
        .unwrap();
}

fn assert_escaped(path: &str, status: StatusCode, body: &str) {
    assert!(!status.is_server_error(), "{path}: {status} {body}");
    for injected in INJECTED {
        if let Some(at) = body.find(injected) {
            let from = at.saturating_sub(200);
            panic!(
                "{path}: the hostile text reached the page unescaped ({injected}): …{}…",
                &body[from..(at + 200).min(body.len())]
            );
        }
    }
}

#[tokio::test]
async fn every_page_renders_hostile_text_escaped() {
    let h = harness().await;
    let asha = h.signed_in("asha@example.com").await;
    let ops = operator(&h).await;
    let catalog = CatalogService::for_harness(&h);
    catalog.seed_public_products().await.unwrap();
    catalog.seed_smime_product().await.unwrap();
    let app = app(&h).await;
    seed_through_the_forms(&app, &asha, &ops).await;
    let order = seed_an_order(&h).await;
    seed_every_text_column(&h).await;
    // The order forms a browser without JavaScript posts are kept between its pages.
    let x = form_value(HOSTILE);
    let (wizard, smime) = (
        "hostilehostilehostilehostile0001",
        "hostilehostilehostilehostile0002",
    );
    for (path, body) in [
        (
            "/api/orders/wizard-step",
            format!(
                "form_token={wizard}&step=4&go=next&requester_name={x}&names={x}&tags={x}&remarks={x}&tech_name={x}&extra_emails={x}&delegate_name={x}&csr_pem={x}"
            ),
        ),
        (
            "/api/smime/order",
            format!(
                "form_token={smime}&requester_name={x}&certificate_email={x}&csr_source=paste&csr_pem={x}&remarks={x}"
            ),
        ),
    ] {
        let (status, answer) = call(&app, path, &body, Some(&asha)).await;
        println!("{path}: {status} {answer}");
    }

    let customer_pages = [
        "/".to_owned(),
        "/audit".into(),
        "/billing".into(),
        // Product names are the operator's text; the name filter comes back in its field.
        "/billing/price-list".into(),
        format!("/billing/price-list?product={}", form_value(HOSTILE)),
        // The statement lists the grant's remarks; bad filters come back in their fields.
        "/billing/statement".into(),
        format!(
            "/billing/statement?from={h}&to={h}&kind={h}&group={h}",
            h = form_value(HOSTILE)
        ),
        "/billing/add-credits".into(),
        "/billing/withdraw".into(),
        "/sub-accounts".into(),
        "/settings/private-cas".into(),
        "/settings/products".into(),
        "/users".into(),
        "/users/new".into(),
        "/users/1".into(),
        "/users/3".into(),
        "/groups".into(),
        "/groups/1".into(),
        "/groups/2".into(),
        "/settings/roles".into(),
        "/profile".into(),
        "/choose-account".into(),
        "/settings/ip-rules".into(),
        "/orders".into(),
        "/orders/new".into(),
        format!("/orders/{order}"),
        "/orders/smime/new".into(),
        format!("/orders/new?form={wizard}"),
        format!("/orders/smime/new?form={smime}"),
        "/domains".into(),
        "/settings/two-factor".into(),
        "/settings/renewals".into(),
        "/settings/low-balance-alerts".into(),
        "/settings/rest-api".into(),
        "/settings/acme".into(),
        "/terms".into(),
        "/subscriber-agreement".into(),
        format!(
            "/orders/{order}/revoke?reason=superseded&remarks={}",
            form_value(HOSTILE)
        ),
    ];
    for lang in ["en", "pl"] {
        for path in &customer_pages {
            let (status, body) = page_in(&app, path, &asha, lang).await;
            assert!(
                status != StatusCode::OK || body.contains(&format!("<html lang=\"{lang}\"")),
                "{path} not in {lang}"
            );
            assert_escaped(path, status, &body);
        }
    }
    let operator_pages = [
        "/",
        "/audit",
        "/operator/accounts",
        "/operator/accounts/1/credits",
        "/operator/products",
        "/operator/legal",
        "/billing",
    ];
    for lang in ["en", "pl"] {
        for path in operator_pages {
            let (status, body) = page_in(&app, path, &ops, lang).await;
            assert_escaped(path, status, &body);
        }
    }

    // The edit form still shows the stored values (pages work without JavaScript, and an
    // empty field would wipe the value on submit), escaped so they stay text.
    let escaped = app::components::textarea_text::textarea_text(HOSTILE);
    let (_, body) = page(&app, &format!("/orders/{order}"), &asha).await;
    for field in [
        "id=\"edit-remarks\" name=\"remarks\" rows=\"2\">",
        "id=\"edit-extra\" name=\"extra_emails\" rows=\"2\">",
    ] {
        assert!(
            body.contains(&format!("{field}{escaped}</textarea>")),
            "{field} lost its value: {body}"
        );
    }
    let (_, body) = page(&app, "/settings/products", &asha).await;
    assert!(
        body.contains(&format!("rows=\"4\">{escaped}</textarea>")),
        "the checklist lost its value: {body}"
    );
    for (path, field) in [
        (
            format!("/orders/new?form={wizard}"),
            "id=\"wizard-remarks\" name=\"remarks\" rows=\"3\">",
        ),
        (
            format!("/orders/smime/new?form={smime}"),
            "id=\"smime-remarks\" name=\"remarks\" rows=\"2\">",
        ),
    ] {
        let (_, body) = page(&app, &path, &asha).await;
        assert!(
            body.contains(&format!("{field}{escaped}</textarea>")),
            "{path}: {field} lost its value: {body}"
        );
    }
}

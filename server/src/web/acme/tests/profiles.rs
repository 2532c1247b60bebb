//! ACME profiles (draft-ietf-acme-profiles) through the router: the directory's
//! `meta.profiles`, newOrder's `profile`, the order object's, what each profile's
//! certificate holds, the refusals, and a renewal that keeps its profile.

use x509_parser::{
    extensions::ParsedExtension,
    prelude::{FromDer, X509Certificate},
};

use super::*;

/// The newOrder body for `name`, with `fields` added (a profile, a certID it replaces).
fn new_order(name: &str, fields: Value) -> Value {
    let mut body = json!({"identifiers": [{"type": "dns", "value": name}]});
    if let (Some(b), Some(f)) = (body.as_object_mut(), fields.as_object()) {
        b.extend(f.clone());
    }
    body
}

/// Places `body` (one name, `name`), answers HTTP-01 unless the account's validation
/// already covers the name, finalizes and downloads: the leaf's DER, the portal order's id,
/// the newOrder answer and the finalize answer.
async fn obtain(
    w: &World,
    c: &mut Client,
    name: &str,
    body: Value,
) -> (Vec<u8>, i32, Value, Value) {
    if c.kid.is_none() {
        c.register(w).await;
    }
    let placed = c.post(&format!("{BASE}/new-order"), Some(body)).await;
    assert_eq!(
        placed.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&placed.body)
    );
    let order_url = placed.location();
    let order = placed.json();
    let authz = c
        .post(order["authorizations"][0].as_str().unwrap(), None)
        .await
        .json();
    if authz["status"] == "pending" {
        let http = challenge_of(&authz, "http-01");
        let token = http["token"].as_str().unwrap();
        w.http
            .publish_acme(name, token, &c.key_authorization(token));
        c.post(http["url"].as_str().unwrap(), Some(json!({}))).await;
    }
    let (csr, _d) = csr_der(&[name]);
    let done = c
        .post(
            order["finalize"].as_str().unwrap(),
            Some(json!({"csr": csr})),
        )
        .await
        .json();
    assert_eq!(done["status"], "valid", "{done:?}");
    let pem = String::from_utf8(
        c.post(done["certificate"].as_str().unwrap(), None)
            .await
            .body,
    )
    .unwrap();
    let leaf = pem.split("-----END CERTIFICATE-----").next().unwrap();
    let b64_body: String = leaf.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, b64_body.trim())
        .unwrap();
    let order_id = acme_order(w, c, &order_url).await.order_id;
    (der, order_id, order, done)
}

/// What a leaf says about the profile it was issued under.
#[derive(Debug)]
struct Shape {
    /// notAfter − notBefore + 1 s.
    period: i64,
    subject_attributes: usize,
    san_critical: bool,
    server_auth_only: bool,
    crl_distribution_point: bool,
    ocsp: bool,
    ca_issuers: bool,
}

fn shape(der: &[u8]) -> Shape {
    let (_, cert) = X509Certificate::from_der(der).unwrap();
    let mut s = Shape {
        period: cert.validity().not_after.timestamp() - cert.validity().not_before.timestamp() + 1,
        subject_attributes: cert.subject().iter().count(),
        san_critical: false,
        server_auth_only: false,
        crl_distribution_point: false,
        ocsp: false,
        ca_issuers: false,
    };
    for ext in cert.extensions() {
        match ext.parsed_extension() {
            ParsedExtension::SubjectAlternativeName(_) => s.san_critical = ext.critical,
            ParsedExtension::ExtendedKeyUsage(eku) => {
                s.server_auth_only = eku.server_auth
                    && !eku.client_auth
                    && !eku.any
                    && !eku.code_signing
                    && !eku.email_protection
                    && eku.other.is_empty();
            }
            ParsedExtension::CRLDistributionPoints(_) => s.crl_distribution_point = true,
            ParsedExtension::AuthorityInfoAccess(aia) => {
                for d in &aia.accessdescs {
                    match d.access_method.to_id_string().as_str() {
                        "1.3.6.1.5.5.7.48.1" => s.ocsp = true,
                        "1.3.6.1.5.5.7.48.2" => s.ca_issuers = true,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    s
}

/// The account id in the client's `kid`.
fn kid_id(c: &Client) -> i32 {
    c.kid
        .as_deref()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn the_directory_advertises_classic_tlsserver_and_shortlived_with_descriptions() {
    let w = world(true).await;
    let c = Client::new(&w);
    let d = send(
        &c.app,
        Request::get("/acme/directory").body(Body::empty()).unwrap(),
    )
    .await
    .json();
    let profiles = d["meta"]["profiles"].as_object().unwrap();
    let mut names: Vec<&str> = profiles.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(names, ["classic", "shortlived", "tlsserver"]);
    for (name, description) in profiles {
        assert!(
            description.as_str().is_some_and(|d| !d.is_empty()),
            "{name}"
        );
    }
}

#[tokio::test]
async fn each_profile_issues_its_own_certificate_and_the_order_names_it() {
    let w = world(true).await;
    let mut c = Client::new(&w);
    for (name, asked, named) in [
        ("default.example.com", None, "classic"),
        ("classic.example.com", Some("classic"), "classic"),
        ("tlsserver.example.com", Some("tlsserver"), "tlsserver"),
        ("shortlived.example.com", Some("shortlived"), "shortlived"),
    ] {
        let fields = match asked {
            Some(p) => json!({"profile": p}),
            None => json!({}),
        };
        let (der, order_id, placed, done) = obtain(&w, &mut c, name, new_order(name, fields)).await;
        assert_eq!(placed["profile"], named, "{name}: the new order");
        assert_eq!(done["profile"], named, "{name}: the finalized order");
        let url = format!("{BASE}/order/{}", acme_order_id(&w, &c, order_id).await);
        assert_eq!(c.post(&url, None).await.json()["profile"], named, "{name}");

        let row = orders::get(&w.h.store, w.admin.account.id, order_id)
            .await
            .unwrap()
            .unwrap();
        // The portal's order page names the profile too.
        let view = w.orders.order_view(&w.admin, order_id).await.unwrap();
        assert_eq!(
            view.acme_profile.map(|p| p.as_str()),
            Some(named),
            "{name}: the order page"
        );
        let s = shape(&der);
        // Every profile of a DV product: an empty subject, so a critical SAN, and serverAuth
        // alone (BR 7.1.2.7.2, 7.1.2.7.10, 7.1.2.7.12); caIssuers always (7.1.2.7.7).
        assert_eq!(s.subject_attributes, 0, "{name}: {s:?}");
        assert!(
            s.san_critical && s.server_auth_only && s.ca_issuers,
            "{name}: {s:?}"
        );
        if named == "shortlived" {
            assert_eq!(row.profile, crate::ca::TLS_DV_SHORT_LIVED, "{name}");
            assert_eq!(i64::from(row.validity_days), crate::ca::SHORT_LIVED_DAYS);
            assert_eq!(s.period, crate::ca::SHORT_LIVED_DAYS * 86_400, "{name}");
            assert!(s.period <= 7 * 86_400, "BR 1.6.1 short-lived: {s:?}");
            assert!(
                !s.crl_distribution_point && !s.ocsp,
                "{name}: no revocation pointers: {s:?}"
            );
        } else {
            // classic is what ACME issued before profiles; tlsserver is the same certificate
            // for a DV product.
            assert_eq!(row.profile, crate::ca::TLS_DV, "{name}");
            assert_eq!(s.period, i64::from(row.validity_days) * 86_400, "{name}");
            assert!(s.period > 7 * 86_400, "{name}: {s:?}");
            assert!(s.crl_distribution_point && s.ocsp, "{name}: {s:?}");
        }
    }
}

/// The ACME order id of a portal order placed by the client's account.
async fn acme_order_id(w: &World, c: &Client, order_id: i32) -> i32 {
    let ids = acme_store::orders_of_account(&w.h.store, kid_id(c))
        .await
        .unwrap();
    for id in ids {
        let o = acme_store::order(&w.h.store, kid_id(c), id)
            .await
            .unwrap()
            .unwrap();
        if o.order_id == order_id {
            return o.id;
        }
    }
    panic!("no ACME order for order {order_id}");
}

#[tokio::test]
async fn an_unknown_profile_is_invalid_profile_and_orders_nothing() {
    let w = world(true).await;
    let mut c = Client::new(&w);
    c.register(&w).await;
    let before = counts(&w).await;
    for bad in ["modern", "Classic", "short-lived", "tls-dv", ""] {
        let r = c
            .post(
                &format!("{BASE}/new-order"),
                Some(new_order("www.example.com", json!({"profile": bad}))),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad:?}");
        assert_eq!(
            r.json()["type"],
            "urn:ietf:params:acme:error:invalidProfile",
            "{bad:?}"
        );
        assert!(
            r.json()["detail"]
                .as_str()
                .unwrap()
                .contains("classic, tlsserver, shortlived"),
            "{bad:?}: the detail names what is offered"
        );
    }
    // A profile that is not a string is not a profile name at all.
    let r = c
        .post(
            &format!("{BASE}/new-order"),
            Some(new_order("www.example.com", json!({"profile": 7}))),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.problem(), "malformed");
    assert_eq!(counts(&w).await, before, "nothing was ordered");
}

#[tokio::test]
async fn an_ov_account_may_order_classic_only() {
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
    let made = w
        .acme
        .create_eab(
            &w.admin,
            &crate::services::acme::NewCredential {
                user_email: "asha@acme.example",
                group_id: None,
                product_id: ov,
                tags: "",
                organization_id: Some(organization),
            },
        )
        .await
        .unwrap();
    let mut c = Client::new(&w);
    c.register_with(made).await;
    for profile in ["tlsserver", "shortlived"] {
        let r = c
            .post(
                &format!("{BASE}/new-order"),
                Some(new_order("www.example.com", json!({"profile": profile}))),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{profile}");
        assert_eq!(r.problem(), "invalidProfile", "{profile}");
        assert!(
            r.json()["detail"].as_str().unwrap().contains("tls-ov"),
            "{profile}: {}",
            r.json()
        );
    }
    assert!(
        acme_store::orders_of_account(&w.h.store, kid_id(&c))
            .await
            .unwrap()
            .is_empty(),
        "nothing was ordered, so nothing was charged"
    );
    // classic is its OV certificate.
    let (der, _, placed, _) = obtain(
        &w,
        &mut c,
        "www.example.com",
        new_order("www.example.com", json!({"profile": "classic"})),
    )
    .await;
    assert_eq!(placed["profile"], "classic");
    let (_, cert) = X509Certificate::from_der(&der).unwrap();
    assert!(
        cert.subject()
            .to_string()
            .contains("O=Acme Widgets Private Limited")
    );
}

#[tokio::test]
async fn a_renewal_of_a_short_lived_certificate_stays_short_lived() {
    let w = world(true).await;
    let mut c = Client::new(&w);
    let name = "renew.example.com";
    let (der, _, _, _) = obtain(
        &w,
        &mut c,
        name,
        new_order(name, json!({"profile": "shortlived"})),
    )
    .await;
    let cert_id = crate::services::acme::cert_id_of(&der).unwrap();
    // The client renews as ARI tells it, naming the certificate and no profile.
    let (renewed, order_id, placed, done) = obtain(
        &w,
        &mut c,
        name,
        new_order(name, json!({"replaces": cert_id})),
    )
    .await;
    assert_eq!(placed["replaces"], cert_id.as_str());
    assert_eq!(placed["profile"], "shortlived");
    assert_eq!(done["profile"], "shortlived");
    let s = shape(&renewed);
    assert_eq!(s.period, crate::ca::SHORT_LIVED_DAYS * 86_400, "{s:?}");
    assert!(!s.crl_distribution_point && !s.ocsp, "{s:?}");
    let stored = acme_store::order(
        &w.h.store,
        kid_id(&c),
        acme_order_id(&w, &c, order_id).await,
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(*stored.profile, app::model::acme::AcmeProfile::ShortLived);

    // A renewal that names another profile gets it.
    let cert_id = crate::services::acme::cert_id_of(&renewed).unwrap();
    let (again, _, placed, _) = obtain(
        &w,
        &mut c,
        name,
        new_order(name, json!({"replaces": cert_id, "profile": "tlsserver"})),
    )
    .await;
    assert_eq!(placed["profile"], "tlsserver");
    assert!(shape(&again).crl_distribution_point);
}

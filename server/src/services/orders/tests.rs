//! The order service end to end on a real store, CA and ledger, with DNS and HTTP faked.

use std::sync::Arc;

use app::i18n::Lang;
use app::model::{
    order_actions::{
        DelegateDownloadForm, EditOrderForm, REISSUE_REASONS, ReissueForm, RenewForm, RevokeForm,
    },
    order_status::OrderStatus,
    orders::{KeySource, OrderForm},
};

use super::test_support::{World, csr_for, token_of, world};
use super::{
    DelegateRefusal, DownloadFormat, OrderError, PIN_ATTEMPTS, PIN_LIFETIME, PIN_LOCK_MINUTES,
    pin_expires_at,
};
use crate::{
    ca::test_support::{openssl_csr, temp_dir},
    ports::Clock,
    ports::{dns::FakeDns, http_fetch::FakeHttp, random::CountingRandom},
    services::{
        catalog::test_support::{administrator, caller},
        validation::ValidationService,
    },
    store::{memberships, orders},
};

#[tokio::test]
async fn a_paid_dv_order_issues_once_its_domain_is_validated() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let (csr, dir) = csr_for("shop.example.com");
    let form = w.form(&w.admin, "shop.example.com", Some(csr)).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    assert_eq!(
        placed.status,
        OrderStatus::Accepted,
        "administrators pay at once"
    );
    let token = token_of(&placed.tracking_url);
    let before = w.orders.tracking(&token).await.unwrap();
    assert!(!before.issued && !before.needs_csr);

    w.validate(&token).await;
    assert_eq!(
        w.status(w.admin.account.id, placed.id).await,
        OrderStatus::Fulfilled
    );
    let pem = w
        .orders
        .download(&w.admin, placed.id, DownloadFormat::Pem)
        .await
        .unwrap();
    let text = String::from_utf8(pem.bytes).unwrap();
    assert_eq!(
        text.matches("BEGIN CERTIFICATE").count(),
        2,
        "leaf and issuing CA"
    );
    std::fs::write(dir.join("chain.pem"), &text).unwrap();
    let out = crate::ca::test_support::openssl(
        &[
            "x509",
            "-in",
            "chain.pem",
            "-noout",
            "-ext",
            "subjectAltName",
        ],
        &dir,
    );
    assert!(out.contains("DNS:shop.example.com"), "{out}");
    let view = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    assert!(view.events.iter().any(|e| e.action == "Order Fulfilled"));
    let audit = crate::store::audit::for_account(&w.h.store, w.admin.account.id)
        .await
        .unwrap();
    assert!(
        audit.iter().any(|e| e.action == "order_placed"),
        "the audit log records the order"
    );
    // The same validation covers a sub-domain of a later order: no new DCV.
    let form = w.form(&w.admin, "api.shop.example.com", None).await;
    let again = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    let t = w
        .orders
        .tracking(&token_of(&again.tracking_url))
        .await
        .unwrap();
    assert!(t.names.iter().all(|n| n.covered_by.is_some()), "{t:?}");
}

#[tokio::test]
async fn a_standard_users_order_waits_for_approval_and_is_paid_when_approved() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let token = w.h.signed_in("ravi@acme.example").await;
    let ravi = caller(&w.h, &token).await;
    // Ravi joins Asha's account as a Standard User and works in it.
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
    let ravi = caller(&w.h, &token).await;
    assert_eq!(ravi.account.id, w.admin.account.id);
    let form = w.form(&ravi, "www.example.org", None).await;
    let placed = w.orders.place(&ravi, &form.to_command()).await.unwrap();
    assert_eq!(placed.status, OrderStatus::PendingApproval);
    let e = w.orders.approve(&ravi, placed.id).await;
    assert!(matches!(e, Err(OrderError::Forbidden(_))), "{e:?}");
    let status = w.orders.approve(&w.admin, placed.id).await.unwrap();
    assert_eq!(
        status,
        OrderStatus::Accepted,
        "approved, paid, waiting for its CSR"
    );
    let view = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    assert!(view.events.iter().any(|e| e.detail == "Approved and paid"));
    // A second approval finds nothing to approve.
    assert!(matches!(
        w.orders.approve(&w.admin, placed.id).await,
        Err(OrderError::Refused(_))
    ));
}

#[tokio::test]
async fn insufficient_balance_refuses_the_order_and_stores_nothing() {
    let w = world().await;
    let form = w.form(&w.admin, "example.com", None).await;
    let e = w.orders.place(&w.admin, &form.to_command()).await;
    match e {
        Err(OrderError::Refused(why)) => {
            assert!(why.to_string().starts_with("Insufficient balance"), "{why}")
        }
        other => panic!("{other:?}"),
    }
    let page = w
        .orders
        .orders_page(&w.admin, &Default::default())
        .await
        .unwrap();
    assert_eq!(page.total, 0);
}

#[tokio::test]
async fn a_caa_record_naming_another_ca_refuses_issuance_with_the_reason() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    w.dns
        .add_caa("example.net", false, "issue", "other-ca.example");
    let (csr, _dir) = csr_for("www.example.net");
    let form = w.form(&w.admin, "www.example.net", Some(csr)).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    let token = token_of(&placed.tracking_url);
    w.validate(&token).await;
    let t = w.orders.tracking(&token).await.unwrap();
    assert!(!t.issued);
    let why = t.issue_error.unwrap_or_default();
    assert!(why.to_string().contains("CAA"), "{why}");
    assert_ne!(
        w.status(w.admin.account.id, placed.id).await,
        OrderStatus::Fulfilled
    );
}

#[tokio::test]
async fn caa_parameters_allow_only_the_ordering_account_and_the_method_used() {
    let w = world().await;
    w.credit(w.admin.account.id, "1000.00").await;
    let ours = crate::domain::caa::portal_account_uri("http://portal.test", w.admin.account.id);
    assert_eq!(ours, format!("acct:{}@portal.test", w.admin.account.id));
    // `validate` proves each name by the portal's DNS record: BR 3.2.2.4.7, `ca-tbr-7`.
    for (domain, value, issues) in [
        (
            "ours.example.com",
            format!("rootline.test; accounturi={ours}"),
            true,
        ),
        (
            "theirs.example.com",
            format!("rootline.test; accounturi={ours}9"),
            false,
        ),
        (
            "dns.example.com",
            "rootline.test; validationmethods=ca-tbr-7".to_owned(),
            true,
        ),
        (
            "acme-dns.example.com",
            "rootline.test; validationmethods=dns-01,http-01".to_owned(),
            false,
        ),
    ] {
        w.dns.add_caa(domain, false, "issue", &value);
        let name = format!("www.{domain}");
        let (csr, _dir) = csr_for(&name);
        let form = w.form(&w.admin, &name, Some(csr)).await;
        let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
        let token = token_of(&placed.tracking_url);
        w.validate(&token).await;
        let t = w.orders.tracking(&token).await.unwrap();
        assert_eq!(t.issued, issues, "{value}: {:?}", t.issue_error);
        if !issues {
            let why = t.issue_error.unwrap_or_default().to_string();
            assert!(why.contains("CAA"), "{why}");
        }
    }
}

#[tokio::test]
async fn a_skipped_csr_submitted_through_the_tracking_link_issues_and_must_name_the_order() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let form = w.form(&w.admin, "portal.example.com", None).await;
    assert_eq!(form.csr_source, KeySource::Later.code());
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    let token = token_of(&placed.tracking_url);
    w.validate(&token).await;
    assert!(w.orders.tracking(&token).await.unwrap().needs_csr);
    let (wrong, _d1) = csr_for("other.example.com");
    let e = w.orders.tracking_submit_csr(&token, &wrong).await;
    assert!(matches!(e, Err(OrderError::Invalid(_))), "{e:?}");
    let (right, _d2) = csr_for("portal.example.com");
    let status = w.orders.tracking_submit_csr(&token, &right).await.unwrap();
    assert_eq!(status, OrderStatus::Fulfilled);
    let der = w
        .orders
        .tracking_download(&token, DownloadFormat::Der)
        .await
        .unwrap();
    assert_eq!(der.bytes.first(), Some(&0x30));
}

#[tokio::test]
async fn cancelling_a_paid_order_refunds_it_and_a_final_order_accepts_nothing() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let form = w.form(&w.admin, "example.com", None).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    let e = w.orders.cancel(&w.admin, placed.id, " ").await;
    assert!(
        matches!(e, Err(OrderError::Invalid(_))),
        "remarks are required"
    );
    let status = w
        .orders
        .cancel(&w.admin, placed.id, "Bought by mistake")
        .await
        .unwrap();
    assert_eq!(status, OrderStatus::Cancelled);
    let view = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    assert!(
        view.events.iter().any(|e| e.action == "Refunded"),
        "{:?}",
        view.events
    );
    for e in [
        w.orders.cancel(&w.admin, placed.id, "again").await,
        w.orders.approve(&w.admin, placed.id).await,
    ] {
        assert!(matches!(e, Err(OrderError::Refused(_))), "{e:?}");
    }
}

#[tokio::test]
async fn drafts_are_not_paid_until_submitted() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let mut form = w.form(&w.admin, "example.com", None).await;
    form.draft = true;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    assert_eq!(placed.status, OrderStatus::OnHold);
    let status = w.orders.pay_draft(&w.admin, placed.id).await.unwrap();
    assert_eq!(status, OrderStatus::Accepted);
}

#[tokio::test]
async fn another_accounts_order_and_tracking_junk_are_not_found() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let form = w.form(&w.admin, "example.com", None).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    let other = administrator(&w.h, "mei@other.example").await;
    for e in [
        w.orders.order_view(&other, placed.id).await.map(|_| ()),
        w.orders
            .cancel(&other, placed.id, "mine now")
            .await
            .map(|_| ()),
        w.orders.tracking("not-a-token").await.map(|_| ()),
        w.orders.tracking(&"A".repeat(43)).await.map(|_| ()),
    ] {
        assert!(matches!(e, Err(OrderError::NotFound)), "{e:?}");
    }
    // A tracking link acts only on its own order's domains.
    let token = token_of(&placed.tracking_url);
    let e = w.orders.tracking_verify(&token, 9999).await;
    assert!(matches!(e, Err(OrderError::NotFound)), "{e:?}");
}

#[tokio::test]
async fn restricted_domains_are_refused_with_the_administrators_message() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let validation = ValidationService::new(
        w.h.store.clone(),
        w.h.clock.clone(),
        Arc::new(CountingRandom::default()),
        Arc::new(FakeDns::default()),
        Arc::new(FakeHttp::default()),
        "http://portal.test".into(),
    );
    validation
        .add_restriction(w.admin.account.id, "example.com")
        .await
        .unwrap();
    let form = w.form(&w.admin, "www.example.com", None).await;
    match w.orders.place(&w.admin, &form.to_command()).await {
        Err(OrderError::Refused(why)) => assert_eq!(why, super::restricted()),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_group_limited_to_specific_domains_orders_only_for_them() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let group = w.orders.usable_groups(&w.admin).await.unwrap()[0].clone();
    crate::store::group_domains::add(
        &w.h.store,
        app::model::AccountId(w.admin.account.id),
        app::model::GroupId(group.id),
        "example.com",
    )
    .await
    .unwrap();
    let form = w.form(&w.admin, "shop.example.org", None).await;
    match w.orders.place(&w.admin, &form.to_command()).await {
        Err(OrderError::Invalid(e)) => {
            let why = e.get("group_id").unwrap();
            assert!(
                why.to_string().contains("orders only for example.com"),
                "{why}"
            );
            assert!(
                why.to_string().contains("shop.example.org is outside"),
                "{why}"
            );
        }
        other => panic!("{other:?}"),
    }
    let page = w
        .orders
        .orders_page(&w.admin, &Default::default())
        .await
        .unwrap();
    assert_eq!(page.total, 0, "nothing was placed");
    // Its sub-domains are within it.
    let form = w.form(&w.admin, "shop.example.com", None).await;
    w.orders.place(&w.admin, &form.to_command()).await.unwrap();
}

#[tokio::test]
async fn a_private_product_without_auto_approve_waits_with_its_checklist_then_issues_its_template()
{
    let w = world().await;
    let ca = w
        .catalog
        .create_private_ca(&w.admin, "Intranet", None)
        .await
        .unwrap();
    let mut modes = vec!["off".to_owned(); 9];
    modes[0] = "required".into();
    modes[6] = "required".into();
    modes[7] = "optional".into();
    modes[1] = "optional".into();
    let product_id = w
        .catalog
        .add_private_product(
            &w.admin,
            &app::model::products::PrivateProductForm {
                name: "Intranet servers".into(),
                ca,
                validity_days: "90".into(),
                template: "Server TLS".into(),
                modes,
                values: vec![String::new(); 9],
                auto_approve: false,
                checklist: "Server is in the CMDB\nOwner confirmed".into(),
            },
            None,
        )
        .await
        .unwrap();
    let dir = temp_dir("rootline-private-order");
    let csr = openssl_csr(&dir, "ec:P-256", "/CN=ignored", None, &[]);
    let form = OrderForm {
        product_id,
        validity_days: 90,
        requester_name: "Asha Rao".into(),
        requester_email: "asha@acme.example".into(),
        csr_source: "paste".into(),
        csr_pem: String::from_utf8(csr).unwrap(),
        names: "db.corp\n10.1.2.3".into(),
        attributes: {
            let mut a = vec![String::new(); 9];
            a[1] = "Acme Ltd".into();
            a
        },
        ..Default::default()
    };
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    assert_eq!(
        placed.status,
        OrderStatus::PendingApproval,
        "without auto-approve even an administrator's order waits"
    );
    let view = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    assert_eq!(
        view.checklist,
        vec!["Server is in the CMDB", "Owner confirmed"]
    );
    assert!(view.can_approve);
    let status = w.orders.approve(&w.admin, placed.id).await.unwrap();
    assert_eq!(
        status,
        OrderStatus::Fulfilled,
        "free and without DCV, it issues on approval"
    );
    let pem = w
        .orders
        .download(&w.admin, placed.id, DownloadFormat::Pem)
        .await
        .unwrap();
    std::fs::write(dir.join("leaf.pem"), pem.bytes).unwrap();
    let out = crate::ca::test_support::openssl(
        &[
            "x509",
            "-in",
            "leaf.pem",
            "-noout",
            "-subject",
            "-ext",
            "subjectAltName",
        ],
        &dir,
    );
    assert!(
        out.contains("DNS:db.corp") && out.contains("IP Address:10.1.2.3"),
        "{out}"
    );
    assert!(
        out.contains("CN=db.corp") || out.contains("CN = db.corp"),
        "{out}"
    );
    assert!(
        out.contains("Acme Ltd"),
        "the requester's organization: {out}"
    );
}

// ---- After the order: revoke, reissue, renew, cancel's credit note, edit, delegation,
// ---- reminders and auto-renew (ORD-8, ORD-10).

impl World {
    /// Places a paid DV order for `name` with a CSR, validates it and returns its id.
    async fn issued(&self, name: &str, tweak: impl FnOnce(&mut OrderForm)) -> i32 {
        let (csr, _dir) = csr_for(name);
        let mut form = self.form(&self.admin, name, Some(csr)).await;
        tweak(&mut form);
        let placed = self
            .orders
            .place(&self.admin, &form.to_command())
            .await
            .unwrap();
        self.validate(&token_of(&placed.tracking_url)).await;
        assert_eq!(
            self.status(self.admin.account.id, placed.id).await,
            OrderStatus::Fulfilled
        );
        placed.id
    }

    async fn not_after(&self, id: i32) -> chrono::DateTime<chrono::Utc> {
        let o = orders::get(&self.h.store, self.admin.account.id, id)
            .await
            .unwrap()
            .unwrap();
        crate::store::certificates::find_by_id(&self.h.store, o.certificate_id.unwrap())
            .await
            .unwrap()
            .unwrap()
            .not_after
    }

    async fn balance(&self) -> i64 {
        let group = crate::store::groups::for_account(&self.h.store, self.admin.account.id)
            .await
            .unwrap()
            .remove(0);
        crate::services::billing::payer_balance(&self.h.store, self.admin.account.id, group.id)
            .await
            .unwrap()
            .balance_minor
    }

    async fn mails(&self) -> Vec<crate::ports::Mail> {
        self.h.delivery.deliver_due().await.unwrap();
        self.h.mailer.sent()
    }
}

fn revoke_form(id: i32, reason: &str) -> RevokeForm {
    RevokeForm {
        order_id: id,
        reason: reason.into(),
        remarks: "Server decommissioned".into(),
        confirm: None,
    }
}

#[tokio::test]
async fn a_revoked_certificate_shows_on_the_order_the_crl_and_the_mail_and_refuses_a_second_revocation()
 {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let id = w
        .issued("shop.example.com", |f| {
            f.extra_emails = "ops@acme.example".into()
        })
        .await;
    let bad = w
        .orders
        .revoke(&w.admin, &revoke_form(id, "certificateHold"))
        .await;
    assert!(matches!(bad, Err(OrderError::Invalid(_))), "{bad:?}");

    w.orders
        .revoke(&w.admin, &revoke_form(id, "keyCompromise"))
        .await
        .unwrap();
    let view = w.orders.order_view(&w.admin, id).await.unwrap();
    let cert = view.certificate.clone().unwrap();
    assert_eq!(
        cert.state,
        app::model::certificate_status::CertificateState::Revoked
    );
    assert_eq!(cert.revocation_reason.as_deref(), Some("keyCompromise"));
    assert!(!view.can_revoke && !view.can_reissue && !view.can_renew);
    assert!(
        view.events
            .iter()
            .any(|e| e.action == "Certificate revoked")
    );

    // The CRL of the shard the certificate was issued into.
    let shard = crate::store::certificates::find_by_serial(&w.h.store, &cert.serial)
        .await
        .unwrap()
        .unwrap()
        .crl_shard;
    let crl = w
        .orders
        .authority
        .current_crl("tls", shard)
        .await
        .unwrap()
        .unwrap();
    let dir = temp_dir("rootline-revoked");
    std::fs::write(dir.join("tls.crl"), &crl).unwrap();
    let text = crate::ca::test_support::openssl(
        &["crl", "-in", "tls.crl", "-inform", "DER", "-noout", "-text"],
        &dir,
    );
    assert!(text.contains(&cert.serial.to_uppercase()), "{text}");

    let mails = w.mails().await;
    for to in ["asha@acme.example", "ops@acme.example"] {
        assert!(
            mails
                .iter()
                .any(|m| m.to == to && m.subject.contains("revoked")),
            "{to}: {:?}",
            mails
                .iter()
                .map(|m| (&m.to, &m.subject))
                .collect::<Vec<_>>()
        );
    }
    let again = w
        .orders
        .revoke(&w.admin, &revoke_form(id, "superseded"))
        .await;
    match again {
        Err(OrderError::Refused(why)) => {
            assert!(why.to_string().contains("was revoked on"), "{why}")
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_reissue_is_a_free_linked_order_that_ends_with_the_original_and_a_revoked_one_is_refused()
{
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let id = w.issued("shop.example.com", |_| {}).await;
    let balance = w.balance().await;
    w.h.clock.advance(chrono::Duration::days(10));
    let (other_csr, _d) = csr_for("other.example.com");
    let wrong = w
        .orders
        .reissue(
            &w.admin,
            &ReissueForm {
                order_id: id,
                reason: REISSUE_REASONS[0].into(),
                remarks: String::new(),
                csr_pem: other_csr,
            },
        )
        .await;
    assert!(matches!(wrong, Err(OrderError::Invalid(_))), "{wrong:?}");

    let (csr, _d) = csr_for("shop.example.com");
    let form = ReissueForm {
        order_id: id,
        reason: REISSUE_REASONS[0].into(),
        remarks: String::new(),
        csr_pem: csr,
    };
    let placed = w.orders.reissue(&w.admin, &form).await.unwrap();
    assert_eq!(
        placed.status,
        OrderStatus::Fulfilled,
        "the domain is still validated"
    );
    assert_eq!(w.balance().await, balance, "a reissue is free");
    assert!(w.not_after(placed.id).await <= w.not_after(id).await);
    let new = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    assert_eq!(
        new.origin.as_ref().map(|o| (o.order_id, o.kind.as_str())),
        Some((id, "reissue"))
    );
    let old = w.orders.order_view(&w.admin, id).await.unwrap();
    assert_eq!(old.successors.len(), 1);

    w.orders
        .revoke(&w.admin, &revoke_form(id, "superseded"))
        .await
        .unwrap();
    match w.orders.reissue(&w.admin, &form).await {
        Err(OrderError::Refused(why)) => {
            assert!(why.to_string().contains("cannot be reissued"), "{why}")
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn renewal_opens_60_days_before_expiry_is_paid_linked_and_happens_once() {
    let w = world().await;
    w.credit(w.admin.account.id, "500.00").await;
    let id = w.issued("shop.example.com", |_| {}).await;
    let form = RenewForm {
        order_id: id,
        ..Default::default()
    };
    match w.orders.renew(&w.admin, &form).await {
        Err(OrderError::Refused(why)) => {
            assert!(why.to_string().starts_with("Renewal opens on"), "{why}")
        }
        other => panic!("too early: {other:?}"),
    }
    let not_after = w.not_after(id).await;
    w.h.clock.set(not_after - chrono::Duration::days(59));
    let balance = w.balance().await;
    let renewal = w.orders.renew(&w.admin, &form).await.unwrap();
    assert_eq!(renewal.status, OrderStatus::Accepted, "waits for its CSR");
    assert!(w.balance().await < balance, "a renewal is paid");
    let view = w.orders.order_view(&w.admin, renewal.id).await.unwrap();
    assert_eq!(
        view.origin.map(|o| o.kind),
        Some(app::model::order_actions::OrderLinkKind::Renewal)
    );
    assert_eq!(
        view.validity_days, 99,
        "the TLS cap dropped to 100 days meanwhile"
    );
    assert!(!w.orders.order_view(&w.admin, id).await.unwrap().can_renew);
    match w.orders.renew(&w.admin, &form).await {
        Err(OrderError::Refused(why)) => {
            assert!(why.to_string().contains("already been renewed"), "{why}")
        }
        other => panic!("twice: {other:?}"),
    }
    // A cancelled renewal frees the order for another one.
    w.orders
        .cancel(&w.admin, renewal.id, "Wrong group")
        .await
        .unwrap();
    w.orders.renew(&w.admin, &form).await.unwrap();
}

#[tokio::test]
async fn cancelling_a_paid_order_writes_a_credit_note_to_download() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let form = w.form(&w.admin, "example.com", None).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    w.orders
        .cancel(&w.admin, placed.id, "Bought by mistake")
        .await
        .unwrap();
    let view = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    assert_eq!(view.credit_notes.len(), 1);
    let note = &view.credit_notes[0];
    assert!(note.number.starts_with("CN-"));
    let file = w
        .orders
        .credit_note(&w.admin, placed.id, note.id, Lang::En)
        .await
        .unwrap();
    assert_eq!(file.content_type, "application/pdf");
    assert_eq!(file.file_name, format!("{}.pdf", note.number));
    let text = crate::domain::pdf_document::tests::pdf_text(&file.bytes);
    assert!(
        text.contains(&format!("Credit note {}", note.number))
            && text.contains(&note.amount.to_string()),
        "{text}"
    );
    assert!(text.contains("Bought by mistake"));
    let other = administrator(&w.h, "mei@other.example").await;
    let e = w
        .orders
        .credit_note(&other, placed.id, note.id, Lang::En)
        .await;
    assert!(matches!(e, Err(OrderError::NotFound)), "{e:?}");
}

#[tokio::test]
async fn a_paid_order_has_a_pdf_invoice_and_an_unpaid_one_has_none() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let form = w.form(&w.admin, "shop.example.com", None).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    let view = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    let number = view.invoice_number.clone().unwrap();
    // Numbered in the financial year (a tax invoice number; USD carries no GST).
    assert!(number.starts_with("RL/"), "{number}");
    let file = w
        .orders
        .invoice(&w.admin, placed.id, Lang::En)
        .await
        .unwrap();
    assert_eq!(file.content_type, "application/pdf");
    let text = crate::domain::pdf_document::tests::pdf_text(&file.bytes);
    for expected in [
        format!("Invoice {number}"),
        format!("#{}", placed.id),
        view.price.to_string(),
        "shop.example.com".to_owned(),
        "Paid from".to_owned(),
        "The account balance".to_owned(),
        "nothing is due".to_owned(),
    ] {
        assert!(text.contains(&expected), "{expected} missing:\n{text}");
    }

    // A draft is not paid: no invoice, and asking for one says why.
    let mut draft = w.form(&w.admin, "draft.example.com", None).await;
    draft.draft = true;
    let held = w.orders.place(&w.admin, &draft.to_command()).await.unwrap();
    assert_eq!(
        w.orders
            .order_view(&w.admin, held.id)
            .await
            .unwrap()
            .invoice_number,
        None
    );
    let e = w.orders.invoice(&w.admin, held.id, Lang::En).await;
    assert!(
        matches!(&e, Err(OrderError::Refused(why)) if why.to_string().contains("not been paid")),
        "{e:?}"
    );
    // Another account's order does not exist for them.
    let other = administrator(&w.h, "mei@other.example").await;
    let e = w.orders.invoice(&other, placed.id, Lang::En).await;
    assert!(matches!(e, Err(OrderError::NotFound)), "{e:?}");
}

#[tokio::test]
async fn edits_change_recipients_and_auto_renew_and_bad_input_changes_nothing() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let form = w.form(&w.admin, "example.com", None).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    let bad = EditOrderForm {
        order_id: placed.id,
        extra_emails: "ops@acme.example, nope".into(),
        auto_renew: true,
        ..Default::default()
    };
    assert!(matches!(
        w.orders.edit(&w.admin, &bad).await,
        Err(OrderError::Invalid(_))
    ));
    let view = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    assert!(view.extra_emails.is_empty() && !view.auto_renew);
    let good = EditOrderForm {
        extra_emails: "ops@acme.example".into(),
        ..bad
    };
    w.orders.edit(&w.admin, &good).await.unwrap();
    let view = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    assert_eq!(view.extra_emails, ["ops@acme.example"]);
    assert!(view.auto_renew);
    assert!(view.events.iter().any(|e| e.action == "Edited"));
}

#[tokio::test]
async fn a_delegate_downloads_with_the_mailed_pin_and_wrong_pins_lock_the_order() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let id = w
        .issued("shop.example.com", |f| {
            f.delegate_name = "Dev Ops".into();
            f.delegate_email = "devops@acme.example".into();
        })
        .await;
    let mails = w.mails().await;
    let mail = mails
        .iter()
        .find(|m| m.to == "devops@acme.example")
        .expect("the delegate gets the PIN");
    assert!(
        !mails
            .iter()
            .any(|m| m.to != "devops@acme.example" && m.text.contains("PIN:")),
        "only the delegate sees the PIN"
    );
    let pin = mail
        .text
        .lines()
        .find_map(|l| l.strip_prefix("PIN: "))
        .unwrap()
        .to_owned();
    let wrong = if pin == "00000000" {
        "11111111"
    } else {
        "00000000"
    };
    let form = |pin: &str| DelegateDownloadForm {
        order_id: id.to_string(),
        pin: pin.into(),
        format: "pem".into(),
    };
    for _ in 0..PIN_ATTEMPTS {
        assert!(matches!(
            w.orders.delegated_download(&form(wrong)).await,
            Err(DelegateRefusal::Wrong)
        ));
    }
    assert!(
        matches!(
            w.orders.delegated_download(&form(&pin)).await,
            Err(DelegateRefusal::Locked(_))
        ),
        "locked even for the right PIN"
    );
    w.h.clock
        .advance(chrono::Duration::minutes(PIN_LOCK_MINUTES + 1));
    let file = w.orders.delegated_download(&form(&pin)).await.unwrap();
    assert!(
        String::from_utf8(file.bytes)
            .unwrap()
            .contains("BEGIN CERTIFICATE")
    );
    // An order without a delegate: the same answer as a wrong PIN.
    let other = DelegateDownloadForm {
        order_id: "9999".into(),
        ..form(&pin)
    };
    assert!(matches!(
        w.orders.delegated_download(&other).await,
        Err(DelegateRefusal::Wrong)
    ));
}

/// An issued order with a download delegate, and the PIN the delegate was mailed.
async fn delegated_order(w: &World) -> (i32, String) {
    w.credit(w.admin.account.id, "100.00").await;
    let id = w
        .issued("shop.example.com", |f| {
            f.delegate_name = "Dev Ops".into();
            f.delegate_email = "devops@acme.example".into();
        })
        .await;
    let pin = w
        .mails()
        .await
        .iter()
        .filter(|m| m.to == "devops@acme.example")
        .find_map(|m| {
            m.text
                .lines()
                .find_map(|l| l.strip_prefix("PIN: "))
                .map(str::to_owned)
        })
        .expect("the delegate gets the PIN");
    (id, pin)
}

fn pin_form(id: i32, pin: &str) -> DelegateDownloadForm {
    DelegateDownloadForm {
        order_id: id.to_string(),
        pin: pin.into(),
        format: "pem".into(),
    }
}

/// The penetration test sent 40 wrong PINs at once: all were checked and none set the lock,
/// since each read the failure count before any wrote it. Each attempt now takes its slot
/// before the check: at most five are checked, the rest are refused as locked, and the lock
/// stands.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn forty_concurrent_wrong_pins_lock_the_order_after_at_most_five_checks() {
    let w = world().await;
    let (id, pin) = delegated_order(&w).await;
    let wrong = if pin == "00000000" {
        "11111111"
    } else {
        "00000000"
    };
    let forms: Vec<_> = (0..40).map(|_| pin_form(id, wrong)).collect();
    let attempts = forms.iter().map(|f| w.orders.delegated_download(f));
    let mut checked = 0;
    let mut locked = 0;
    for outcome in futures_util::future::join_all(attempts).await {
        match outcome {
            Err(DelegateRefusal::Wrong) => checked += 1,
            Err(DelegateRefusal::Locked(_)) => locked += 1,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(
        checked <= usize::try_from(PIN_ATTEMPTS).unwrap(),
        "{checked} PINs checked"
    );
    assert_eq!(checked + locked, 40);
    let row = crate::store::delegates::find(&w.h.store, id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        row.locked_until.is_some_and(|t| t > w.h.clock.now()),
        "{row:?}"
    );
    assert!(matches!(
        w.orders.delegated_download(&pin_form(id, &pin)).await,
        Err(DelegateRefusal::Locked(_))
    ));
}

#[test]
fn a_pin_expires_after_thirty_days_or_with_the_certificate_whichever_is_first() {
    use chrono::TimeZone;
    let sent = chrono::Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
    let year = sent + chrono::Duration::days(365);
    let week = sent + chrono::Duration::days(7);
    assert_eq!(pin_expires_at(sent, year), sent + PIN_LIFETIME);
    assert_eq!(pin_expires_at(sent, week), week);
}

/// A PIN works on its 29th day and is refused, with its own answer, on its 30th.
#[tokio::test]
async fn a_delegate_pin_works_the_day_before_it_expires_and_not_on_the_day() {
    let w = world().await;
    let (id, pin) = delegated_order(&w).await;
    w.h.clock.advance(PIN_LIFETIME - chrono::Duration::days(1));
    assert!(
        w.orders
            .delegated_download(&pin_form(id, &pin))
            .await
            .is_ok()
    );
    w.h.clock.advance(chrono::Duration::days(1));
    assert!(matches!(
        w.orders.delegated_download(&pin_form(id, &pin)).await,
        Err(DelegateRefusal::Expired)
    ));
    // A wrong PIN on an expired order still says only "wrong".
    let wrong = if pin == "00000000" {
        "11111111"
    } else {
        "00000000"
    };
    assert!(matches!(
        w.orders.delegated_download(&pin_form(id, wrong)).await,
        Err(DelegateRefusal::Wrong)
    ));
}

#[tokio::test]
async fn reminders_go_out_once_per_day_and_auto_renew_renews_once() {
    let w = world().await;
    w.credit(w.admin.account.id, "500.00").await;
    let id = w.issued("shop.example.com", |f| f.auto_renew = true).await;
    assert_eq!(
        w.orders.send_renewal_reminders().await.unwrap().reminders,
        0
    );
    assert!(w.orders.due_auto_renewals().await.unwrap().is_empty());
    let not_after = w.not_after(id).await;
    w.h.clock.set(not_after - chrono::Duration::days(29));
    assert_eq!(
        w.orders.send_renewal_reminders().await.unwrap().reminders,
        1
    );
    assert_eq!(
        w.orders.send_renewal_reminders().await.unwrap().reminders,
        0,
        "the 30-day reminder is sent once"
    );
    assert!(
        w.mails()
            .await
            .iter()
            .any(|m| m.subject.starts_with("Renewal reminder"))
    );
    let due = w.orders.due_auto_renewals().await.unwrap();
    assert_eq!(due.len(), 1);
    let caller =
        w.h.service
            .acting_for(due[0].user_id, due[0].account_id)
            .await
            .unwrap()
            .unwrap();
    let renewal = w.orders.auto_renew(&caller, id).await.unwrap();
    assert!(w.orders.due_auto_renewals().await.unwrap().is_empty());
    assert!(
        matches!(
            w.orders.auto_renew(&caller, id).await,
            Err(OrderError::Refused(_))
        ),
        "a second server's attempt is refused"
    );
    let view = w.orders.order_view(&w.admin, renewal).await.unwrap();
    assert_eq!(view.origin.map(|o| o.order_id), Some(id));
    // A renewed order gets no more reminders.
    w.h.clock.set(not_after - chrono::Duration::days(6));
    assert_eq!(
        w.orders.send_renewal_reminders().await.unwrap().reminders,
        0
    );
}

#[tokio::test]
async fn reminder_days_are_an_administrators_setting_checked_before_saving() {
    let w = world().await;
    let e = w.orders.set_reminder_days(&w.admin, "30, soon").await;
    assert!(matches!(e, Err(OrderError::Invalid(_))), "{e:?}");
    w.orders
        .set_reminder_days(&w.admin, "14, -3, 14")
        .await
        .unwrap();
    assert_eq!(
        w.orders.reminder_settings(&w.admin).await.unwrap().days,
        "14, -3"
    );
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
    let standard = caller(&w.h, &token).await;
    let e = w.orders.set_reminder_days(&standard, "1").await;
    assert!(matches!(e, Err(OrderError::Forbidden(_))), "{e:?}");
    assert_eq!(
        w.orders.reminder_settings(&w.admin).await.unwrap().days,
        "14, -3"
    );
}

/// A CSR for all of `names` (the first as CN).
fn csr_names(names: &[&str]) -> (String, std::path::PathBuf) {
    let dir = temp_dir("rootline-ucc");
    let san = names
        .iter()
        .map(|n| format!("DNS:{n}"))
        .collect::<Vec<_>>()
        .join(",");
    let csr = openssl_csr(
        &dir,
        "ec:P-256",
        &format!("/CN={}", names[0]),
        Some(&san),
        &[],
    );
    (String::from_utf8(csr).unwrap(), dir)
}

impl World {
    /// An issued DV UCC order of the administrator for `names` (3 included, USD 20.00 each
    /// beyond).
    async fn issued_ucc(&self, names: &[&str]) -> i32 {
        let offers = self.catalog.offers(&self.admin, "USD").await.unwrap();
        let ucc = offers
            .iter()
            .find(|o| o.kind == app::model::products::ProductKind::DvUcc)
            .unwrap()
            .clone();
        let (csr, _dir) = csr_names(names);
        self.issued(names[0], |f| {
            f.product_id = ucc.id;
            f.validity_days = ucc.validity_days.iter().copied().max().unwrap();
            f.names = names.join("\n");
            f.csr_pem = csr;
        })
        .await
    }
}

fn change_names_form(
    id: i32,
    names: &[&str],
    csr: String,
) -> app::model::order_actions::ChangeNames {
    app::model::order_actions::ChangeNames {
        order_id: id,
        reason: REISSUE_REASONS[2].into(),
        names: names.iter().map(|n| (*n).to_owned()).collect(),
        csr_pem: csr,
        remarks: String::new(),
    }
}

#[tokio::test]
async fn a_ucc_names_change_pays_for_added_names_only_and_issues_a_linked_certificate_once_validated()
 {
    let w = world().await;
    w.credit(w.admin.account.id, "200.00").await;
    let id = w.issued_ucc(&["a.example.com", "b.example.com"]).await;
    let view = w.orders.order_view(&w.admin, id).await.unwrap();
    assert_eq!(
        view.change_names_price.map(|m| m.to_string()).as_deref(),
        Some("USD 20.00")
    );
    let balance = w.balance().await;
    w.h.clock.advance(chrono::Duration::days(5));

    // b is removed (no refund) and c.example.org, a new domain, is added (one name paid).
    let names = ["a.example.com", "c.example.org"];
    let (csr, _d) = csr_names(&names);
    let placed = w
        .orders
        .change_names(&w.admin, &change_names_form(id, &names, csr))
        .await
        .unwrap();
    assert_eq!(
        placed.status,
        OrderStatus::Accepted,
        "c.example.org waits for validation"
    );
    assert_eq!(w.balance().await, balance - 2_000);
    w.validate(&token_of(&placed.tracking_url)).await;
    assert_eq!(
        w.status(w.admin.account.id, placed.id).await,
        OrderStatus::Fulfilled
    );
    assert!(w.not_after(placed.id).await <= w.not_after(id).await);
    let new = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    assert_eq!(
        new.names
            .iter()
            .map(|n| n.name.as_str())
            .collect::<Vec<_>>(),
        names
    );
    assert_eq!(
        new.origin.as_ref().map(|o| (o.order_id, o.kind.as_str())),
        Some((id, "names"))
    );
    let old = w.orders.order_view(&w.admin, id).await.unwrap();
    assert_eq!(old.successors.len(), 1);
    assert_eq!(
        old.status,
        OrderStatus::Fulfilled,
        "the old certificate stays valid"
    );
}

#[tokio::test]
async fn a_names_change_is_refused_for_the_same_names_a_wrong_csr_a_single_domain_order_and_strangers()
 {
    let w = world().await;
    w.credit(w.admin.account.id, "200.00").await;
    let id = w.issued_ucc(&["a.example.com", "b.example.com"]).await;
    let total = async || {
        w.orders
            .orders_page(&w.admin, &Default::default())
            .await
            .unwrap()
            .total
    };
    let orders_before = total().await;
    let balance = w.balance().await;

    let (same_csr, _d1) = csr_names(&["b.example.com", "a.example.com"]);
    match w
        .orders
        .change_names(
            &w.admin,
            &change_names_form(id, &["b.example.com", "a.example.com"], same_csr),
        )
        .await
    {
        Err(OrderError::Invalid(e)) => {
            assert!(e.get("names").unwrap().to_string().contains("already"))
        }
        other => panic!("{other:?}"),
    }
    let (wrong_csr, _d2) = csr_names(&["a.example.com"]);
    match w
        .orders
        .change_names(
            &w.admin,
            &change_names_form(id, &["a.example.com", "c.example.com"], wrong_csr),
        )
        .await
    {
        Err(OrderError::Invalid(e)) => assert!(e.get("csr_pem").is_some(), "{e:?}"),
        other => panic!("{other:?}"),
    }

    let single = w.issued("single.example.com", |_| {}).await;
    assert_eq!(
        w.orders
            .order_view(&w.admin, single)
            .await
            .unwrap()
            .change_names_price,
        None
    );
    let (csr, _d3) = csr_names(&["single.example.com", "two.example.com"]);
    match w
        .orders
        .change_names(
            &w.admin,
            &change_names_form(single, &["single.example.com", "two.example.com"], csr),
        )
        .await
    {
        Err(OrderError::Refused(why)) => assert!(why.to_string().contains("Only a UCC"), "{why}"),
        other => panic!("{other:?}"),
    }

    let other = administrator(&w.h, "omar@other.example").await;
    let (csr, _d4) = csr_names(&["a.example.com", "c.example.com"]);
    assert!(matches!(
        w.orders
            .change_names(
                &other,
                &change_names_form(id, &["a.example.com", "c.example.com"], csr),
            )
            .await,
        Err(OrderError::NotFound)
    ));

    // Only the single-domain order was added, and only it was paid for.
    assert_eq!(total().await, orders_before + 1);
    assert!(w.balance().await < balance);
}

#[tokio::test]
async fn a_names_change_without_the_balance_for_its_added_names_changes_nothing() {
    let w = world().await;
    w.credit(w.admin.account.id, "99.00").await;
    let id = w.issued_ucc(&["a.example.com", "b.example.com"]).await;
    assert_eq!(w.balance().await, 0);
    let names = ["a.example.com", "b.example.com", "c.example.com"];
    let (csr, _d) = csr_names(&names);
    let refused = w
        .orders
        .change_names(&w.admin, &change_names_form(id, &names, csr))
        .await;
    match refused {
        Err(OrderError::Refused(why)) => assert!(why.to_string().contains("nsufficient"), "{why}"),
        other => panic!("{other:?}"),
    }
    let old = w.orders.order_view(&w.admin, id).await.unwrap();
    assert!(old.successors.is_empty(), "no order was made");
}

#[tokio::test]
async fn a_manager_limited_to_a_group_neither_sees_nor_manages_a_restricted_groups_orders() {
    let w = world().await;
    let g = w.group_limited_manager().await;
    let page = w
        .orders
        .orders_page(&g.manager, &Default::default())
        .await
        .unwrap();
    let ids: Vec<i32> = page.orders.iter().map(|o| o.id).collect();
    assert_eq!(
        ids,
        vec![g.own_group_order],
        "only his group's order is listed"
    );
    let export = w
        .orders
        .orders_export(&g.manager, &Default::default(), Lang::En)
        .await
        .unwrap();
    assert!(!export.is_empty());
    assert!(matches!(
        w.orders.order_view(&g.manager, g.restricted_order).await,
        Err(OrderError::NotFound)
    ));
    assert!(matches!(
        w.orders
            .cancel(&g.manager, g.restricted_order, "Not my group")
            .await,
        Err(OrderError::NotFound)
    ));
    assert_eq!(
        w.status(w.admin.account.id, g.restricted_order).await,
        w.status(w.admin.account.id, g.own_group_order).await,
        "the restricted order was not cancelled"
    );

    // Taken out of every group, he sees none of them (and the query still runs).
    let default_group =
        crate::store::orders::get(&w.h.store, w.admin.account.id, g.own_group_order)
            .await
            .unwrap()
            .unwrap()
            .group_id;
    crate::store::group_members::remove(
        &w.h.store,
        app::model::AccountId(g.manager.membership.account_id),
        app::model::GroupId(default_group),
        app::model::MembershipId(g.manager.membership.id),
    )
    .await
    .unwrap();
    let none = w
        .orders
        .orders_page(&g.manager, &Default::default())
        .await
        .unwrap();
    assert_eq!(none.total, 0);
    crate::store::group_members::add(
        &w.h.store,
        app::model::AccountId(g.manager.membership.account_id),
        app::model::GroupId(default_group),
        app::model::MembershipId(g.manager.membership.id),
    )
    .await
    .unwrap();

    // His own group's order is his to open and to cancel; the administrator sees both.
    w.orders
        .order_view(&g.manager, g.own_group_order)
        .await
        .unwrap();
    assert_eq!(
        w.orders
            .cancel(&g.manager, g.own_group_order, "Ordered twice")
            .await
            .unwrap(),
        OrderStatus::Cancelled
    );
    let all = w
        .orders
        .orders_page(&w.admin, &Default::default())
        .await
        .unwrap();
    assert_eq!(all.total, 2);
    w.orders
        .order_view(&w.admin, g.restricted_order)
        .await
        .unwrap();
}

#[tokio::test]
async fn an_invoice_downloaded_in_polish_reads_faktura_with_polish_labels() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let form = w.form(&w.admin, "sklep.example.pl", None).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    let view = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    let number = view.invoice_number.clone().unwrap();
    let file = w
        .orders
        .invoice(&w.admin, placed.id, Lang::Pl)
        .await
        .unwrap();
    assert_eq!(file.file_name, format!("{}.pdf", number.replace('/', "-")));
    let text = crate::domain::pdf_document::tests::pdf_text(&file.bytes);
    for expected in [
        format!("Faktura {number}"),
        "Data faktury".to_owned(),
        "Nabywca".to_owned(),
        format!("(konto {})", w.admin.account.id),
        "Kraj".to_owned(),
        "Data zamówienia".to_owned(),
        "Źródło płatności".to_owned(),
        "Saldo konta".to_owned(),
        "Opis".to_owned(),
        "Okres ważności".to_owned(),
        "Kwota".to_owned(),
        format!("{} dni", view.validity_days),
        format!("Łącznie pobrano: {}", view.price),
        "Nazwy: sklep.example.pl".to_owned(),
        "Opłacono z przedpłaconych środków; brak należności do zapłaty.".to_owned(),
    ] {
        assert!(text.contains(&expected), "{expected} missing:\n{text}");
    }
    // The order's date is written the Polish way (d.MM.yyyy), not in ISO 8601.
    let day = view.created_at.day_text(Lang::Pl);
    assert!(text.contains(&day), "{day} missing:\n{text}");
    assert!(
        !text.contains(&view.created_at.as_str()[..10]),
        "an ISO date in:\n{text}"
    );
    for english in ["Invoice", "Billed to", "Description", "nothing is due"] {
        assert!(!text.contains(english), "{english} left in:\n{text}");
    }
}

#[tokio::test]
async fn an_order_placed_by_a_user_who_reads_polish_is_confirmed_in_polish() {
    let w = world().await;
    crate::store::users::set_lang(&w.h.store, w.admin.user.id, Lang::Pl)
        .await
        .unwrap();
    w.credit(w.admin.account.id, "100.00").await;
    let form = w.form(&w.admin, "sklep.example.pl", None).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    let mails = w.mails().await;
    let subjects: Vec<_> = mails.iter().map(|m| m.subject.as_str()).collect();
    let confirmation = mails
        .iter()
        .find(|m| {
            m.subject
                .starts_with(&format!("Przyjęto zamówienie nr {}:", placed.id))
        })
        .unwrap_or_else(|| panic!("no Polish confirmation in {subjects:?}"));
    assert!(
        confirmation.text.starts_with("Dzień dobry"),
        "{}",
        confirmation.text
    );
    assert!(
        confirmation.text.contains("Nie udostępniaj tego linku"),
        "{}",
        confirmation.text
    );
    assert!(
        !subjects.iter().any(|s| s.starts_with("Order #")),
        "an English order mail: {subjects:?}"
    );
}

#[tokio::test]
async fn a_credit_note_downloaded_in_polish_is_a_faktura_korygujaca() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let form = w.form(&w.admin, "example.com", None).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    w.orders
        .cancel(&w.admin, placed.id, "Zamówione przez pomyłkę")
        .await
        .unwrap();
    let view = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    let note = &view.credit_notes[0];
    let file = w
        .orders
        .credit_note(&w.admin, placed.id, note.id, Lang::Pl)
        .await
        .unwrap();
    let text = crate::domain::pdf_document::tests::pdf_text(&file.bytes);
    for expected in [
        format!("Faktura korygująca {}", note.number),
        "Wystawiono dla".to_owned(),
        "Przyczyna korekty".to_owned(),
        "Zamówione przez pomyłkę".to_owned(),
        format!("Kwota zwrotu: {}", note.amount),
        "Zwrócono na saldo, z którego opłacono zamówienie.".to_owned(),
    ] {
        assert!(text.contains(&expected), "{expected} missing:\n{text}");
    }
}

#[tokio::test]
async fn the_orders_export_names_its_sheet_and_columns_in_the_requests_language() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let form = w.form(&w.admin, "example.com", None).await;
    w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    let w = &w;
    let header = |lang| async move {
        let bytes = w
            .orders
            .orders_export(&w.admin, &Default::default(), lang)
            .await
            .unwrap();
        super::test_support::xlsx_header(&bytes)
    };
    let (sheet, columns) = header(Lang::Pl).await;
    assert_eq!(sheet, "Zamówienia");
    assert_eq!(
        columns,
        [
            "Zamówienie",
            "Data złożenia (UTC)",
            "Produkt",
            "Domena",
            "Liczba nazw",
            "Status",
            "Cena",
            "Zamawiający",
            "Tagi",
        ]
    );
    // English reads as it always has.
    let (sheet, columns) = header(Lang::En).await;
    assert_eq!(sheet, "Orders");
    assert_eq!(
        columns,
        [
            "Order",
            "Placed (UTC)",
            "Product",
            "Domain",
            "Names",
            "Status",
            "Price",
            "Placed by",
            "Tags",
        ]
    );
}

//! OV orders end to end on a real store and CA: the organization an order names must be the
//! account's, verified and not aged out, when it is placed and again when it issues; the
//! certificate's subject is the vetted record, whatever the CSR says.

use app::model::{
    OrganizationId,
    order_actions::{REISSUE_REASONS, ReissueForm},
    order_status::OrderStatus,
    orders::OrderForm,
    organizations::OrganizationStatus,
    products::ProductKind,
};
use chrono::Duration;

use super::{
    DownloadFormat, OrderError,
    test_support::{World, token_of, world},
};
use crate::{
    ca::test_support::{openssl, openssl_csr, temp_dir},
    services::catalog::test_support::administrator,
    store::orders,
};

impl World {
    /// An OV single-domain order's form for `name`, its CSR claiming another organization.
    async fn ov_form(&self, name: &str, organization: Option<OrganizationId>) -> OrderForm {
        let offers = self.catalog.offers(&self.admin, "USD").await.unwrap();
        let ov = offers
            .iter()
            .find(|o| o.kind == ProductKind::OvSingle)
            .expect("the default catalogue sells OV");
        let dir = temp_dir("rootline-ov-order");
        let csr = openssl_csr(
            &dir,
            "ec:P-256",
            &format!("/C=US/ST=Nevada/L=Reno/O=Impostor Inc/CN={name}"),
            Some(&format!("DNS:{name}")),
            &[],
        );
        OrderForm {
            product_id: ov.id,
            validity_days: ov.validity_days.iter().copied().max().unwrap(),
            requester_name: "Asha Rao".into(),
            requester_email: "asha@acme.example".into(),
            csr_source: "paste".into(),
            csr_pem: String::from_utf8(csr).unwrap(),
            names: name.into(),
            organization_id: organization.map_or(0, OrganizationId::get),
            ..Default::default()
        }
    }

    async fn subject_of(&self, order: i32) -> String {
        let pem = self
            .orders
            .download(&self.admin, order, DownloadFormat::Pem)
            .await
            .unwrap();
        let dir = temp_dir("rootline-ov-subject");
        std::fs::write(dir.join("leaf.pem"), pem.bytes).unwrap();
        openssl(
            &[
                "x509",
                "-in",
                "leaf.pem",
                "-noout",
                "-subject",
                "-nameopt",
                "RFC2253",
                "-ext",
                "certificatePolicies",
            ],
            &dir,
        )
    }
}

#[tokio::test]
async fn an_ov_order_certifies_the_vetted_organization_and_not_the_csrs_subject() {
    let w = world().await;
    w.credit(w.admin.account.id, "500.00").await;
    let org = w
        .organization(
            &w.admin,
            "Acme Widgets Private Limited",
            OrganizationStatus::VerifiedOv,
            Duration::days(398),
        )
        .await;
    let form = w.ov_form("shop.example.com", Some(org)).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    assert_eq!(placed.status, OrderStatus::Accepted);
    let view = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    assert_eq!(
        view.organization,
        Some((org, "Acme Widgets Private Limited".to_owned()))
    );
    w.validate(&token_of(&placed.tracking_url)).await;
    assert_eq!(
        w.status(w.admin.account.id, placed.id).await,
        OrderStatus::Fulfilled
    );
    let subject = w.subject_of(placed.id).await;
    assert!(
        subject.contains("O=Acme Widgets Private Limited")
            && subject.contains("L=Bengaluru")
            && subject.contains("ST=Karnataka")
            && subject.contains("C=IN"),
        "{subject}"
    );
    assert!(
        !subject.contains("Impostor") && !subject.contains("Nevada"),
        "the CSR's subject is not certified: {subject}"
    );
    assert!(
        subject.contains("2.23.140.1.2.2"),
        "the OV policy: {subject}"
    );

    // A reissue names the same vetted organization.
    let (csr, _dir) = super::test_support::csr_for("shop.example.com");
    let again = w
        .orders
        .reissue(
            &w.admin,
            &ReissueForm {
                order_id: placed.id,
                reason: REISSUE_REASONS[0].into(),
                remarks: String::new(),
                csr_pem: csr,
            },
        )
        .await
        .unwrap();
    assert_eq!(again.status, OrderStatus::Fulfilled);
    assert!(
        w.subject_of(again.id)
            .await
            .contains("O=Acme Widgets Private Limited")
    );
}

#[tokio::test]
async fn an_ov_order_is_refused_for_a_missing_draft_suspended_expired_or_other_accounts_organization()
 {
    let w = world().await;
    w.credit(w.admin.account.id, "500.00").await;
    let draft = w
        .organization(
            &w.admin,
            "Draft Ltd",
            OrganizationStatus::Draft,
            Duration::zero(),
        )
        .await;
    let suspended = w
        .organization(
            &w.admin,
            "Paused Ltd",
            OrganizationStatus::Suspended,
            Duration::zero(),
        )
        .await;
    let expired = w
        .organization(
            &w.admin,
            "Aged Ltd",
            OrganizationStatus::VerifiedOv,
            Duration::days(1),
        )
        .await;
    let other_admin = administrator(&w.h, "ravi@globex.example").await;
    let theirs = w
        .organization(
            &other_admin,
            "Globex Ltd",
            OrganizationStatus::VerifiedOv,
            Duration::days(398),
        )
        .await;
    w.h.clock.advance(Duration::days(1));
    let before = w.order_count().await;
    for (organization, expected) in [
        (None, "Choose the organization"),
        (Some(draft), "send it for validation"),
        (Some(suspended), "is suspended"),
        (Some(expired), "expired on"),
        (Some(theirs), "no such organization"),
        (Some(OrganizationId(999_999)), "no such organization"),
    ] {
        let form = w.ov_form("shop.example.com", organization).await;
        match w.orders.place(&w.admin, &form.to_command()).await {
            Err(OrderError::Invalid(e)) => {
                let message = e.get("organization_id").map(ToString::to_string);
                assert!(
                    message.as_deref().is_some_and(|m| m.contains(expected)),
                    "{organization:?}: {e:?}"
                );
            }
            other => panic!("{organization:?}: {other:?}"),
        }
    }
    assert_eq!(w.order_count().await, before, "nothing was stored");
}

#[tokio::test]
async fn an_organization_whose_vetting_ages_out_before_issuance_holds_the_order_with_the_reason() {
    let w = world().await;
    w.credit(w.admin.account.id, "500.00").await;
    let org = w
        .organization(
            &w.admin,
            "Acme Widgets Private Limited",
            OrganizationStatus::VerifiedOv,
            Duration::days(2),
        )
        .await;
    let form = w.ov_form("shop.example.com", Some(org)).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    // The domain is validated on the day the vetting ages out: the order waits, unissued.
    w.h.clock.advance(Duration::days(2));
    w.validate(&token_of(&placed.tracking_url)).await;
    let order = orders::get(&w.h.store, w.admin.account.id, placed.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(*order.status, OrderStatus::InProgress, "not issued");
    assert!(order.certificate_id.is_none());
    assert!(
        order
            .issue_error
            .as_deref()
            .is_some_and(|e| e.contains("expired on")),
        "{:?}",
        order.issue_error
    );
}

#[tokio::test]
async fn the_vetting_counts_until_the_second_it_ages_out() {
    let w = world().await;
    w.credit(w.admin.account.id, "500.00").await;
    let org = w
        .organization(
            &w.admin,
            "Acme Widgets Private Limited",
            OrganizationStatus::VerifiedOv,
            Duration::days(2),
        )
        .await;
    w.h.clock.advance(Duration::days(2) - Duration::seconds(1));
    let form = w.ov_form("shop.example.com", Some(org)).await;
    w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    w.h.clock.advance(Duration::seconds(1));
    let form = w.ov_form("www.example.com", Some(org)).await;
    assert!(matches!(
        w.orders.place(&w.admin, &form.to_command()).await,
        Err(OrderError::Invalid(_))
    ));
}

#[tokio::test]
async fn a_group_limited_to_specific_organizations_orders_only_for_them() {
    let w = world().await;
    w.credit(w.admin.account.id, "500.00").await;
    let listed = w
        .organization(
            &w.admin,
            "Acme Widgets Private Limited",
            OrganizationStatus::VerifiedOv,
            Duration::days(398),
        )
        .await;
    let other = w
        .organization(
            &w.admin,
            "Beta Tools Ltd",
            OrganizationStatus::VerifiedOv,
            Duration::days(398),
        )
        .await;
    let now = crate::ports::Clock::now(w.h.clock.as_ref());
    let default =
        crate::services::access::ensure_default_group(&w.h.store, w.admin.account.id, now)
            .await
            .unwrap()
            .into_iter()
            .find(|g| g.is_default)
            .unwrap();
    crate::store::group_organizations::add(
        &w.h.store,
        app::model::AccountId(w.admin.account.id),
        app::model::GroupId(default.id),
        listed,
    )
    .await
    .unwrap();
    let form = w.ov_form("shop.example.com", Some(other)).await;
    match w.orders.place(&w.admin, &form.to_command()).await {
        Err(OrderError::Invalid(e)) => {
            let message = e
                .get("group_id")
                .map(ToString::to_string)
                .unwrap_or_default();
            assert!(
                message.contains("only for the organizations Acme Widgets Private Limited"),
                "{e:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    let form = w.ov_form("shop.example.com", Some(listed)).await;
    w.orders.place(&w.admin, &form.to_command()).await.unwrap();
}

#[tokio::test]
async fn an_order_for_an_organization_in_vetting_waits_for_the_desk_then_issues() {
    let w = world().await;
    w.credit(w.admin.account.id, "500.00").await;
    let org = w
        .organization(
            &w.admin,
            "Acme Widgets Private Limited",
            OrganizationStatus::Submitted,
            Duration::zero(),
        )
        .await;
    let form = w.ov_form("shop.example.com", Some(org)).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    assert_eq!(placed.status, OrderStatus::Accepted, "paid, waiting");
    w.validate(&token_of(&placed.tracking_url)).await;
    let view = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    assert!(view.organization_in_vetting);
    assert_eq!(
        view.issue_error, None,
        "waiting for the desk is not an error"
    );
    assert_eq!(
        w.status(w.admin.account.id, placed.id).await,
        OrderStatus::InProgress
    );
    // Nothing issues while the desk has not decided, however often it is asked.
    let account = app::model::AccountId(w.admin.account.id);
    assert_eq!(w.orders.issue_after_vetting(account, org).await.unwrap(), 1);
    assert_eq!(
        w.status(w.admin.account.id, placed.id).await,
        OrderStatus::InProgress
    );
    // The desk verifies it: the waiting order issues with the vetted subject.
    let now = crate::ports::Clock::now(w.h.clock.as_ref());
    crate::store::organizations::set_status(
        &w.h.store,
        account,
        org,
        OrganizationStatus::VerifiedOv,
        None,
        now,
    )
    .await
    .unwrap();
    crate::store::organizations::set_verified_until(
        &w.h.store,
        org,
        Some(now + Duration::days(398)),
    )
    .await
    .unwrap();
    assert_eq!(w.orders.issue_after_vetting(account, org).await.unwrap(), 1);
    assert_eq!(
        w.status(w.admin.account.id, placed.id).await,
        OrderStatus::Fulfilled
    );
    assert!(
        w.subject_of(placed.id)
            .await
            .contains("O=Acme Widgets Private Limited")
    );
    let view = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    assert!(!view.organization_in_vetting);
    // Issued, it waits no more.
    assert_eq!(w.orders.issue_after_vetting(account, org).await.unwrap(), 0);
}

#[tokio::test]
async fn an_order_waiting_for_vetting_takes_an_interim_dv_that_is_superseded_after_the_grace_period()
 {
    use app::model::orders::InterimDv;
    let w = world().await;
    w.credit(w.admin.account.id, "500.00").await;
    let org = w
        .organization(
            &w.admin,
            "Acme Widgets Private Limited",
            OrganizationStatus::Submitted,
            Duration::zero(),
        )
        .await;
    let form = w.ov_form("shop.example.com", Some(org)).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    let interim = |w: &World| {
        let orders = w.orders.clone();
        let admin = w.admin.clone();
        async move {
            orders
                .order_view(&admin, placed.id)
                .await
                .unwrap()
                .interim_dv
        }
    };
    // Not before its names are validated.
    assert_eq!(interim(&w).await, InterimDv::NotOffered);
    assert!(matches!(
        w.orders.issue_interim_dv(&w.admin, placed.id).await,
        Err(OrderError::Refused(_))
    ));
    w.validate(&token_of(&placed.tracking_url)).await;
    assert_eq!(interim(&w).await, InterimDv::Available);
    // Another account's order is not found.
    let other = administrator(&w.h, "ravi@globex.example").await;
    assert!(matches!(
        w.orders.issue_interim_dv(&other, placed.id).await,
        Err(OrderError::NotFound)
    ));
    w.orders
        .issue_interim_dv(&w.admin, placed.id)
        .await
        .unwrap();
    // A second click finds the first one's.
    w.orders
        .issue_interim_dv(&w.admin, placed.id)
        .await
        .unwrap();
    assert_eq!(interim(&w).await, InterimDv::Issued);
    let order = orders::get(&w.h.store, w.admin.account.id, placed.id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        order.certificate_id.is_none(),
        "the OV certificate still waits"
    );
    let pem = w
        .orders
        .download_interim(&w.admin, placed.id, DownloadFormat::Pem)
        .await
        .unwrap();
    let dir = temp_dir("rootline-interim-dv");
    std::fs::write(dir.join("leaf.pem"), pem.bytes).unwrap();
    let text = openssl(
        &[
            "x509",
            "-in",
            "leaf.pem",
            "-noout",
            "-subject",
            "-ext",
            "certificatePolicies,subjectAltName",
        ],
        &dir,
    );
    assert!(
        text.contains("2.23.140.1.2.1") && text.contains("DNS:shop.example.com"),
        "{text}"
    );
    assert!(
        !text.contains("O = ") && !text.contains("Impostor"),
        "{text}"
    );

    // The desk verifies the organization: the OV certificate issues, the interim one stays for
    // the grace period and is then revoked as superseded.
    let now = crate::ports::Clock::now(w.h.clock.as_ref());
    let account = app::model::AccountId(w.admin.account.id);
    crate::store::organizations::set_status(
        &w.h.store,
        account,
        org,
        OrganizationStatus::VerifiedOv,
        None,
        now,
    )
    .await
    .unwrap();
    crate::store::organizations::set_verified_until(
        &w.h.store,
        org,
        Some(now + Duration::days(398)),
    )
    .await
    .unwrap();
    w.orders.issue_after_vetting(account, org).await.unwrap();
    assert_eq!(
        w.status(w.admin.account.id, placed.id).await,
        OrderStatus::Fulfilled
    );
    assert_eq!(interim(&w).await, InterimDv::Issued);
    w.h.clock
        .advance(Duration::hours(super::INTERIM_DV_GRACE_HOURS) - Duration::seconds(1));
    assert_eq!(w.orders.supersede_interims().await.unwrap(), 0);
    w.h.clock.advance(Duration::seconds(1));
    assert_eq!(w.orders.supersede_interims().await.unwrap(), 1);
    assert_eq!(w.orders.supersede_interims().await.unwrap(), 0, "once");
    assert_eq!(interim(&w).await, InterimDv::Superseded);
    let interim_id = orders::get(&w.h.store, w.admin.account.id, placed.id)
        .await
        .unwrap()
        .unwrap()
        .interim_certificate_id
        .unwrap();
    let cert = crate::store::certificates::find_by_id(&w.h.store, interim_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        cert.revocation_reason.map(|r| *r),
        Some(crate::domain::revocation::RevocationReason::Superseded)
    );
}

#[tokio::test]
async fn a_dv_order_has_no_interim_dv() {
    let w = world().await;
    w.credit(w.admin.account.id, "100.00").await;
    let (csr, _dir) = super::test_support::csr_for("shop.example.com");
    let form = w.form(&w.admin, "shop.example.com", Some(csr)).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    match w.orders.issue_interim_dv(&w.admin, placed.id).await {
        Err(OrderError::Refused(m)) => assert_eq!(m.key(), "err-interim-dv-not-available"),
        other => panic!("{other:?}"),
    }
}

/// The consent link mailed last, from the test mailer.
async fn consent_token(w: &World) -> String {
    w.h.delivery.deliver_due().await.unwrap();
    let marker = "http://portal.test/organizations/consent/";
    w.h.mailer
        .sent()
        .into_iter()
        .rev()
        .find_map(|m| {
            let at = m.text.find(marker)?;
            Some(
                m.text[at + marker.len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect(),
            )
        })
        .expect("a consent link was mailed")
}

#[tokio::test]
async fn another_accounts_organization_is_named_only_after_its_representative_consents() {
    let w = world().await;
    w.credit(w.admin.account.id, "500.00").await;
    let other = administrator(&w.h, "ravi@globex.example").await;
    // Its representative is asha@acme.example (the test form's).
    let theirs = w
        .organization(
            &other,
            "Globex Industries Limited",
            OrganizationStatus::VerifiedOv,
            Duration::days(398),
        )
        .await;
    let organizations = crate::services::organizations::OrganizationService::for_harness(&w.h);
    let refused = |r: Result<app::model::orders::PlacedOrder, OrderError>| match r {
        Err(OrderError::Invalid(e)) => e
            .get("organization_id")
            .is_some_and(|m| m.to_string().contains("no such organization")),
        _ => false,
    };
    let form = w.ov_form("shop.example.com", Some(theirs)).await;
    assert!(refused(w.orders.place(&w.admin, &form.to_command()).await));

    // An address that represents nothing answers the same and mails nobody.
    w.h.delivery.deliver_due().await.unwrap();
    let before = w.h.mailer.sent().len();
    organizations
        .request_consent(&w.admin, "nobody@nowhere.example", None)
        .await
        .unwrap();
    w.h.delivery.deliver_due().await.unwrap();
    assert_eq!(w.h.mailer.sent().len(), before);
    organizations
        .request_consent(&w.admin, "Asha@Acme.example", None)
        .await
        .unwrap();
    let token = consent_token(&w).await;
    let asked = organizations.consent_link(&token).await.unwrap();
    assert_eq!(asked.organization, "Globex Industries Limited");
    assert_eq!(asked.answer, None);
    // Asked is not allowed: the organization is still not the account's to name.
    assert!(refused(w.orders.place(&w.admin, &form.to_command()).await));
    assert!(
        organizations
            .shared_organizations(&w.admin)
            .await
            .unwrap()
            .is_empty()
    );

    assert!(
        organizations
            .answer_consent(&token, "allow", Some("203.0.113.5".into()))
            .await
            .unwrap()
    );
    assert!(matches!(
        organizations.answer_consent(&token, "decline", None).await,
        Err(crate::services::organizations::OrganizationError::Refused(
            _
        ))
    ));
    let shared = organizations.shared_organizations(&w.admin).await.unwrap();
    assert_eq!(shared.len(), 1);
    assert_eq!(shared[0].legal_name, "Globex Industries Limited");
    w.h.delivery.deliver_due().await.unwrap();
    let told =
        w.h.mailer.sent().into_iter().any(|m| {
            m.to == "asha@acme.example" && m.subject.contains("can be named in your orders")
        });
    assert!(told, "the asking user is told");

    // Now the order names it, and the certificate carries the owner's vetted record.
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    w.validate(&token_of(&placed.tracking_url)).await;
    assert_eq!(
        w.status(w.admin.account.id, placed.id).await,
        OrderStatus::Fulfilled
    );
    assert!(
        w.subject_of(placed.id)
            .await
            .contains("O=Globex Industries Limited")
    );
    // The owner's account keeps its organization; the asking account cannot change it.
    assert!(matches!(
        organizations.organization_detail(&w.admin, theirs).await,
        Err(crate::services::organizations::OrganizationError::NotFound)
    ));
}

#[tokio::test]
async fn a_declined_or_expired_consent_shares_nothing() {
    let w = world().await;
    w.credit(w.admin.account.id, "500.00").await;
    let other = administrator(&w.h, "ravi@globex.example").await;
    let theirs = w
        .organization(
            &other,
            "Globex Industries Limited",
            OrganizationStatus::VerifiedOv,
            Duration::days(398),
        )
        .await;
    let organizations = crate::services::organizations::OrganizationService::for_harness(&w.h);
    organizations
        .request_consent(&w.admin, "asha@acme.example", None)
        .await
        .unwrap();
    let declined = consent_token(&w).await;
    assert!(
        !organizations
            .answer_consent(&declined, "decline", None)
            .await
            .unwrap()
    );
    let form = w.ov_form("shop.example.com", Some(theirs)).await;
    assert!(matches!(
        w.orders.place(&w.admin, &form.to_command()).await,
        Err(OrderError::Invalid(_))
    ));
    organizations
        .request_consent(&w.admin, "asha@acme.example", None)
        .await
        .unwrap();
    let late = consent_token(&w).await;
    assert_ne!(late, declined);
    w.h.clock.advance(Duration::days(
        crate::services::organizations::CONSENT_LINK_DAYS,
    ));
    assert!(matches!(
        organizations.answer_consent(&late, "allow", None).await,
        Err(crate::services::organizations::OrganizationError::NotFound)
    ));
    assert!(
        organizations
            .shared_organizations(&w.admin)
            .await
            .unwrap()
            .is_empty()
    );
}

//! EV orders end to end on a real store and CA: the signatories an order names, the three
//! one-use links and their answers, the approvals page, and issuance only after all three
//! said yes, with the vetted EV subject.

use app::model::{
    OrganizationId,
    ev::{EvAnswer, EvStep},
    order_status::OrderStatus,
    orders::OrderForm,
    organizations::OrganizationStatus,
    products::ProductKind,
};
use chrono::Duration;

use super::EV_LINK_DAYS;
use crate::{
    ca::test_support::{openssl, openssl_csr, temp_dir},
    services::{
        catalog::test_support::administrator,
        orders::{
            DownloadFormat, OrderError,
            test_support::{World, token_of, world},
        },
    },
    store::{ev_steps, orders},
};

const SIGNER: &str = "ravi@acme.example";
const APPROVER: &str = "meera@acme.example";

impl World {
    /// Says yes to the newest link of each of the three people asked.
    async fn answer_all_ev_links(&self) {
        for who in ["asha@acme.example", SIGNER, APPROVER] {
            let token = self.ev_link_to(who).await;
            let version = self
                .orders
                .ev_link(&token)
                .await
                .unwrap()
                .agreement
                .map_or(0, |a| a.0);
            self.orders
                .answer_ev_link(&token, "approve", "", version, None)
                .await
                .unwrap();
        }
    }

    /// An EV single-domain order's form for `name`, naming `approver` as the certificate
    /// approver; its CSR claims another organization.
    async fn ev_form(&self, name: &str, organization: OrganizationId, approver: &str) -> OrderForm {
        let offers = self.catalog.offers(&self.admin, "USD").await.unwrap();
        let ev = offers
            .iter()
            .find(|o| o.kind == ProductKind::EvSingle)
            .expect("the default catalogue sells EV");
        let dir = temp_dir("rootline-ev-order");
        let csr = openssl_csr(
            &dir,
            "ec:P-256",
            &format!("/C=US/O=Impostor Inc/CN={name}"),
            Some(&format!("DNS:{name}")),
            &[],
        );
        OrderForm {
            product_id: ev.id,
            validity_days: ev.validity_days.iter().copied().max().unwrap(),
            requester_name: "Asha Rao".into(),
            requester_email: "asha@acme.example".into(),
            csr_source: "paste".into(),
            csr_pem: String::from_utf8(csr).unwrap(),
            names: name.into(),
            organization_id: organization.get(),
            signer_name: "Ravi Kumar".into(),
            signer_email: SIGNER.into(),
            approver_name: "Meera Iyer".into(),
            approver_email: approver.into(),
            ..Default::default()
        }
    }

    /// The EV links delivered so far, by recipient, in the order they went out.
    async fn ev_links(&self) -> Vec<(String, String)> {
        self.h.delivery.deliver_due().await.unwrap();
        self.h
            .mailer
            .sent()
            .into_iter()
            .filter_map(|m| {
                let at = m.text.find("http://portal.test/ev/")?;
                let token: String = m.text[at + "http://portal.test/ev/".len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                Some((m.to, token))
            })
            .collect()
    }

    async fn ev_link_to(&self, to: &str) -> String {
        self.ev_links()
            .await
            .into_iter()
            .rev()
            .find(|(who, _)| who == to)
            .map(|(_, token)| token)
            .unwrap_or_else(|| panic!("no EV link to {to}"))
    }

    async fn ev_organization(&self) -> OrganizationId {
        self.organization(
            &self.admin,
            "Acme Widgets Private Limited",
            OrganizationStatus::VerifiedEv,
            Duration::days(398),
        )
        .await
    }
}

#[tokio::test]
async fn an_ev_certificate_issues_only_after_consent_agreement_and_approval_with_the_ev_subject() {
    let w = world().await;
    w.credit(w.admin.account.id, "900.00").await;
    let org = w.ev_organization().await;
    let form = w.ev_form("shop.example.com", org, APPROVER).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    assert_eq!(placed.status, OrderStatus::Accepted);
    w.validate(&token_of(&placed.tracking_url)).await;
    let order = orders::get(&w.h.store, w.admin.account.id, placed.id)
        .await
        .unwrap()
        .unwrap();
    assert!(order.certificate_id.is_none(), "nobody has answered yet");

    let consent = w.ev_link_to("asha@acme.example").await;
    let agreement = w.ev_link_to(SIGNER).await;
    let approval = w.ev_link_to(APPROVER).await;
    let shown = w.orders.ev_link(&agreement).await.unwrap();
    assert_eq!(shown.step, EvStep::SubscriberAgreement);
    assert_eq!(shown.organization, "Acme Widgets Private Limited");
    let (version, _, text) = shown.agreement.clone().expect("the agreement to accept");

    w.orders
        .answer_ev_link(&consent, "approve", "", 0, Some("198.51.100.7".into()))
        .await
        .unwrap();
    w.orders
        .answer_ev_link(&agreement, "approve", "", version, None)
        .await
        .unwrap();
    assert_ne!(
        w.status(w.admin.account.id, placed.id).await,
        OrderStatus::Fulfilled,
        "the approval is still missing"
    );
    w.orders
        .answer_ev_link(&approval, "approve", "", 0, None)
        .await
        .unwrap();
    assert_eq!(
        w.status(w.admin.account.id, placed.id).await,
        OrderStatus::Fulfilled
    );

    // The acceptance keeps the agreement's version and text; the answers are audited with
    // their address.
    let steps = ev_steps::of_order(&w.h.store, w.admin.account.id.into(), placed.id)
        .await
        .unwrap();
    let signed = steps
        .iter()
        .find(|s| *s.step == EvStep::SubscriberAgreement)
        .unwrap();
    assert_eq!(signed.agreement_version, Some(version));
    assert_eq!(signed.agreement_text.as_deref(), Some(text.as_str()));
    let audit = crate::store::audit::for_account(&w.h.store, w.admin.account.id)
        .await
        .unwrap();
    let answers: Vec<_> = audit.iter().filter(|a| a.action == "ev_answer").collect();
    assert_eq!(answers.len(), 3, "{answers:?}");
    assert!(
        answers
            .iter()
            .any(|a| a.summary.contains("from 198.51.100.7")
                && a.summary.contains("asha@acme.example")),
        "{answers:?}"
    );

    let pem = w
        .orders
        .download(&w.admin, placed.id, DownloadFormat::Pem)
        .await
        .unwrap();
    let dir = temp_dir("rootline-ev-subject");
    std::fs::write(dir.join("leaf.pem"), pem.bytes).unwrap();
    let subject = openssl(
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
    );
    assert!(
        subject.contains("O=Acme Widgets Private Limited")
            && subject.contains("businessCategory=Private Organization")
            && subject.contains("serialNumber=U72200KA2009PTC049889")
            && subject.contains("2.23.140.1.1"),
        "{subject}"
    );
    assert!(!subject.contains("Impostor"), "{subject}");
    let view = w.orders.order_view(&w.admin, placed.id).await.unwrap();
    assert!(
        view.ev_steps
            .iter()
            .all(|s| s.answer == Some(EvAnswer::Approved))
    );
}

#[tokio::test]
async fn an_ev_order_without_signatories_or_for_an_ov_organization_is_refused_and_stores_nothing() {
    let w = world().await;
    w.credit(w.admin.account.id, "900.00").await;
    let ov = w
        .organization(
            &w.admin,
            "Beta Tools Ltd",
            OrganizationStatus::VerifiedOv,
            Duration::days(398),
        )
        .await;
    let ev = w.ev_organization().await;
    let before = w.order_count().await;
    let mut missing = w.ev_form("shop.example.com", ev, APPROVER).await;
    missing.approver_name.clear();
    missing.approver_email = "not an address".into();
    match w.orders.place(&w.admin, &missing.to_command()).await {
        Err(OrderError::Invalid(e)) => {
            assert!(e.get("approver_name").is_some(), "{e:?}");
            assert!(e.get("approver_email").is_some(), "{e:?}");
        }
        other => panic!("{other:?}"),
    }
    let for_ov = w.ev_form("shop.example.com", ov, APPROVER).await;
    match w.orders.place(&w.admin, &for_ov.to_command()).await {
        Err(OrderError::Invalid(e)) => {
            let m = e
                .get("organization_id")
                .map(ToString::to_string)
                .unwrap_or_default();
            assert!(m.contains("EV"), "{m}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(w.order_count().await, before);
}

#[tokio::test]
async fn a_rejected_approval_holds_the_order_with_the_reason_and_tells_the_requester() {
    let w = world().await;
    w.credit(w.admin.account.id, "900.00").await;
    let org = w.ev_organization().await;
    let form = w.ev_form("shop.example.com", org, APPROVER).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    w.validate(&token_of(&placed.tracking_url)).await;
    let approval = w.ev_link_to(APPROVER).await;
    match w
        .orders
        .answer_ev_link(&approval, "reject", " ", 0, None)
        .await
    {
        Err(OrderError::Invalid(e)) => assert!(e.get("reason").is_some()),
        other => panic!("a rejection needs its reason: {other:?}"),
    }
    w.orders
        .answer_ev_link(&approval, "reject", "We did not ask for this.", 0, None)
        .await
        .unwrap();
    // The link was for one answer.
    assert!(matches!(
        w.orders
            .answer_ev_link(&approval, "approve", "", 0, None)
            .await,
        Err(OrderError::Refused(_))
    ));
    assert_eq!(
        w.orders.ev_link(&approval).await.unwrap().answer,
        Some(EvAnswer::Rejected)
    );
    for who in ["asha@acme.example", SIGNER] {
        let token = w.ev_link_to(who).await;
        let version = w
            .orders
            .ev_link(&token)
            .await
            .unwrap()
            .agreement
            .map_or(0, |a| a.0);
        w.orders
            .answer_ev_link(&token, "approve", "", version, None)
            .await
            .unwrap();
    }
    let order = orders::get(&w.h.store, w.admin.account.id, placed.id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        order.certificate_id.is_none(),
        "a rejected request never issues"
    );
    assert!(
        order
            .issue_error
            .as_deref()
            .is_some_and(|e| e.contains("We did not ask for this.")),
        "{:?}",
        order.issue_error
    );
    let told =
        w.h.mailer
            .sent()
            .into_iter()
            .any(|m| m.to == "asha@acme.example" && m.text.contains("We did not ask for this."));
    assert!(told, "the requester is told");
}

#[tokio::test]
async fn an_ev_link_stops_working_when_it_expires_and_junk_is_not_found() {
    let w = world().await;
    w.credit(w.admin.account.id, "900.00").await;
    let org = w.ev_organization().await;
    let form = w.ev_form("shop.example.com", org, APPROVER).await;
    w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    let approval = w.ev_link_to(APPROVER).await;
    w.h.clock
        .advance(Duration::days(EV_LINK_DAYS) - Duration::seconds(1));
    assert!(w.orders.ev_link(&approval).await.is_ok());
    w.h.clock.advance(Duration::seconds(1));
    assert!(matches!(
        w.orders.ev_link(&approval).await,
        Err(OrderError::NotFound)
    ));
    assert!(matches!(
        w.orders
            .answer_ev_link(&approval, "approve", "", 0, None)
            .await,
        Err(OrderError::NotFound)
    ));
    assert!(matches!(
        w.orders.ev_link("not-a-token").await,
        Err(OrderError::NotFound)
    ));
}

#[tokio::test]
async fn an_agreement_published_after_the_page_opened_must_be_read_first() {
    let w = world().await;
    w.credit(w.admin.account.id, "900.00").await;
    let org = w.ev_organization().await;
    let form = w.ev_form("shop.example.com", org, APPROVER).await;
    w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    let agreement = w.ev_link_to(SIGNER).await;
    let shown = w
        .orders
        .ev_link(&agreement)
        .await
        .unwrap()
        .agreement
        .unwrap()
        .0;
    crate::store::legal::publish(
        &w.h.store,
        app::model::legal::LegalDocumentKind::SubscriberAgreement,
        "Subscriber agreement",
        "New duties.",
        w.ops.user.id.into(),
        crate::ports::Clock::now(w.h.clock.as_ref()),
    )
    .await
    .unwrap();
    match w
        .orders
        .answer_ev_link(&agreement, "approve", "", shown, None)
        .await
    {
        Err(OrderError::Invalid(e)) => assert!(e.get("agreement_version").is_some()),
        other => panic!("{other:?}"),
    }
    w.orders
        .answer_ev_link(&agreement, "approve", "", shown + 1, None)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_approver_answers_on_the_approvals_page_and_no_one_else_can() {
    let w = world().await;
    w.credit(w.admin.account.id, "900.00").await;
    let org = w.ev_organization().await;
    // The administrator approves their own account's request here: they are its approver.
    let mine = w
        .ev_form("shop.example.com", org, "asha@acme.example")
        .await;
    let mine = w.orders.place(&w.admin, &mine.to_command()).await.unwrap();
    let theirs = w.ev_form("www.example.com", org, APPROVER).await;
    let theirs = w
        .orders
        .place(&w.admin, &theirs.to_command())
        .await
        .unwrap();
    let rows = w.orders.ev_approvals(&w.admin).await.unwrap();
    assert_eq!(
        rows.len(),
        2,
        "an administrator sees the account's EV requests"
    );
    let my_row = rows.iter().find(|r| r.order_id == mine.id).unwrap();
    let their_row = rows.iter().find(|r| r.order_id == theirs.id).unwrap();
    assert!(my_row.may_answer && !their_row.may_answer);
    assert!(matches!(
        w.orders
            .answer_ev_approval(&w.admin, their_row.step_id, "approve", "")
            .await,
        Err(OrderError::Refused(_))
    ));
    let other = administrator(&w.h, "ravi@globex.example").await;
    assert!(matches!(
        w.orders
            .answer_ev_approval(&other, my_row.step_id, "approve", "")
            .await,
        Err(OrderError::NotFound)
    ));
    assert!(w.orders.ev_approvals(&other).await.unwrap().is_empty());
    w.orders
        .answer_ev_approval(&w.admin, my_row.step_id, "approve", "")
        .await
        .unwrap();
    let rows = w.orders.ev_approvals(&w.admin).await.unwrap();
    let my_row = rows.iter().find(|r| r.order_id == mine.id).unwrap();
    assert_eq!(my_row.answer, Some(EvAnswer::Approved));
    assert!(!my_row.may_answer, "answered once");
}

#[tokio::test]
async fn an_ev_reissue_asks_the_signatories_again_and_issues_after_their_answers() {
    let w = world().await;
    w.credit(w.admin.account.id, "900.00").await;
    let org = w.ev_organization().await;
    let form = w.ev_form("shop.example.com", org, APPROVER).await;
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    w.validate(&token_of(&placed.tracking_url)).await;
    w.answer_all_ev_links().await;
    assert_eq!(
        w.status(w.admin.account.id, placed.id).await,
        OrderStatus::Fulfilled
    );
    let sent_before = w.ev_links().await.len();
    let (csr, _dir) = crate::services::orders::test_support::csr_for("shop.example.com");
    let again = w
        .orders
        .reissue(
            &w.admin,
            &app::model::order_actions::ReissueForm {
                order_id: placed.id,
                reason: app::model::order_actions::REISSUE_REASONS[0].into(),
                remarks: String::new(),
                csr_pem: csr,
            },
        )
        .await
        .unwrap();
    assert_ne!(
        again.status,
        OrderStatus::Fulfilled,
        "the reissue waits for its answers"
    );
    assert_eq!(
        w.ev_links().await.len(),
        sent_before + 3,
        "each of the three is asked once"
    );
    w.answer_all_ev_links().await;
    assert_eq!(
        w.status(w.admin.account.id, again.id).await,
        OrderStatus::Fulfilled
    );
}

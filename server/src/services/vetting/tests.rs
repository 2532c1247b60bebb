//! The vetting desk on the test database (SQLite, or PostgreSQL when CI sets it).

use app::model::{
    OrganizationId,
    organization_form::OrganizationForm,
    organizations::{OrganizationStatus, VettingLevel},
    vetting::{CheckForm, VettingItem},
};
use chrono::Duration;

use super::{VettingError, VettingService};
use crate::services::{
    catalog::test_support::{administrator, operator},
    identity::{
        Caller,
        test_support::{Harness, harness},
    },
    organizations::{OrganizationService, Upload},
};

fn form(trade_name: &str) -> OrganizationForm {
    OrganizationForm {
        legal_name: "Acme Widgets Private Limited".into(),
        trade_name: trade_name.into(),
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
    }
}

struct World {
    h: Harness,
    orgs: OrganizationService,
    desk: VettingService,
    customer: Caller,
    agent: Caller,
    id: OrganizationId,
}

/// A customer's organization sent for validation, and an operator user at the desk.
async fn world(trade_name: &str) -> World {
    let h = harness().await;
    let orgs = OrganizationService::for_harness(&h);
    let desk = VettingService::for_harness(&h);
    let customer = administrator(&h, "asha@acme-widgets.example.in").await;
    let agent = operator(&h).await;
    let id = orgs
        .add_organization(&customer, &form(trade_name), None)
        .await
        .unwrap();
    orgs.add_document(
        &customer,
        id,
        Upload {
            file_name: "incorporation.pdf".into(),
            bytes: b"%PDF-1.7\n%%EOF\n".to_vec(),
        },
        None,
    )
    .await
    .unwrap();
    orgs.submit_organization(&customer, id, None).await.unwrap();
    World {
        h,
        orgs,
        desk,
        customer,
        agent,
        id,
    }
}

fn check(item: VettingItem) -> CheckForm {
    CheckForm {
        item: item.as_str().into(),
        source: "MCA21 company master data, CIN U72200KA2009PTC049889".into(),
        note: String::new(),
    }
}

/// The code's link token and the code, from the mail the representative got.
async fn mailed_code(w: &World) -> (String, String) {
    let mail =
        w.h.sent()
            .await
            .into_iter()
            .rev()
            .find(|m| m.to == "cs@acme-widgets.example.in")
            .expect("the representative got the code");
    let token = mail
        .text
        .split("/organizations/verify/")
        .nth(1)
        .unwrap()
        .chars()
        .take(43)
        .collect::<String>();
    let code = mail
        .text
        .split_whitespace()
        .find(|w| w.len() == 7 && w.ends_with('.') && w[..6].bytes().all(|b| b.is_ascii_digit()))
        .unwrap()[..6]
        .to_owned();
    (token, code)
}

async fn status(w: &World) -> OrganizationStatus {
    w.orgs
        .organization_detail(&w.customer, w.id)
        .await
        .unwrap()
        .status
}

#[tokio::test]
async fn the_queue_is_the_operators_and_lists_the_longest_waiting_first() {
    let w = world("").await;
    let queue = w.desk.vetting_queue(&w.agent).await.unwrap();
    assert_eq!(queue.organizations.len(), 1);
    assert_eq!(queue.organizations[0].id, w.id);
    assert!(matches!(
        w.desk.vetting_queue(&w.customer).await,
        Err(VettingError::OperatorOnly)
    ));
    assert!(matches!(
        w.desk.vetting_case(&w.customer, w.id).await,
        Err(VettingError::OperatorOnly)
    ));
}

#[tokio::test]
async fn approving_with_an_unchecked_item_is_refused_and_changes_nothing() {
    let w = world("").await;
    w.desk
        .record_check(&w.agent, w.id, &check(VettingItem::IdentityAddress), None)
        .await
        .unwrap();
    assert_eq!(status(&w).await, OrganizationStatus::InValidation);
    assert!(matches!(
        w.desk.approve(&w.agent, w.id, VettingLevel::Ov, None).await,
        Err(VettingError::Refused(_))
    ));
    assert_eq!(status(&w).await, OrganizationStatus::InValidation);
    // The communication item is the representative's to check, never the agent's.
    assert!(matches!(
        w.desk
            .record_check(&w.agent, w.id, &check(VettingItem::Communication), None)
            .await,
        Err(VettingError::Invalid(_))
    ));
    // A check without a source is not a check.
    let mut bare = check(VettingItem::PhysicalExistence);
    bare.source = "  ".into();
    assert!(matches!(
        w.desk.record_check(&w.agent, w.id, &bare, None).await,
        Err(VettingError::Invalid(_))
    ));
}

#[tokio::test]
async fn the_code_entered_through_its_link_checks_communication_then_ov_is_approved() {
    let w = world("").await;
    w.desk
        .record_check(&w.agent, w.id, &check(VettingItem::IdentityAddress), None)
        .await
        .unwrap();
    let returned = w.desk.send_code(&w.agent, w.id, None).await.unwrap();
    let (token, code) = mailed_code(&w).await;
    assert_eq!(code, returned);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    assert!(matches!(
        w.desk.enter_code(&token, wrong, None).await,
        Err(VettingError::Invalid(_))
    ));
    let entered = w
        .desk
        .enter_code(&token, &code, Some("198.51.100.7".into()))
        .await
        .unwrap();
    assert_eq!(entered.organization, "Acme Widgets Private Limited");
    // One use: the link is spent.
    assert!(matches!(
        w.desk.enter_code(&token, &code, None).await,
        Err(VettingError::NotFound)
    ));
    let case = w.desk.vetting_case(&w.agent, w.id).await.unwrap();
    assert!(case.ready_ov && !case.ready_ev);
    let communication = case
        .checklist
        .iter()
        .find(|r| r.item == VettingItem::Communication)
        .and_then(|r| r.checked.clone())
        .unwrap();
    assert!(communication.source.contains("198.51.100.7"));
    w.desk
        .approve(&w.agent, w.id, VettingLevel::Ov, None)
        .await
        .unwrap();
    let detail = w.orgs.organization_detail(&w.customer, w.id).await.unwrap();
    assert_eq!(detail.status, OrganizationStatus::VerifiedOv);
    assert!(detail.verified_until.is_some());
    let told = w.h.sent().await;
    assert!(
        told.iter()
            .any(|m| m.to == "asha@acme-widgets.example.in" && m.subject.contains("verified (OV)")),
        "{told:?}"
    );
    let case = w.desk.vetting_case(&w.agent, w.id).await.unwrap();
    assert!(case.history.len() >= 4, "{:?}", case.history);
}

#[tokio::test]
async fn a_code_stops_working_after_five_wrong_tries_and_after_it_expires() {
    let w = world("").await;
    w.desk.send_code(&w.agent, w.id, None).await.unwrap();
    let (token, code) = mailed_code(&w).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        assert!(w.desk.enter_code(&token, wrong, None).await.is_err());
    }
    assert!(matches!(
        w.desk.enter_code(&token, &code, None).await,
        Err(VettingError::Refused(_))
    ));
    w.desk.send_code(&w.agent, w.id, None).await.unwrap();
    let (token, code) = mailed_code(&w).await;
    w.h.clock
        .advance(Duration::hours(super::CODE_LIFETIME_HOURS) + Duration::seconds(1));
    assert!(matches!(
        w.desk.enter_code(&token, &code, None).await,
        Err(VettingError::NotFound)
    ));
}

#[tokio::test]
async fn ev_needs_every_item_and_an_aged_out_check_blocks_approval_until_checked_again() {
    let w = world("Acme").await;
    for item in [
        VettingItem::IdentityAddress,
        VettingItem::TradeName,
        VettingItem::PhysicalExistence,
        VettingItem::OperationalExistence,
    ] {
        w.desk
            .record_check(&w.agent, w.id, &check(item), None)
            .await
            .unwrap();
    }
    w.desk.send_code(&w.agent, w.id, None).await.unwrap();
    let (token, code) = mailed_code(&w).await;
    w.desk.enter_code(&token, &code, None).await.unwrap();
    assert!(matches!(
        w.desk.approve(&w.agent, w.id, VettingLevel::Ev, None).await,
        Err(VettingError::Refused(_))
    ));
    // 399 days later the first checks have aged out (EV reuse: 398 days).
    w.h.clock.advance(Duration::days(399));
    w.desk
        .record_check(
            &w.agent,
            w.id,
            &check(VettingItem::SignerApproverAuthority),
            None,
        )
        .await
        .unwrap();
    let case = w.desk.vetting_case(&w.agent, w.id).await.unwrap();
    assert!(!case.ready_ev);
    assert!(
        case.checklist
            .iter()
            .filter_map(|r| r.checked.as_ref())
            .any(|c| c.aged_out)
    );
    assert!(
        w.desk
            .approve(&w.agent, w.id, VettingLevel::Ev, None)
            .await
            .is_err()
    );
    for item in [
        VettingItem::IdentityAddress,
        VettingItem::TradeName,
        VettingItem::PhysicalExistence,
        VettingItem::OperationalExistence,
    ] {
        w.desk
            .record_check(&w.agent, w.id, &check(item), None)
            .await
            .unwrap();
    }
    w.desk.send_code(&w.agent, w.id, None).await.unwrap();
    let (token, code) = mailed_code(&w).await;
    w.desk.enter_code(&token, &code, None).await.unwrap();
    w.desk
        .approve(&w.agent, w.id, VettingLevel::Ev, None)
        .await
        .unwrap();
    assert_eq!(status(&w).await, OrganizationStatus::VerifiedEv);
}

#[tokio::test]
async fn a_refusal_needs_a_reason_which_the_customer_reads_and_may_answer_by_sending_again() {
    let w = world("").await;
    assert!(matches!(
        w.desk.reject(&w.agent, w.id, "   ", None).await,
        Err(VettingError::Invalid(_))
    ));
    w.desk
        .reject(
            &w.agent,
            w.id,
            "The registration number does not match the registry.",
            None,
        )
        .await
        .unwrap();
    let detail = w.orgs.organization_detail(&w.customer, w.id).await.unwrap();
    assert_eq!(detail.status, OrganizationStatus::Rejected);
    assert_eq!(
        detail.rejection_reason.as_deref(),
        Some("The registration number does not match the registry.")
    );
    // Decided: the desk has nothing more to decide until it is sent again.
    assert!(matches!(
        w.desk.approve(&w.agent, w.id, VettingLevel::Ov, None).await,
        Err(VettingError::Refused(_))
    ));
    w.orgs
        .submit_organization(&w.customer, w.id, None)
        .await
        .unwrap();
    let detail = w.orgs.organization_detail(&w.customer, w.id).await.unwrap();
    assert_eq!(detail.status, OrganizationStatus::Submitted);
    assert_eq!(detail.rejection_reason, None);
}

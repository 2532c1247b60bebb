//! The organizations service on the test database (SQLite, or PostgreSQL when CI sets it).

use app::i18n::Lang;
use app::model::{
    AccountId, OrganizationId, Permission,
    organization_form::{ContactForm, OrganizationForm},
    organizations::{DOCUMENT_MAX_BYTES, OrganizationStatus, OrganizationsQuery},
};
use chrono::Duration;

use crate::ports::Clock;

use super::{OrganizationError, OrganizationService, Upload, edit::Edited};
use crate::services::{
    access::{AccessService, added_member},
    catalog::test_support::administrator,
    identity::{
        Caller,
        test_support::{Harness, harness},
    },
};
use crate::store::organizations as store;

const PDF: &[u8] =
    b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

fn form(name: &str) -> OrganizationForm {
    OrganizationForm {
        legal_name: name.into(),
        trade_name: String::new(),
        org_type: "private_organization".into(),
        registration_number: "U72200KA2009PTC049889".into(),
        registration_agency: "Registrar of Companies, Bengaluru".into(),
        jurisdiction_country: "IN".into(),
        jurisdiction_state: "Karnataka".into(),
        jurisdiction_locality: String::new(),
        street: "12 MG Road".into(),
        city: "Bengaluru".into(),
        state: "Karnataka".into(),
        postal_code: "560001".into(),
        country: "IN".into(),
        phone: "+91 80 4000 1234".into(),
        rep_name: "Asha Rao".into(),
        rep_email: "asha@acme-widgets.in".into(),
        rep_phone: "+91 98450 12345".into(),
        rep_designation: "Company Secretary".into(),
    }
}

fn pdf(name: &str) -> Upload {
    Upload {
        file_name: name.into(),
        bytes: PDF.to_vec(),
    }
}

struct World {
    h: Harness,
    orgs: OrganizationService,
    admin: Caller,
}

async fn world() -> World {
    let h = harness().await;
    let orgs = OrganizationService::for_harness(&h);
    let admin = administrator(&h, "asha@acme-widgets.in").await;
    World { h, orgs, admin }
}

async fn member(w: &World, email: &str, role: &str) -> Caller {
    let access = AccessService::for_harness(&w.h);
    added_member(&w.h, &access, &w.admin, email, role).await.1
}

/// Marks the organization vetted at `status` until `until` (the vetting desk's part).
async fn vetted(w: &World, id: OrganizationId, status: OrganizationStatus, until: Duration) {
    let now = w.h.clock.now();
    store::set_status(
        &w.h.store,
        AccountId(w.admin.account.id),
        id,
        status,
        None,
        now,
    )
    .await
    .unwrap();
    store::set_verified_until(&w.h.store, id, Some(now + until))
        .await
        .unwrap();
}

#[tokio::test]
async fn an_administrator_adds_a_draft_organization_with_its_representative() {
    let w = world().await;
    let id = w
        .orgs
        .add_organization(&w.admin, &form("Acme Widgets Private Limited"), None)
        .await
        .unwrap();
    let d = w.orgs.organization_detail(&w.admin, id).await.unwrap();
    assert_eq!(d.status, OrganizationStatus::Draft);
    assert_eq!(d.form.legal_name, "Acme Widgets Private Limited");
    assert_eq!(d.representative.email, "asha@acme-widgets.in");
    assert_eq!(d.representative.phone, "+919845012345");
    assert!(d.alternates.is_empty() && d.documents.is_empty());
    assert!(d.can_manage);
}

#[tokio::test]
async fn bad_input_names_each_field_and_adds_nothing() {
    let w = world().await;
    let mut f = form("Acme Widgets Private Limited");
    f.rep_email = "not an address".into();
    f.jurisdiction_country = "XX".into();
    let Err(OrganizationError::Invalid(e)) = w.orgs.add_organization(&w.admin, &f, None).await
    else {
        panic!("accepted a bad form");
    };
    assert!(e.get("rep_email").is_some() && e.get("jurisdiction_country").is_some());
    let page = w
        .orgs
        .organizations_page(&w.admin, &OrganizationsQuery::default())
        .await
        .unwrap();
    assert_eq!(page.total, 0);
}

#[tokio::test]
async fn a_basic_user_reads_organizations_but_may_not_add_or_change_one() {
    let w = world().await;
    let id = w
        .orgs
        .add_organization(&w.admin, &form("Acme Widgets Private Limited"), None)
        .await
        .unwrap();
    let basic = member(&w, "bob@acme-widgets.in", "basic_user").await;
    let page = w
        .orgs
        .organizations_page(&basic, &OrganizationsQuery::default())
        .await
        .unwrap();
    assert_eq!(page.total, 1);
    assert!(!page.can_manage);
    assert!(matches!(
        w.orgs
            .add_organization(&basic, &form("Bob's Own Ltd"), None)
            .await,
        Err(OrganizationError::Forbidden(
            Permission::ManageOrganizations
        ))
    ));
    assert!(matches!(
        w.orgs.submit_organization(&basic, id, None).await,
        Err(OrganizationError::Forbidden(
            Permission::ManageOrganizations
        ))
    ));
}

#[tokio::test]
async fn another_accounts_organization_is_not_found_and_unchanged() {
    let w = world().await;
    let id = w
        .orgs
        .add_organization(&w.admin, &form("Acme Widgets Private Limited"), None)
        .await
        .unwrap();
    let stranger = administrator(&w.h, "ravi@other-widgets.in").await;
    let not_found = |r: Result<_, OrganizationError>| matches!(r, Err(OrganizationError::NotFound));
    assert!(not_found(
        w.orgs.organization_detail(&stranger, id).await.map(|_| ())
    ));
    assert!(not_found(
        w.orgs
            .update_organization(&stranger, id, &form("Taken Over Ltd"), None)
            .await
            .map(|_| ())
    ));
    assert!(not_found(
        w.orgs
            .add_document(&stranger, id, pdf("x.pdf"), None)
            .await
            .map(|_| ())
    ));
    assert!(not_found(
        w.orgs.submit_organization(&stranger, id, None).await
    ));
    assert!(not_found(
        w.orgs.suspend_organization(&stranger, id, None).await
    ));
    let mine = w.orgs.organization_detail(&w.admin, id).await.unwrap();
    assert_eq!(mine.form.legal_name, "Acme Widgets Private Limited");
    assert_eq!(mine.status, OrganizationStatus::Draft);
    assert!(mine.documents.is_empty());
    let theirs = w
        .orgs
        .organizations_page(&stranger, &OrganizationsQuery::default())
        .await
        .unwrap();
    assert_eq!(theirs.total, 0);
}

#[tokio::test]
async fn submitting_needs_a_document_and_a_second_submit_changes_nothing() {
    let w = world().await;
    let id = w
        .orgs
        .add_organization(&w.admin, &form("Acme Widgets Private Limited"), None)
        .await
        .unwrap();
    assert!(matches!(
        w.orgs.submit_organization(&w.admin, id, None).await,
        Err(OrganizationError::Refused(_))
    ));
    w.orgs
        .add_document(&w.admin, id, pdf("incorporation.pdf"), None)
        .await
        .unwrap();
    w.orgs
        .submit_organization(&w.admin, id, None)
        .await
        .unwrap();
    let first = w.orgs.organization_detail(&w.admin, id).await.unwrap();
    assert_eq!(first.status, OrganizationStatus::Submitted);
    assert!(first.submitted.is_some());
    w.h.clock.advance(Duration::days(1));
    w.orgs
        .submit_organization(&w.admin, id, None)
        .await
        .unwrap();
    let again = w.orgs.organization_detail(&w.admin, id).await.unwrap();
    assert_eq!(again.submitted, first.submitted);
    // While the desk has it, the record waits for the desk's answer.
    assert!(matches!(
        w.orgs
            .update_organization(&w.admin, id, &form("Acme Gadgets Private Limited"), None)
            .await,
        Err(OrganizationError::Refused(_))
    ));
}

#[tokio::test]
async fn the_operators_staff_are_told_by_mail_when_an_organization_joins_the_queue() {
    let w = world().await;
    // The operator's staff member exists before the organization is sent.
    w.h.signed_in_operator().await;
    let id = w
        .orgs
        .add_organization(&w.admin, &form("Acme Widgets Private Limited"), None)
        .await
        .unwrap();
    w.orgs
        .add_document(&w.admin, id, pdf("incorporation.pdf"), None)
        .await
        .unwrap();
    w.orgs
        .submit_organization(&w.admin, id, None)
        .await
        .unwrap();
    let told: Vec<_> =
        w.h.sent()
            .await
            .into_iter()
            .filter(|m| m.to == "ops@rootline.test")
            .collect();
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(
        told[0].subject,
        "Acme Widgets Private Limited waits on the vetting desk"
    );
    assert!(
        told[0]
            .text
            .contains(&format!("http://portal.test/operator/vetting/{id}")),
        "{}",
        told[0].text
    );
    // A second submit (a retry) tells nobody again.
    w.orgs
        .submit_organization(&w.admin, id, None)
        .await
        .unwrap();
    assert_eq!(
        w.h.sent()
            .await
            .iter()
            .filter(|m| m.to == "ops@rootline.test")
            .count(),
        1
    );
}

#[tokio::test]
async fn a_document_of_the_wrong_type_or_too_large_is_refused_and_nothing_is_kept() {
    let w = world().await;
    let id = w
        .orgs
        .add_organization(&w.admin, &form("Acme Widgets Private Limited"), None)
        .await
        .unwrap();
    let html = Upload {
        file_name: "incorporation.pdf".into(),
        bytes: b"<html><script>alert(1)</script></html>".to_vec(),
    };
    let Err(OrganizationError::Invalid(e)) = w.orgs.add_document(&w.admin, id, html, None).await
    else {
        panic!("kept an HTML page named .pdf");
    };
    assert!(e.get("document").is_some());
    let mut big = PDF.to_vec();
    big.resize(DOCUMENT_MAX_BYTES + 1, b' ');
    let too_large = Upload {
        file_name: "big.pdf".into(),
        bytes: big,
    };
    assert!(matches!(
        w.orgs.add_document(&w.admin, id, too_large, None).await,
        Err(OrganizationError::Invalid(_))
    ));
    assert!(matches!(
        w.orgs
            .add_document(&w.admin, id, Upload::default(), None)
            .await,
        Err(OrganizationError::Invalid(_))
    ));
    let d = w.orgs.organization_detail(&w.admin, id).await.unwrap();
    assert!(d.documents.is_empty());
}

#[tokio::test]
async fn the_same_document_posted_twice_is_kept_once_and_reads_back_whole() {
    let w = world().await;
    let id = w
        .orgs
        .add_organization(&w.admin, &form("Acme Widgets Private Limited"), None)
        .await
        .unwrap();
    let first = w
        .orgs
        .add_document(&w.admin, id, pdf("C:\\scans\\incorporation.pdf"), None)
        .await
        .unwrap();
    let again = w
        .orgs
        .add_document(&w.admin, id, pdf("incorporation.pdf"), None)
        .await
        .unwrap();
    assert_eq!(first, again);
    let d = w.orgs.organization_detail(&w.admin, id).await.unwrap();
    assert_eq!(d.documents.len(), 1);
    assert_eq!(d.documents[0].file_name, "incorporation.pdf");
    assert_eq!(d.documents[0].kind, "PDF");
    let file = w.orgs.document(&w.admin, id, first).await.unwrap();
    assert_eq!(file.bytes, PDF);
    let stranger = administrator(&w.h, "ravi@other-widgets.in").await;
    assert!(matches!(
        w.orgs.document(&stranger, id, first).await,
        Err(OrganizationError::NotFound)
    ));
}

#[tokio::test]
async fn editing_a_verified_organization_sends_it_back_to_vetting() {
    let w = world().await;
    let id = w
        .orgs
        .add_organization(&w.admin, &form("Acme Widgets Private Limited"), None)
        .await
        .unwrap();
    assert_eq!(
        w.orgs
            .update_organization(&w.admin, id, &form("Acme Widgets Pvt Ltd"), None)
            .await
            .unwrap(),
        Edited::Saved
    );
    vetted(&w, id, OrganizationStatus::VerifiedOv, Duration::days(398)).await;
    assert_eq!(
        w.orgs
            .update_organization(&w.admin, id, &form("Acme Widgets Private Limited"), None)
            .await
            .unwrap(),
        Edited::ModificationRequested
    );
    let d = w.orgs.organization_detail(&w.admin, id).await.unwrap();
    assert_eq!(d.status, OrganizationStatus::Submitted);
    assert_eq!(d.form.legal_name, "Acme Widgets Private Limited");
    assert!(d.submitted.is_some());
}

#[tokio::test]
async fn the_list_finds_names_in_any_case_and_tells_expired_from_verified() {
    let w = world().await;
    let mut zurich = form("Zürich Uhren AG");
    zurich.jurisdiction_country = "CH".into();
    zurich.country = "CH".into();
    let z = w
        .orgs
        .add_organization(&w.admin, &zurich, None)
        .await
        .unwrap();
    let a = w
        .orgs
        .add_organization(&w.admin, &form("Acme Widgets Private Limited"), None)
        .await
        .unwrap();
    let search = |text: &str, status: &str| OrganizationsQuery {
        search: text.into(),
        status: status.into(),
        page: None,
    };
    let found = w
        .orgs
        .organizations_page(&w.admin, &search("ZÜRICH", ""))
        .await
        .unwrap();
    assert_eq!(
        found.organizations.iter().map(|o| o.id).collect::<Vec<_>>(),
        [z]
    );
    let found = w
        .orgs
        .organizations_page(&w.admin, &search("049889", ""))
        .await
        .unwrap();
    assert_eq!(found.total, 2);
    let found = w
        .orgs
        .organizations_page(&w.admin, &search("100%_", ""))
        .await
        .unwrap();
    assert_eq!(found.total, 0);

    vetted(&w, z, OrganizationStatus::VerifiedOv, Duration::days(1)).await;
    vetted(&w, a, OrganizationStatus::VerifiedEv, Duration::days(398)).await;
    w.h.clock.advance(Duration::days(2));
    let expired = w
        .orgs
        .organizations_page(&w.admin, &search("", "expired"))
        .await
        .unwrap();
    assert_eq!(
        expired
            .organizations
            .iter()
            .map(|o| o.id)
            .collect::<Vec<_>>(),
        [z]
    );
    assert_eq!(
        expired.organizations[0].status_key(),
        "organization-status-expired"
    );
    let ov = w
        .orgs
        .organizations_page(&w.admin, &search("", "verified_ov"))
        .await
        .unwrap();
    assert_eq!(ov.total, 0);
    let ev = w
        .orgs
        .organizations_page(&w.admin, &search("", "verified_ev"))
        .await
        .unwrap();
    assert_eq!(
        ev.organizations.iter().map(|o| o.id).collect::<Vec<_>>(),
        [a]
    );
    assert!(matches!(
        w.orgs
            .organizations_page(&w.admin, &search("", "approved"))
            .await,
        Err(OrganizationError::Invalid(_))
    ));
}

#[tokio::test]
async fn alternates_are_added_once_each_and_removed_but_never_the_representative() {
    let w = world().await;
    let id = w
        .orgs
        .add_organization(&w.admin, &form("Acme Widgets Private Limited"), None)
        .await
        .unwrap();
    let alt = ContactForm {
        name: "Ravi Kumar".into(),
        email: "ravi@acme-widgets.in".into(),
        phone: "+91 98450 54321".into(),
        designation: "Director".into(),
    };
    let first = w
        .orgs
        .add_alternate(&w.admin, id, &alt, None)
        .await
        .unwrap();
    let again = w
        .orgs
        .add_alternate(&w.admin, id, &alt, None)
        .await
        .unwrap();
    assert_eq!(first, again);
    let d = w.orgs.organization_detail(&w.admin, id).await.unwrap();
    assert_eq!(d.alternates.len(), 1);
    assert!(matches!(
        w.orgs
            .remove_alternate(&w.admin, id, d.representative.id, None)
            .await,
        Err(OrganizationError::NotFound)
    ));
    w.orgs
        .remove_alternate(&w.admin, id, first, None)
        .await
        .unwrap();
    let d = w.orgs.organization_detail(&w.admin, id).await.unwrap();
    assert!(d.alternates.is_empty());
    assert_eq!(d.representative.name, "Asha Rao");
}

#[tokio::test]
async fn a_suspended_organization_stays_suspended_for_the_account() {
    let w = world().await;
    let id = w
        .orgs
        .add_organization(&w.admin, &form("Acme Widgets Private Limited"), None)
        .await
        .unwrap();
    w.orgs
        .suspend_organization(&w.admin, id, None)
        .await
        .unwrap();
    w.orgs
        .suspend_organization(&w.admin, id, None)
        .await
        .unwrap();
    let d = w.orgs.organization_detail(&w.admin, id).await.unwrap();
    assert_eq!(d.status, OrganizationStatus::Suspended);
    assert!(matches!(
        w.orgs.submit_organization(&w.admin, id, None).await,
        Err(OrganizationError::Refused(_))
    ));
    assert!(matches!(
        w.orgs
            .add_document(&w.admin, id, pdf("late.pdf"), None)
            .await,
        Err(OrganizationError::Refused(_))
    ));
}

#[tokio::test]
async fn the_export_holds_the_search_with_its_header_in_the_callers_language() {
    let w = world().await;
    w.orgs
        .add_organization(&w.admin, &form("Acme Widgets Private Limited"), None)
        .await
        .unwrap();
    let bytes = w
        .orgs
        .organizations_export(&w.admin, &OrganizationsQuery::default(), Lang::Pl)
        .await
        .unwrap();
    let (sheet, header) = crate::services::orders::test_support::xlsx_header(&bytes);
    assert_eq!(sheet, app::i18n::tr(Lang::Pl, "xlsx-organizations-sheet"));
    assert_eq!(header.len(), 8);
    assert_eq!(
        header[1],
        app::i18n::tr(Lang::Pl, "organizations-col-legal-name")
    );
}

#[tokio::test]
async fn vetting_reminders_go_30_and_7_days_before_it_ages_out_once_each() {
    let w = world().await;
    let id = w
        .orgs
        .add_organization(&w.admin, &form("Acme Widgets Private Limited"), None)
        .await
        .unwrap();
    vetted(&w, id, OrganizationStatus::VerifiedOv, Duration::days(40)).await;
    let reminders = |mails: Vec<crate::ports::Mail>| {
        mails
            .into_iter()
            .filter(|m| m.subject.starts_with("The vetting of Acme Widgets"))
            .count()
    };
    assert_eq!(w.orgs.send_vetting_reminders().await.unwrap(), 0);
    // The day before the 30-day mark nothing is due; on it, one reminder, once.
    w.h.clock.advance(Duration::days(9));
    assert_eq!(w.orgs.send_vetting_reminders().await.unwrap(), 0);
    w.h.clock.advance(Duration::days(1));
    assert_eq!(w.orgs.send_vetting_reminders().await.unwrap(), 1);
    assert_eq!(w.orgs.send_vetting_reminders().await.unwrap(), 0);
    let mails = w.h.sent().await;
    let first = mails
        .iter()
        .find(|m| m.subject.starts_with("The vetting of Acme Widgets"))
        .unwrap();
    assert_eq!(first.to, "asha@acme-widgets.in");
    assert!(
        first
            .text
            .contains(&format!("http://portal.test/organizations/{id}")),
        "{}",
        first.text
    );
    w.h.clock.advance(Duration::days(23));
    assert_eq!(w.orgs.send_vetting_reminders().await.unwrap(), 1);
    assert_eq!(reminders(w.h.sent().await), 2);
    // Once it has aged out there is nothing more to remind of.
    w.h.clock.advance(Duration::days(8));
    assert_eq!(w.orgs.send_vetting_reminders().await.unwrap(), 0);
    // A new vetting gets reminders of its own.
    vetted(&w, id, OrganizationStatus::VerifiedOv, Duration::days(30)).await;
    assert_eq!(w.orgs.send_vetting_reminders().await.unwrap(), 1);
}

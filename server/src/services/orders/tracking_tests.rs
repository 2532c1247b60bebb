//! The tracking links and the mail outbox (issue 18, findings 2 and 10): every recipient has a
//! link of their own, only the requester's acts, no link replaces a CSR, links end with the
//! certificate, the database keeps only hashes of them, and delivered mail leaves no secret
//! behind.

use app::model::{
    order_actions::EditOrderForm,
    order_status::OrderStatus,
    orders::{KeySource, OrderForm, TrackingScope},
};

use super::test_support::{World, csr_for, token_of, world};
use super::{DownloadFormat, OrderError};
use crate::{
    ports::{Clock, Mail},
    services::catalog::test_support::caller,
    store::{mail_outbox, memberships, orders},
};

const REQUESTER: &str = "asha@acme.example";
const COPY: &str = "ops@acme.example";
const TECH: &str = "tech@acme.example";

/// The token of the tracking link in a mail, if it has one.
fn link_in(mail: &Mail) -> Option<String> {
    let start = mail.text.find("/track/")? + "/track/".len();
    mail.text.get(start..start + 43).map(str::to_owned)
}

impl World {
    /// Delivers the queued mail; what the mail server received so far.
    async fn delivered(&self) -> Vec<Mail> {
        self.h.delivery.deliver_due().await.unwrap();
        self.h.mailer.sent()
    }

    /// A paid DV order for `name` naming an additional recipient and a technical contact.
    async fn order_with_copies(&self, name: &str, csr: Option<String>) -> (i32, String) {
        self.credit(self.admin.account.id, "100.00").await;
        let form = OrderForm {
            extra_emails: COPY.into(),
            tech_name: "Tess Tech".into(),
            tech_email: TECH.into(),
            ..self.form(&self.admin, name, csr).await
        };
        let placed = self
            .orders
            .place(&self.admin, &form.to_command())
            .await
            .unwrap();
        (placed.id, token_of(&placed.tracking_url))
    }

    async fn order_row(&self, id: i32) -> crate::store::OrderRow {
        orders::get(&self.h.store, self.admin.account.id, id)
            .await
            .unwrap()
            .unwrap()
    }

    /// The links each address received, in the order the mails came.
    async fn links_to(&self, address: &str) -> Vec<String> {
        self.delivered()
            .await
            .iter()
            .filter(|m| m.to == address)
            .filter_map(link_in)
            .collect()
    }
}

#[tokio::test]
async fn a_tracking_link_never_replaces_the_csr_an_order_already_has() {
    let w = world().await;
    let (csr, _d1) = csr_for("shop.example.com");
    let (id, token) = w.order_with_copies("shop.example.com", Some(csr)).await;
    let before = w.order_row(id).await.csr_pem;
    assert!(before.is_some());

    // Whoever holds the link brings a CSR of their own key for the same name.
    let (theirs, _d2) = csr_for("shop.example.com");
    let e = w.orders.tracking_submit_csr(&token, &theirs).await;
    match e {
        Err(OrderError::Refused(why)) => {
            assert!(why.to_string().contains("already has a CSR"), "{why}");
            assert!(
                why.to_string().contains("Replace the CSR"),
                "says what to do: {why}"
            );
        }
        other => panic!("the link replaced the CSR: {other:?}"),
    }
    assert_eq!(w.order_row(id).await.csr_pem, before, "nothing changed");

    // The order is issued for the requester's key, not theirs.
    w.validate(&token).await;
    assert_eq!(
        w.status(w.admin.account.id, id).await,
        OrderStatus::Fulfilled
    );
    assert_eq!(w.order_row(id).await.csr_pem, before);
}

#[tokio::test]
async fn every_recipient_gets_a_link_of_their_own_and_only_the_requesters_acts() {
    let w = world().await;
    let (id, requester) = w.order_with_copies("portal.example.com", None).await;
    let mine = w.links_to(REQUESTER).await;
    let copy = w.links_to(COPY).await;
    let tech = w.links_to(TECH).await;
    assert_eq!(
        mine,
        std::slice::from_ref(&requester),
        "the requester's mail has their link"
    );
    let (copy, tech) = (copy[0].clone(), tech[0].clone());
    assert_ne!(copy, requester, "the copy has a link of its own");
    assert_ne!(tech, requester, "so has the technical contact");
    assert_ne!(copy, tech);

    let mine = w.orders.tracking(&requester).await.unwrap();
    assert_eq!((mine.scope, mine.can_act), (TrackingScope::Requester, true));
    let domain = mine.names[0].domain.clone().unwrap();
    let (csr, _d) = csr_for("portal.example.com");
    for t in [&copy, &tech] {
        // A read-only link shows the order...
        let view = w.orders.tracking(t).await.unwrap();
        assert_eq!(view.order_id, id);
        assert_eq!((view.scope, view.can_act), (TrackingScope::Viewer, false));
        // ...and takes no action on it.
        for e in [
            w.orders
                .tracking_change_method(t, domain.id, "http_file")
                .await,
            w.orders.tracking_verify(t, domain.id).await.map(|_| ()),
            w.orders.tracking_submit_csr(t, &csr).await.map(|_| ()),
        ] {
            match e {
                Err(OrderError::Refused(why)) => {
                    assert!(why.to_string().contains("read-only"), "{why}");
                    assert!(why.to_string().contains("requester"), "says who can: {why}");
                }
                other => panic!("a read-only link acted: {other:?}"),
            }
        }
    }
    assert_eq!(w.order_row(id).await.csr_pem, None, "no CSR came in");

    // The requester's link submits the missing CSR and validates; the order is issued.
    w.validate(&requester).await;
    let status = w
        .orders
        .tracking_submit_csr(&requester, &csr)
        .await
        .unwrap();
    assert_eq!(status, OrderStatus::Fulfilled);
    // Every link downloads the certificate; each recipient's "ready" mail carries their own.
    for t in [&requester, &copy, &tech] {
        let der = w
            .orders
            .tracking_download(t, DownloadFormat::Der)
            .await
            .unwrap();
        assert_eq!(der.bytes.first(), Some(&0x30));
    }
    assert_eq!(w.links_to(COPY).await.last(), Some(&copy));
    assert_eq!(w.links_to(TECH).await.last(), Some(&tech));
}

#[tokio::test]
async fn tracking_links_stop_when_the_certificate_expires() {
    let w = world().await;
    let (csr, _d) = csr_for("shop.example.com");
    let (id, requester) = w.order_with_copies("shop.example.com", Some(csr)).await;
    w.validate(&requester).await;
    let copy = w.links_to(COPY).await[0].clone();
    let cert_id = w.order_row(id).await.certificate_id.unwrap();
    let not_after = crate::store::certificates::find_by_id(&w.h.store, cert_id)
        .await
        .unwrap()
        .unwrap()
        .not_after;

    w.h.clock.set(not_after - chrono::Duration::minutes(1));
    for t in [&requester, &copy] {
        let view = w.orders.tracking(t).await.unwrap();
        assert!(view.issued);
        assert_eq!(
            view.works_until,
            Some(app::model::Day::from(not_after)),
            "the page says until when"
        );
        w.orders
            .tracking_download(t, DownloadFormat::Pem)
            .await
            .unwrap();
    }
    w.h.clock.set(not_after + chrono::Duration::seconds(1));
    for t in [&requester, &copy] {
        let e = w.orders.tracking(t).await.map(|_| ());
        assert!(matches!(e, Err(OrderError::NotFound)), "{e:?}");
        let e = w
            .orders
            .tracking_download(t, DownloadFormat::Pem)
            .await
            .map(|_| ());
        assert!(matches!(e, Err(OrderError::NotFound)), "{e:?}");
    }
}

#[tokio::test]
async fn an_order_that_ended_without_a_certificate_shows_its_end_for_thirty_days() {
    let w = world().await;
    let (id, requester) = w.order_with_copies("example.com", None).await;
    w.orders
        .cancel(&w.admin, id, "Bought by mistake")
        .await
        .unwrap();
    let view = w.orders.tracking(&requester).await.unwrap();
    assert_eq!(view.status, OrderStatus::Cancelled);
    let domain = view.names[0].domain.clone().unwrap();
    // A cancelled order takes no more action through its link.
    let e = w.orders.tracking_verify(&requester, domain.id).await;
    assert!(matches!(e, Err(OrderError::Refused(_))), "{e:?}");

    w.h.clock
        .advance(chrono::Duration::days(30) - chrono::Duration::minutes(1));
    assert!(w.orders.tracking(&requester).await.is_ok());
    w.h.clock.advance(chrono::Duration::minutes(2));
    let e = w.orders.tracking(&requester).await.map(|_| ());
    assert!(matches!(e, Err(OrderError::NotFound)), "{e:?}");
}

#[tokio::test]
async fn the_database_keeps_no_tracking_token_in_clear() {
    let w = world().await;
    let (id, requester) = w.order_with_copies("example.com", None).await;
    let copy = w.links_to(COPY).await[0].clone();
    let row = format!("{:?}", w.order_row(id).await);
    for token in [&requester, &copy] {
        assert!(!row.contains(token.as_str()), "the order row holds a token");
    }
}

#[tokio::test]
async fn delivered_mail_leaves_no_link_or_pin_in_the_outbox() {
    let w = world().await;
    let (csr, _d) = csr_for("shop.example.com");
    w.credit(w.admin.account.id, "100.00").await;
    let form = OrderForm {
        extra_emails: COPY.into(),
        delegate_name: "Dev Ops".into(),
        delegate_email: "devops@acme.example".into(),
        ..w.form(&w.admin, "shop.example.com", Some(csr)).await
    };
    let placed = w.orders.place(&w.admin, &form.to_command()).await.unwrap();
    w.validate(&token_of(&placed.tracking_url)).await;
    let sent = w.delivered().await;
    let pin = sent
        .iter()
        .find_map(|m| m.text.lines().find_map(|l| l.strip_prefix("PIN: ")))
        .expect("the delegate got the PIN")
        .to_owned();
    assert!(sent.iter().any(|m| link_in(m).is_some()), "links went out");
    assert!(
        sent.iter().any(|m| m.text.contains("/activate/")),
        "so did the activation link"
    );

    // Every delivered message (the activation mail of the set-up included) is in the outbox
    // without its body.
    let mut id = 1;
    let mut seen = 0;
    while let Some(row) = mail_outbox::find(&w.h.store, id).await.unwrap() {
        assert!(row.sent_at.is_some(), "{row:?}");
        for secret in ["/track/", "/activate/", "PIN:", pin.as_str()] {
            assert!(
                !row.body.contains(secret) && !row.subject.contains(secret),
                "mail {id} to {} keeps {secret:?}: {}",
                row.to_address,
                row.body
            );
        }
        seen += 1;
        id += 1;
    }
    assert_eq!(seen, sent.len(), "every sent mail was checked");
}

#[tokio::test]
async fn only_who_may_manage_the_order_replaces_its_csr_in_the_portal() {
    let w = world().await;
    let (csr, _d1) = csr_for("shop.example.com");
    let (id, _) = w.order_with_copies("shop.example.com", Some(csr)).await;
    let before = w.order_row(id).await.csr_pem;
    // Ravi, a Standard User of the account, sees the group's orders but may not manage them.
    let session = w.h.signed_in("ravi@acme.example").await;
    let ravi = caller(&w.h, &session).await;
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
    let ravi = caller(&w.h, &session).await;
    assert!(w.orders.order_view(&ravi, id).await.is_ok(), "he sees it");
    let (theirs, _d2) = csr_for("shop.example.com");
    let e = w.orders.submit_csr(&ravi, id, &theirs).await;
    match e {
        Err(OrderError::Refused(why)) => assert!(why.to_string().contains("Replace"), "{why}"),
        other => panic!("a viewer replaced the CSR: {other:?}"),
    }
    assert_eq!(w.order_row(id).await.csr_pem, before);
    // The administrator who placed it may.
    let (replacement, _d3) = csr_for("shop.example.com");
    w.orders
        .submit_csr(&w.admin, id, &replacement)
        .await
        .unwrap();
    let after = w.order_row(id).await;
    assert_eq!(after.csr_pem.as_deref(), Some(replacement.trim()));
    assert_eq!(*after.key_source, KeySource::Paste);
}

#[tokio::test]
async fn a_recipient_taken_off_the_order_loses_their_link() {
    let w = world().await;
    let (id, requester) = w.order_with_copies("example.com", None).await;
    let copy = w.links_to(COPY).await[0].clone();
    assert!(w.orders.tracking(&copy).await.is_ok());
    w.orders
        .edit(
            &w.admin,
            &EditOrderForm {
                order_id: id,
                extra_emails: String::new(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let e = w.orders.tracking(&copy).await.map(|_| ());
    assert!(matches!(e, Err(OrderError::NotFound)), "{e:?}");
    assert!(w.orders.tracking(&requester).await.is_ok());
    // Named again, they get the same link back.
    w.orders
        .edit(
            &w.admin,
            &EditOrderForm {
                order_id: id,
                extra_emails: COPY.into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(w.orders.tracking(&copy).await.is_ok());
}

#[tokio::test]
async fn the_order_page_shows_the_requesters_link_and_the_database_only_hashes() {
    let w = world().await;
    let (id, requester) = w.order_with_copies("example.com", None).await;
    let view = w.orders.order_view(&w.admin, id).await.unwrap();
    assert_eq!(token_of(&view.tracking_url), requester);
    let copy = w.links_to(COPY).await[0].clone();
    let links = crate::store::tracking_links::for_order(&w.h.store, w.admin.account.id, id)
        .await
        .unwrap();
    assert_eq!(
        links
            .iter()
            .map(|l| (l.recipient.as_str(), l.scope.code()))
            .collect::<Vec<_>>(),
        [(REQUESTER, "requester"), (COPY, "viewer"), (TECH, "viewer")]
    );
    let rows = format!("{links:?}");
    for token in [&requester, &copy] {
        assert!(!rows.contains(token.as_str()), "a token in clear: {rows}");
        assert!(rows.contains(&crate::domain::secret_token::hash_token(token)));
    }
}

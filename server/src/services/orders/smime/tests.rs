//! S/MIME orders end to end on a real store, CA and ledger: the order, the mailbox
//! verification through the mailed link, the activation that issues (checked by OpenSSL and
//! pkilint's MAILBOX-STRICT lint), and every refusal, each leaving nothing changed.

use std::{path::PathBuf, process::Command};

use app::model::{
    order_status::OrderStatus,
    products::ProductKind,
    smime::{ActivationForm, SmimeOrderForm, StepStatus},
};
use chrono::Duration;

use super::confirm::unknown_link;
use crate::services::orders::test_support::World;
use crate::{
    ca::test_support::{openssl, openssl_csr, temp_dir},
    ports::Clock,
    services::{
        catalog::test_support::{administrator, caller},
        identity::Caller,
        orders::{DownloadFormat, OrderError},
        validation::test_support::mails,
    },
    store::{memberships, orders},
};

/// The orders' test world with the S/MIME product and credits.
async fn world() -> World {
    let w = crate::services::orders::test_support::world().await;
    w.catalog.seed_smime_product().await.unwrap();
    w.credit(w.admin.account.id, "100.00").await;
    w
}

impl World {
    async fn smime_offer(&self, who: &Caller, kind: ProductKind) -> (i32, i64) {
        let offers = self.catalog.offers(who, "USD").await.unwrap();
        let o = offers.iter().find(|o| o.kind == kind).unwrap();
        (o.id, o.validity_days[0])
    }

    async fn smime_form(&self, who: &Caller, email: &str) -> SmimeOrderForm {
        let (product_id, validity_days) = self.smime_offer(who, ProductKind::SmimeMailbox).await;
        SmimeOrderForm {
            product_id,
            validity_days,
            requester_name: "Asha Rao".into(),
            requester_email: "asha@acme.example".into(),
            certificate_email: email.into(),
            csr_source: "later".into(),
            ..Default::default()
        }
    }

    async fn own_status(&self, id: i32) -> OrderStatus {
        let o = orders::get(&self.h.store, self.admin.account.id, id)
            .await
            .unwrap()
            .unwrap();
        *o.status
    }

    async fn billing_summary(&self) -> String {
        let page = self.billing.billing_page(&self.admin, None).await.unwrap();
        format!("{page:?}")
    }

    /// The value of the newest verification link mailed to `to`; panics when none went there.
    async fn link_to(&self, to: &str) -> String {
        let all = mails(&self.h.store).await;
        let mail = all
            .iter()
            .rev()
            .find(|m| m.subject.starts_with("Verify ") && m.to_address == to)
            .unwrap_or_else(|| panic!("no verification mail to {to}: {all:?}"));
        let line = mail
            .body
            .lines()
            .find(|l| l.contains("/smime/verify/"))
            .unwrap();
        line.trim().rsplit('/').next().unwrap().to_owned()
    }

    async fn verification_mails(&self) -> Vec<String> {
        mails(&self.h.store)
            .await
            .into_iter()
            .filter(|m| m.subject.starts_with("Verify "))
            .map(|m| m.to_address)
            .collect()
    }
}

/// An OpenSSL CSR for `email` (as CN and rfc822Name) and its folder.
fn csr_for(email: &str, key: &str) -> (String, PathBuf) {
    let dir = temp_dir("smime-order");
    let csr = openssl_csr(
        &dir,
        key,
        &format!("/CN={email}"),
        Some(&format!("email:{email}")),
        &[],
    );
    (String::from_utf8(csr).unwrap(), dir)
}

fn activation(csr: &str) -> ActivationForm {
    ActivationForm {
        method: "csr".into(),
        csr_pem: csr.into(),
        statements: vec![true, true],
    }
}

#[tokio::test]
async fn an_smime_order_is_paid_verified_through_the_mailed_link_activated_and_lints_clean() {
    let w = world().await;
    let before = w.billing_summary().await;
    let id = w
        .orders
        .smime_place(
            &w.admin,
            &w.smime_form(&w.admin, "Ravi@Acme-Mail.com").await,
        )
        .await
        .unwrap();
    assert_eq!(
        w.own_status(id).await,
        OrderStatus::Accepted,
        "paid at once"
    );
    assert_ne!(w.billing_summary().await, before, "the ledger was debited");
    let view = w.orders.smime_view(&w.admin, id).await.unwrap();
    assert_eq!(view.email.as_deref(), Some("ravi@acme-mail.com"));
    assert_eq!(view.email_step, StepStatus::WaitingForVerification);
    assert_eq!(view.activation_step, StepStatus::NotAvailableYet);
    assert!(view.link_expires_at.is_some());
    // The link went to the mailbox and nowhere else; the requester got the confirmation.
    assert_eq!(w.verification_mails().await, ["ravi@acme-mail.com"]);
    // The order appears in the order list under its address.
    let page = w
        .orders
        .orders_page(&w.admin, &Default::default())
        .await
        .unwrap();
    assert!(format!("{page:?}").contains("ravi@acme-mail.com"));

    let value = w.link_to("ravi@acme-mail.com").await;
    assert_eq!(
        w.orders.smime_verify(&value).await.unwrap(),
        "ravi@acme-mail.com"
    );
    let view = w.orders.smime_view(&w.admin, id).await.unwrap();
    assert_eq!(view.email_step, StepStatus::Verified);
    assert_eq!(view.activation_step, StepStatus::WaitingForData);
    // The link answers once.
    match w.orders.smime_verify(&value).await {
        Err(OrderError::Refused(why)) => assert_eq!(why, unknown_link()),
        other => panic!("{other:?}"),
    }

    for key in ["rsa:2048"] {
        let (csr, dir) = csr_for("ravi@acme-mail.com", key);
        w.orders
            .smime_activate(&w.admin, id, &activation(&csr))
            .await
            .unwrap();
        assert_eq!(w.own_status(id).await, OrderStatus::Fulfilled);
        let view = w.orders.smime_view(&w.admin, id).await.unwrap();
        assert_eq!(view.activation_step, StepStatus::Verified);
        let chain = view.certificate_pem.unwrap();
        assert_eq!(chain.matches("BEGIN CERTIFICATE").count(), 2, "leaf and CA");
        let der = w
            .orders
            .download(&w.admin, id, DownloadFormat::Der)
            .await
            .unwrap();
        std::fs::write(dir.join("leaf.der"), &der.bytes).unwrap();
        std::fs::write(dir.join("chain.pem"), &chain).unwrap();
        let text = openssl(
            &[
                "x509", "-inform", "DER", "-in", "leaf.der", "-noout", "-text",
            ],
            &dir,
        );
        assert!(text.contains("email:ravi@acme-mail.com"), "{text}");
        assert!(text.contains("Subject: CN = ravi@acme-mail.com"), "{text}");
        assert!(
            text.contains("2.23.140.1.5.1.3"),
            "mailbox strict policy: {text}"
        );
        let out = openssl(&["x509", "-in", "chain.pem", "-noout", "-pubkey"], &dir);
        let req = openssl(&["req", "-in", "req.csr", "-noout", "-pubkey"], &dir);
        assert_eq!(out, req, "the requester's key");
        let lint = Command::new("lint_cabf_smime_cert")
            .args([
                "lint",
                "-t",
                "MAILBOX-STRICT",
                "-s",
                "WARNING",
                "--document-format",
                "DER",
                "leaf.der",
            ])
            .current_dir(&dir)
            .output()
            .expect("pkilint is installed (pip install pkilint; `make test` does it)");
        let findings = String::from_utf8_lossy(&lint.stdout);
        assert!(
            lint.status.success() && findings.trim().is_empty(),
            "{findings}{}",
            String::from_utf8_lossy(&lint.stderr)
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
    // Issued once: a second activation is refused.
    let (csr, _dir) = csr_for("ravi@acme.example", "ec:P-256");
    assert!(matches!(
        w.orders
            .smime_activate(&w.admin, id, &activation(&csr))
            .await,
        Err(OrderError::Refused(_))
    ));
}

#[tokio::test]
async fn a_link_after_24_hours_is_refused_with_nothing_changed_and_a_resent_link_works() {
    let w = world().await;
    let id = w
        .orders
        .smime_place(&w.admin, &w.smime_form(&w.admin, "ravi@acme.example").await)
        .await
        .unwrap();
    let old = w.link_to("ravi@acme.example").await;
    w.h.clock
        .advance(Duration::hours(24) + Duration::minutes(1));
    match w.orders.smime_verify(&old).await {
        Err(OrderError::Refused(why)) => assert!(why.to_string().contains("expired"), "{why}"),
        other => panic!("{other:?}"),
    }
    let view = w.orders.smime_view(&w.admin, id).await.unwrap();
    assert_eq!(view.email_step, StepStatus::WaitingForVerification);
    assert_eq!(view.link_expires_at, None, "no working link any more");

    let said = w.orders.smime_resend(&w.admin, id).await.unwrap();
    assert!(said.contains("ravi@acme.example"), "{said}");
    let new = w.link_to("ravi@acme.example").await;
    assert_ne!(new, old);
    // The old link is replaced, not revived.
    assert!(matches!(
        w.orders.smime_verify(&old).await,
        Err(OrderError::Refused(_))
    ));
    w.orders.smime_verify(&new).await.unwrap();
    assert_eq!(
        w.orders.smime_view(&w.admin, id).await.unwrap().email_step,
        StepStatus::Verified
    );
    // Verified: nothing to resend.
    assert!(matches!(
        w.orders.smime_resend(&w.admin, id).await,
        Err(OrderError::Refused(_))
    ));
}

#[tokio::test]
async fn a_wrong_or_malformed_value_is_refused_and_verifies_nothing() {
    let w = world().await;
    let id = w
        .orders
        .smime_place(&w.admin, &w.smime_form(&w.admin, "ravi@acme.example").await)
        .await
        .unwrap();
    let real = w.link_to("ravi@acme.example").await;
    let mut wrong = real.clone();
    wrong.replace_range(0..1, if real.starts_with('A') { "B" } else { "A" });
    for value in [wrong.as_str(), "", "short", "../../etc/passwd"] {
        match w.orders.smime_verify(value).await {
            Err(OrderError::Refused(why)) => assert_eq!(why, unknown_link()),
            other => panic!("{value}: {other:?}"),
        }
    }
    assert_eq!(
        w.orders.smime_view(&w.admin, id).await.unwrap().email_step,
        StepStatus::WaitingForVerification
    );
}

#[tokio::test]
async fn activation_refuses_a_csr_for_another_address_an_unverified_mailbox_and_missing_statements()
{
    let w = world().await;
    let id = w
        .orders
        .smime_place(&w.admin, &w.smime_form(&w.admin, "ravi@acme.example").await)
        .await
        .unwrap();
    let (right, _d1) = csr_for("ravi@acme.example", "ec:P-256");
    // Not verified yet.
    match w
        .orders
        .smime_activate(&w.admin, id, &activation(&right))
        .await
    {
        Err(OrderError::Refused(why)) => {
            assert!(
                why.to_string().starts_with("Verify ravi@acme.example"),
                "{why}"
            )
        }
        other => panic!("{other:?}"),
    }
    w.orders
        .smime_verify(&w.link_to("ravi@acme.example").await)
        .await
        .unwrap();
    let (other, _d2) = csr_for("mallory@acme.example", "ec:P-256");
    match w
        .orders
        .smime_activate(&w.admin, id, &activation(&other))
        .await
    {
        Err(OrderError::Invalid(e)) => {
            let why = e.get("csr_pem").unwrap();
            assert!(
                why.to_string().contains("mallory@acme.example")
                    && why.to_string().contains("ravi@acme.example"),
                "{why}"
            );
        }
        other => panic!("{other:?}"),
    }
    // A TLS CSR is no S/MIME request.
    let dir = temp_dir("smime-dns");
    let tls = String::from_utf8(openssl_csr(
        &dir,
        "ec:P-256",
        "/CN=www.acme.example",
        Some("DNS:www.acme.example"),
        &[],
    ))
    .unwrap();
    assert!(matches!(
        w.orders
            .smime_activate(&w.admin, id, &activation(&tls))
            .await,
        Err(OrderError::Invalid(_))
    ));
    let unmarked = ActivationForm {
        statements: vec![true, false],
        ..activation(&right)
    };
    match w.orders.smime_activate(&w.admin, id, &unmarked).await {
        Err(OrderError::Invalid(e)) => assert!(e.get("statements").is_some()),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        w.own_status(id).await,
        OrderStatus::Accepted,
        "nothing issued"
    );
    let o = orders::get(&w.h.store, w.admin.account.id, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(o.csr_pem, None, "no refused CSR was stored");
    assert_eq!(o.certificate_id, None);
}

#[tokio::test]
async fn a_proof_is_reused_for_30_days_and_then_a_new_one_is_required() {
    let w = world().await;
    let first = w
        .orders
        .smime_place(&w.admin, &w.smime_form(&w.admin, "ravi@acme.example").await)
        .await
        .unwrap();
    w.orders
        .smime_verify(&w.link_to("ravi@acme.example").await)
        .await
        .unwrap();
    w.h.clock.advance(Duration::days(29));
    let second = w
        .orders
        .smime_place(&w.admin, &w.smime_form(&w.admin, "ravi@acme.example").await)
        .await
        .unwrap();
    let view = w.orders.smime_view(&w.admin, second).await.unwrap();
    assert_eq!(view.email_step, StepStatus::Verified, "the proof is reused");
    assert_eq!(
        w.verification_mails().await.len(),
        1,
        "no new link was sent"
    );

    // Two days later the proof is 31 days old: the unactivated orders need a new one.
    w.h.clock.advance(Duration::days(2));
    for id in [first, second] {
        let view = w.orders.smime_view(&w.admin, id).await.unwrap();
        assert_eq!(view.email_step, StepStatus::WaitingForVerification);
        assert_eq!(view.activation_step, StepStatus::NotAvailableYet);
    }
    let (csr, _dir) = csr_for("ravi@acme.example", "ec:P-256");
    match w
        .orders
        .smime_activate(&w.admin, second, &activation(&csr))
        .await
    {
        Err(OrderError::Refused(why)) => {
            assert!(why.to_string().contains("older than 30 days"), "{why}")
        }
        other => panic!("{other:?}"),
    }
    let third = w
        .orders
        .smime_place(&w.admin, &w.smime_form(&w.admin, "ravi@acme.example").await)
        .await
        .unwrap();
    assert_eq!(
        w.orders
            .smime_view(&w.admin, third)
            .await
            .unwrap()
            .email_step,
        StepStatus::WaitingForVerification
    );
    assert_eq!(w.verification_mails().await.len(), 2, "a new link was sent");
    w.orders.smime_resend(&w.admin, second).await.unwrap();
    w.orders
        .smime_verify(&w.link_to("ravi@acme.example").await)
        .await
        .unwrap();
    w.orders
        .smime_activate(&w.admin, second, &activation(&csr))
        .await
        .unwrap();
    assert_eq!(w.own_status(second).await, OrderStatus::Fulfilled);
}

#[tokio::test]
async fn the_address_can_be_provided_after_ordering_and_same_as_requester_takes_the_requesters() {
    let w = world().await;
    let id = w
        .orders
        .smime_place(&w.admin, &w.smime_form(&w.admin, "").await)
        .await
        .unwrap();
    let view = w.orders.smime_view(&w.admin, id).await.unwrap();
    assert_eq!(view.email_step, StepStatus::WaitingForData);
    assert_eq!(view.activation_step, StepStatus::NotAvailableYet);
    assert!(w.verification_mails().await.is_empty());
    assert!(matches!(
        w.orders
            .smime_provide_email(&w.admin, id, "not an address")
            .await,
        Err(OrderError::Invalid(_))
    ));
    assert!(matches!(
        w.orders.smime_resend(&w.admin, id).await,
        Err(OrderError::Refused(_))
    ));
    w.orders
        .smime_provide_email(&w.admin, id, "ravi@acme.example")
        .await
        .unwrap();
    assert_eq!(
        orders::names(&w.h.store, id).await.unwrap(),
        ["ravi@acme.example"]
    );
    // Corrected before verification: the first link stops working.
    let first = w.link_to("ravi@acme.example").await;
    w.orders
        .smime_provide_email(&w.admin, id, "ravi.rao@acme.example")
        .await
        .unwrap();
    assert!(w.orders.smime_verify(&first).await.is_err());
    w.orders
        .smime_verify(&w.link_to("ravi.rao@acme.example").await)
        .await
        .unwrap();
    // Verified: the address is fixed now.
    assert!(matches!(
        w.orders
            .smime_provide_email(&w.admin, id, "x@acme.example")
            .await,
        Err(OrderError::Refused(_))
    ));

    let mut same = w.smime_form(&w.admin, "").await;
    same.same_as_requester = true;
    let id = w.orders.smime_place(&w.admin, &same).await.unwrap();
    assert_eq!(
        w.orders
            .smime_view(&w.admin, id)
            .await
            .unwrap()
            .email
            .as_deref(),
        Some("asha@acme.example")
    );
}

#[tokio::test]
async fn another_accounts_order_is_not_found_and_products_stay_in_their_own_flow() {
    let w = world().await;
    let id = w
        .orders
        .smime_place(&w.admin, &w.smime_form(&w.admin, "ravi@acme.example").await)
        .await
        .unwrap();
    let eve = administrator(&w.h, "eve@evil.example").await;
    assert!(matches!(
        w.orders.smime_view(&eve, id).await,
        Err(OrderError::NotFound)
    ));
    assert!(matches!(
        w.orders.smime_resend(&eve, id).await,
        Err(OrderError::NotFound)
    ));
    assert!(matches!(
        w.orders
            .smime_provide_email(&eve, id, "eve@evil.example")
            .await,
        Err(OrderError::NotFound)
    ));
    let (csr, _dir) = csr_for("ravi@acme.example", "ec:P-256");
    assert!(matches!(
        w.orders.smime_activate(&eve, id, &activation(&csr)).await,
        Err(OrderError::NotFound)
    ));
    // The TLS wizard neither offers nor takes the S/MIME product; the S/MIME page takes no DV.
    let wizard = w.orders.wizard(&w.admin, None).await.unwrap();
    assert!(wizard.offers.iter().all(|o| !o.kind.is_smime()));
    let (smime, days) = w.smime_offer(&w.admin, ProductKind::SmimeMailbox).await;
    let tls = app::model::orders::OrderForm {
        product_id: smime,
        validity_days: days,
        requester_name: "Asha Rao".into(),
        requester_email: "asha@acme.example".into(),
        csr_source: "later".into(),
        names: "www.acme.example".into(),
        ..Default::default()
    };
    assert!(matches!(
        w.orders.place(&w.admin, &tls.to_command()).await,
        Err(OrderError::Invalid(_))
    ));
    let (dv, days) = w.smime_offer(&w.admin, ProductKind::DvSingle).await;
    let mut form = w.smime_form(&w.admin, "ravi@acme.example").await;
    form.product_id = dv;
    form.validity_days = days;
    assert!(matches!(
        w.orders.smime_place(&w.admin, &form).await,
        Err(OrderError::Invalid(_))
    ));
    // A DV order is not an S/MIME order.
    assert!(matches!(
        w.orders.smime_view(&w.admin, id + 100).await,
        Err(OrderError::NotFound)
    ));
}

#[tokio::test]
async fn a_standard_users_order_is_not_available_until_approved_then_the_link_is_sent() {
    let w = world().await;
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
    let ravi = caller(&w.h, &token).await;
    let mut form = w.smime_form(&ravi, "").await;
    form.same_as_requester = true;
    form.requester_email = "ravi@acme.example".into();
    let id = w.orders.smime_place(&ravi, &form).await.unwrap();
    assert_eq!(w.own_status(id).await, OrderStatus::PendingApproval);
    let view = w.orders.smime_view(&ravi, id).await.unwrap();
    assert_eq!(view.email_step, StepStatus::NotAvailableYet);
    assert_eq!(view.activation_step, StepStatus::NotAvailableYet);
    assert!(w.verification_mails().await.is_empty());
    w.orders.approve(&w.admin, id).await.unwrap();
    assert_eq!(
        w.own_status(id).await,
        OrderStatus::Accepted,
        "approved and paid, not issued"
    );
    assert_eq!(w.verification_mails().await, ["ravi@acme.example"]);
}

#[tokio::test]
async fn an_smime_order_without_the_smime_ca_is_refused_and_charges_and_stores_nothing() {
    let w = crate::services::orders::test_support::world_without_ca().await;
    w.catalog.seed_smime_product().await.unwrap();
    w.credit(w.admin.account.id, "100.00").await;
    let group = crate::store::groups::for_account(&w.h.store, w.admin.account.id)
        .await
        .unwrap()
        .remove(0);
    let balance = || async {
        crate::services::billing::payer_balance(&w.h.store, w.admin.account.id, group.id)
            .await
            .unwrap()
            .balance_minor
    };
    let before = balance().await;
    let form = w.smime_form(&w.admin, "asha@acme.example").await;
    match w.orders.smime_place(&w.admin, &form).await {
        Err(OrderError::Refused(why)) => assert!(why.to_string().contains("(\"smime\")"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(balance().await, before);
    let page = w
        .orders
        .orders_page(&w.admin, &Default::default())
        .await
        .unwrap();
    assert_eq!(page.total, 0);
}

#[tokio::test]
async fn an_smime_form_token_places_one_order_however_often_it_is_posted() {
    let w = world().await;
    let form = w.smime_form(&w.admin, "ravi@acme.example").await;
    let token = w
        .orders
        .smime_new_data(&w.admin, None)
        .await
        .unwrap()
        .form_token;
    let (first, second) = tokio::join!(
        w.orders.smime_place_with(&w.admin, &form, Some(&token)),
        w.orders.smime_place_with(&w.admin, &form, Some(&token)),
    );
    assert_eq!(
        first.unwrap(),
        second.unwrap(),
        "two posts at once: one order"
    );
    let post = app::model::smime_form_post::SmimeOrderPost {
        token: token.clone(),
        form: form.clone(),
    };
    let to = w.orders.smime_form_post(&w.admin, post).await.unwrap();
    assert!(to.ends_with("/smime?done=placed"), "{to}");
    let orders = w
        .orders
        .orders_page(&w.admin, &app::model::orders::OrdersQuery::default())
        .await
        .unwrap();
    assert_eq!(orders.total, 1);
    let reopened = w
        .orders
        .smime_new_data(&w.admin, Some(&token))
        .await
        .unwrap();
    assert!(reopened.placed_order.is_some());
}

#[tokio::test]
async fn an_smime_form_refused_without_javascript_comes_back_with_its_errors_and_values() {
    let w = world().await;
    let mut form = w.smime_form(&w.admin, "not an address").await;
    form.remarks = "Keep me".into();
    let token = w
        .orders
        .smime_new_data(&w.admin, None)
        .await
        .unwrap()
        .form_token;
    let post = app::model::smime_form_post::SmimeOrderPost {
        token: token.clone(),
        form,
    };
    let to = w.orders.smime_form_post(&w.admin, post).await.unwrap();
    assert_eq!(to, format!("/orders/smime/new?form={token}"));
    let saved = w
        .orders
        .smime_new_data(&w.admin, Some(&token))
        .await
        .unwrap()
        .saved
        .expect("the form is kept");
    assert!(
        saved.errors.get("certificate_email").is_some(),
        "{:?}",
        saved.errors
    );
    assert_eq!(saved.form.remarks, "Keep me");
    let orders = w
        .orders
        .orders_page(&w.admin, &app::model::orders::OrdersQuery::default())
        .await
        .unwrap();
    assert_eq!(orders.total, 0, "nothing placed");
}

#[tokio::test]
async fn caa_issuemail_for_another_ca_refuses_activation_and_one_naming_this_ca_allows_it() {
    let w = world().await;
    let id = w
        .orders
        .smime_place(
            &w.admin,
            &w.smime_form(&w.admin, "ravi@acme-mail.com").await,
        )
        .await
        .unwrap();
    let value = w.link_to("ravi@acme-mail.com").await;
    w.orders.smime_verify(&value).await.unwrap();
    // S/MIME BR 4.2.2.1: only issuemail speaks for mailboxes, inherited from the parent.
    w.dns.add_caa("acme-mail.com", false, "issue", "ca.other");
    w.dns
        .add_caa("acme-mail.com", false, "issuemail", "mail-ca.other");
    let (csr, _dir) = csr_for("ravi@acme-mail.com", "ec:P-256");
    match w
        .orders
        .smime_activate(&w.admin, id, &activation(&csr))
        .await
    {
        Err(OrderError::Refused(why)) => {
            assert_eq!(why.key(), "err-smime-caa-refused");
            assert!(
                why.to_string().contains("mail-ca.other (issuemail)"),
                "{why}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        w.own_status(id).await,
        OrderStatus::Accepted,
        "nothing issued"
    );
    let row = orders::get(&w.h.store, w.admin.account.id, id)
        .await
        .unwrap()
        .unwrap();
    assert!(row.issue_error.unwrap_or_default().contains("issuemail"));

    w.dns
        .add_caa("acme-mail.com", false, "issuemail", "rootline.test");
    w.orders
        .smime_activate(&w.admin, id, &activation(&csr))
        .await
        .unwrap();
    assert_eq!(w.own_status(id).await, OrderStatus::Fulfilled);
}

//! Mass revocation on a real store and CA (SQLite, and PostgreSQL with
//! `ROOTLINE_TEST_DATABASE=postgres`): the search's filters, across accounts, for operators
//! only; a revocation of a selection through the CA's own path (CRL and OCSP read by
//! OpenSSL, ARI read through the ACME service), audited, mailed once per person, and done
//! once however often it is posted or run.

use std::sync::Arc;

use app::model::{
    CertificateId,
    certificate_status::CertificateState,
    ids::RevocationBatchId,
    revocations::{BatchOutcome, CertificateSearch, MassRevokeForm},
};

use super::{MassRevocationError, MassRevocationService};
use crate::{
    ca::{
        pem_certificate,
        test_support::{SECRET, authority_at, openssl, temp_dir},
    },
    domain::revocation::RevocationReason,
    ports::{dns::FakeDns, http_fetch::FakeHttp},
    services::{
        acme::{AcmeDeps, AcmeService, cert_id_of},
        catalog::test_support::administrator,
        identity::Caller,
        orders::test_support::{World, csr_for, token_of, world},
    },
    store::{CertificateRow, certificates, orders, revocation_batches},
};

/// Three issued certificates in two accounts: two of Acme's under `acme-mass.com` (the shop
/// also mailed to an additional recipient), one of Other's under `other-mass.net`.
struct Setup {
    w: World,
    service: MassRevocationService,
    other: Caller,
    shop: Issued,
    www: Issued,
    api: Issued,
}

struct Issued {
    order: i32,
    cert: CertificateRow,
}

async fn issue(w: &World, who: &Caller, name: &str, email: &str, extra: &str) -> Issued {
    let (csr, _dir) = csr_for(name);
    let mut form = w.form(who, name, Some(csr)).await;
    form.requester_email = email.into();
    form.extra_emails = extra.into();
    let placed = w.orders.place(who, &form.to_command()).await.unwrap();
    w.validate(&token_of(&placed.tracking_url)).await;
    let order = orders::get(&w.h.store, who.account.id, placed.id)
        .await
        .unwrap()
        .unwrap();
    let cert = certificates::find_by_id(&w.h.store, order.certificate_id.unwrap())
        .await
        .unwrap()
        .unwrap();
    Issued {
        order: placed.id,
        cert,
    }
}

async fn setup() -> Setup {
    let w = world().await;
    let other = administrator(&w.h, "ravi@other.example").await;
    w.credit(w.admin.account.id, "100.00").await;
    w.credit(other.account.id, "100.00").await;
    let shop = issue(
        &w,
        &w.admin,
        "shop.acme-mass.com",
        "asha@acme.example",
        "ops@acme.example",
    )
    .await;
    let www = issue(&w, &w.admin, "www.acme-mass.com", "asha@acme.example", "").await;
    let api = issue(&w, &other, "api.other-mass.net", "ravi@other.example", "").await;
    let service = MassRevocationService::for_harness(&w.h);
    Setup {
        w,
        service,
        other,
        shop,
        www,
        api,
    }
}

impl Setup {
    /// The serials a search finds, as the operator.
    async fn found(&self, f: impl FnOnce(&mut CertificateSearch)) -> Vec<String> {
        let mut q = CertificateSearch::default();
        f(&mut q);
        self.service
            .search_certificates(&self.w.ops, &q)
            .await
            .unwrap()
            .certificates
            .into_iter()
            .map(|c| c.serial)
            .collect()
    }

    fn serials(&self, which: &[&Issued]) -> Vec<String> {
        // Newest first, as the search lists them.
        let mut out: Vec<(i32, String)> = which
            .iter()
            .map(|i| (i.cert.id, i.cert.serial_hex.clone()))
            .collect();
        out.sort_by_key(|(id, _)| std::cmp::Reverse(*id));
        out.into_iter().map(|(_, s)| s).collect()
    }

    async fn cert(&self, which: &Issued) -> CertificateRow {
        certificates::find_by_id(&self.w.h.store, which.cert.id)
            .await
            .unwrap()
            .unwrap()
    }

    fn acme(&self) -> AcmeService {
        let h = &self.w.h;
        AcmeService::new(AcmeDeps {
            store: h.store.clone(),
            clock: h.clock.clone(),
            random: Arc::new(crate::adapters::random::OsRandom),
            identity: h.identity(),
            catalog: self.w.catalog.clone(),
            orders: self.w.orders.clone(),
            validation: self.w.validation.clone(),
            dns: Arc::new(FakeDns::default()),
            http: Arc::new(FakeHttp::default()),
            sealer: crate::services::identity::test_support::test_sealer(),
            authority: Arc::new(authority_at(h.store.clone(), SECRET, h.clock.clone())),
            eab_required: true,
        })
    }

    /// Whether ARI tells a client to renew the certificate now.
    async fn renew_now(&self, which: &Issued) -> bool {
        let id = cert_id_of(which.cert.cert_der.as_deref().unwrap()).unwrap();
        let window = self.acme().renewal_info(&id).await.unwrap();
        let now = crate::ports::Clock::now(self.w.h.clock.as_ref());
        window.early_since.is_some() && window.start <= now
    }
}

fn revoke_form(token: &str, ids: &[i32], reason: &str, confirm: &str) -> MassRevokeForm {
    MassRevokeForm {
        form_token: token.into(),
        scope: "selected".into(),
        certificates: ids.iter().map(ToString::to_string).collect(),
        reason: reason.into(),
        comment: "Keys generated by a flawed library".into(),
        confirm: confirm.into(),
        search: CertificateSearch::default(),
    }
}

const TOKEN: &str = "mass-revocation-token-0123456789abcdef0123";

/// The SHA-256 of a certificate's SubjectPublicKeyInfo, as OpenSSL computes it.
fn spki_sha256_by_openssl(der: &[u8]) -> String {
    let dir = temp_dir("mass-spki");
    std::fs::write(dir.join("leaf.pem"), pem_certificate(der)).unwrap();
    openssl(
        &[
            "x509", "-in", "leaf.pem", "-pubkey", "-noout", "-out", "pub.pem",
        ],
        &dir,
    );
    openssl(
        &[
            "pkey", "-pubin", "-in", "pub.pem", "-outform", "DER", "-out", "pub.der",
        ],
        &dir,
    );
    let out = openssl(&["dgst", "-sha256", "-r", "pub.der"], &dir);
    std::fs::remove_dir_all(dir).unwrap();
    out.split_whitespace().next().unwrap().to_owned()
}

#[tokio::test]
async fn the_operator_finds_every_accounts_certificates_by_each_filter() {
    let s = setup().await;
    let all = s.serials(&[&s.shop, &s.www, &s.api]);
    assert_eq!(s.found(|_| {}).await, all, "every account's certificates");

    // Names: exact, or the name and the names under it, never a longer label.
    let acme = s.serials(&[&s.shop, &s.www]);
    assert_eq!(
        s.found(|q| {
            q.name = "acme-mass.com".into();
            q.name_match = "suffix".into();
        })
        .await,
        acme
    );
    assert_eq!(
        s.found(|q| q.name = "SHOP.acme-mass.com".into()).await,
        s.serials(&[&s.shop])
    );
    assert!(
        s.found(|q| q.name = "acme-mass.com".into())
            .await
            .is_empty()
    );
    assert!(
        s.found(|q| {
            q.name = "mass.com".into();
            q.name_match = "suffix".into();
        })
        .await
        .is_empty(),
        "acme-mass.com is not under mass.com"
    );

    // The issuing CA, the profile, the product, the ACME profile.
    let page = s
        .service
        .search_certificates(&s.w.ops, &CertificateSearch::default())
        .await
        .unwrap();
    let tls = page
        .cas
        .iter()
        .find(|c| c.label == "tls")
        .unwrap()
        .value
        .clone();
    assert!(page.cas.iter().all(|c| c.label != "root"), "{:?}", page.cas);
    assert_eq!(s.found(|q| q.ca = tls.clone()).await, all);
    assert_eq!(s.found(|q| q.profile = "tls-dv".into()).await, all);
    assert!(s.found(|q| q.profile = "tls-ov".into()).await.is_empty());
    let unknown = s
        .service
        .search_certificates(
            &s.w.ops,
            &CertificateSearch {
                profile: "tls-nonsense".into(),
                ..Default::default()
            },
        )
        .await;
    assert!(
        matches!(unknown, Err(MassRevocationError::Invalid(ref e)) if e.get("profile").is_some()),
        "{unknown:?}"
    );
    let (product, _) = s.w.dv(&s.w.admin).await;
    assert_eq!(s.found(|q| q.product = product.to_string()).await, all);
    assert!(
        s.found(|q| q.acme_profile = "classic".into())
            .await
            .is_empty()
    );

    // Serials: one exactly, and a range from the lowest to the middle one.
    assert_eq!(
        s.found(|q| {
            q.serial_from = s.api.cert.serial_hex.to_uppercase();
            q.serial_to = format!("0x{}", s.api.cert.serial_hex);
        })
        .await,
        s.serials(&[&s.api])
    );
    let mut by_serial = [&s.shop, &s.www, &s.api];
    by_serial.sort_by(|a, b| a.cert.serial_hex.cmp(&b.cert.serial_hex));
    assert_eq!(
        s.found(|q| {
            q.serial_from = by_serial[0].cert.serial_hex.clone();
            q.serial_to = by_serial[1].cert.serial_hex.clone();
        })
        .await,
        s.serials(&by_serial[..2])
    );

    // The public key, as OpenSSL hashes it.
    let key = spki_sha256_by_openssl(s.www.cert.cert_der.as_deref().unwrap());
    assert_eq!(
        s.found(|q| q.key = key.to_uppercase()).await,
        s.serials(&[&s.www])
    );
    assert!(s.found(|q| q.key = "0".repeat(64)).await.is_empty());

    // Dates, inclusive, and the state.
    let today = app::model::Day::from(crate::ports::Clock::now(s.w.h.clock.as_ref()))
        .text(app::i18n::Lang::En);
    let yesterday = app::model::Day::from(
        crate::ports::Clock::now(s.w.h.clock.as_ref()) - chrono::Duration::days(1),
    )
    .text(app::i18n::Lang::En);
    assert_eq!(s.found(|q| q.issued_from = today.clone()).await, all);
    assert_eq!(s.found(|q| q.issued_to = today.clone()).await, all);
    assert!(
        s.found(|q| q.issued_to = yesterday.clone())
            .await
            .is_empty()
    );
    assert!(s.found(|q| q.expires_to = today.clone()).await.is_empty());
    assert_eq!(s.found(|q| q.expires_from = today.clone()).await, all);
    assert!(s.found(|q| q.state = "revoked".into()).await.is_empty());
    assert!(s.found(|q| q.state = "expired".into()).await.is_empty());

    // Another account's certificate shows with its account and order.
    let page = s
        .service
        .search_certificates(
            &s.w.ops,
            &CertificateSearch {
                name: "api.other-mass.net".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let found = &page.certificates[0];
    assert_eq!(
        found.account.as_deref(),
        Some(s.other.account.name.as_str())
    );
    assert_eq!(found.order, Some(s.api.order));
    assert_eq!(found.names, ["api.other-mass.net"]);
    assert_eq!(found.state, CertificateState::Valid);
    assert_eq!((page.total, page.revocable, page.narrowed), (1, 1, true));
    assert!(page.form_token.len() >= 43);
}

#[tokio::test]
async fn only_operator_users_search_revoke_or_read_a_batch() {
    let s = setup().await;
    for caller in [&s.w.admin, &s.other] {
        let search = s
            .service
            .search_certificates(caller, &CertificateSearch::default())
            .await;
        assert!(
            matches!(search, Err(MassRevocationError::OperatorOnly)),
            "{search:?}"
        );
        let revoke = s
            .service
            .revoke_selection(
                caller,
                &revoke_form(TOKEN, &[s.api.cert.id], "keyCompromise", "1"),
                None,
            )
            .await;
        assert!(
            matches!(revoke, Err(MassRevocationError::OperatorOnly)),
            "{revoke:?}"
        );
        let batch = s
            .service
            .revocation_batch(caller, RevocationBatchId(1), 1)
            .await;
        assert!(
            matches!(batch, Err(MassRevocationError::OperatorOnly)),
            "{batch:?}"
        );
    }
    assert!(s.cert(&s.api).await.revoked_at.is_none());
}

#[tokio::test]
async fn a_selection_is_revoked_audited_mailed_published_and_renewed_once() {
    let s = setup().await;
    let chosen = [s.shop.cert.id, s.api.cert.id];

    // The operator confirms how many; a count that is not the selection's revokes nothing.
    let wrong = s
        .service
        .revoke_selection(
            &s.w.ops,
            &revoke_form(TOKEN, &chosen, "keyCompromise", "3"),
            None,
        )
        .await;
    assert!(
        matches!(wrong, Err(MassRevocationError::Invalid(ref e)) if e.get("confirm").is_some()),
        "{wrong:?}"
    );
    let form = revoke_form(TOKEN, &chosen, "keyCompromise", "2");
    let batch = s
        .service
        .revoke_selection(&s.w.ops, &form, Some("192.0.2.9".into()))
        .await
        .unwrap();

    // Before the runner: recorded, waiting, and ARI already says "renew now".
    let view = s
        .service
        .revocation_batch(&s.w.ops, batch, 1)
        .await
        .unwrap();
    assert_eq!((view.total, view.waiting, view.revoked), (2, 2, 0));
    assert!(view.finished.is_none());
    assert!(s.renew_now(&s.shop).await && s.renew_now(&s.api).await);
    assert!(
        !s.renew_now(&s.www).await,
        "the certificate left out renews as usual"
    );

    assert_eq!(s.service.run_unfinished().await.unwrap(), 2);
    let view = s
        .service
        .revocation_batch(&s.w.ops, batch, 1)
        .await
        .unwrap();
    assert_eq!(
        (view.total, view.revoked, view.waiting, view.failed),
        (2, 2, 0, 0)
    );
    assert!(view.finished.is_some());
    assert_eq!(view.reason, "keyCompromise");
    assert!(
        view.criteria.contains("2 chosen certificates"),
        "{}",
        view.criteria
    );
    assert!(
        view.items
            .iter()
            .all(|i| i.outcome == BatchOutcome::Revoked)
    );
    assert_eq!(
        view.items.iter().map(|i| i.certificate).collect::<Vec<_>>(),
        [CertificateId(s.shop.cert.id), CertificateId(s.api.cert.id)]
    );

    // Exactly those: the CA's records, with the batch's reason.
    for (which, revoked) in [(&s.shop, true), (&s.api, true), (&s.www, false)] {
        let row = s.cert(which).await;
        assert_eq!(row.revoked_at.is_some(), revoked, "{}", row.names);
        if revoked {
            assert_eq!(
                row.revocation_reason.map(|r| r.into_inner()),
                Some(RevocationReason::KeyCompromise)
            );
        }
    }
    assert!(s.renew_now(&s.shop).await && !s.renew_now(&s.www).await);

    // The CRL of each certificate's shard lists it; OpenSSL's OCSP client reads "revoked".
    let ca = authority_at(s.w.h.store.clone(), SECRET, s.w.h.clock.clone());
    let dir = temp_dir("mass-revoked");
    let tls = ca.certificate_pem("tls").await.unwrap().unwrap();
    std::fs::write(dir.join("tls.pem"), &tls).unwrap();
    for which in [&s.shop, &s.api] {
        let row = s.cert(which).await;
        let crl = ca.current_crl("tls", row.crl_shard).await.unwrap().unwrap();
        std::fs::write(dir.join("shard.crl"), crl).unwrap();
        let text = openssl(
            &[
                "crl",
                "-in",
                "shard.crl",
                "-inform",
                "DER",
                "-noout",
                "-text",
            ],
            &dir,
        );
        assert!(text.contains(&row.serial_hex.to_uppercase()), "{text}");
        assert!(text.contains("Key Compromise"), "{text}");

        std::fs::write(
            dir.join("leaf.pem"),
            pem_certificate(row.cert_der.as_deref().unwrap()),
        )
        .unwrap();
        openssl(
            &[
                "ocsp",
                "-issuer",
                "tls.pem",
                "-cert",
                "leaf.pem",
                "-no_nonce",
                "-reqout",
                "req.der",
            ],
            &dir,
        );
        let answer = ca
            .ocsp_response(&std::fs::read(dir.join("req.der")).unwrap())
            .await;
        std::fs::write(dir.join("resp.der"), answer).unwrap();
        let out = openssl(
            &[
                "ocsp",
                "-respin",
                "resp.der",
                "-noverify",
                "-issuer",
                "tls.pem",
                "-cert",
                "leaf.pem",
                // The test's clock is not the machine's: any answer time will do.
                "-validity_period",
                "1000000000",
            ],
            &dir,
        );
        assert!(out.contains("leaf.pem: revoked"), "{out}");
    }
    std::fs::remove_dir_all(dir).unwrap();

    // Each revocation audited once, in the subscriber's account, naming operator, reason
    // and batch; the batch's start and end in the operator's.
    let audit = crate::store::audit::all(&s.w.h.store).await.unwrap();
    for (which, account) in [
        (&s.shop, s.w.admin.account.id),
        (&s.api, s.other.account.id),
    ] {
        let entries: Vec<_> = audit
            .iter()
            .filter(|e| {
                e.action == "certificate_revoked" && e.summary.contains(&which.cert.serial_hex)
            })
            .collect();
        assert_eq!(entries.len(), 1, "{entries:?}");
        let e = entries[0];
        assert_eq!(e.account_id, Some(account));
        assert_eq!(e.user_id, Some(s.w.ops.user.id));
        assert!(
            e.summary.contains(&format!("mass revocation #{batch}"))
                && e.summary.contains("Key compromise")
                && e.summary.contains(&s.w.ops.user.email),
            "{}",
            e.summary
        );
    }
    for action in ["mass_revocation_started", "mass_revocation_finished"] {
        let entries: Vec<_> = audit.iter().filter(|e| e.action == action).collect();
        assert_eq!(entries.len(), 1, "{action}");
        assert_eq!(entries[0].account_id, Some(s.w.ops.account.id), "{action}");
    }
    let view =
        s.w.orders
            .order_view(&s.w.admin, s.shop.order)
            .await
            .unwrap();
    assert!(
        view.events
            .iter()
            .any(|e| e.action == "Certificate revoked")
    );
    assert_eq!(
        view.certificate.map(|c| c.state),
        Some(CertificateState::Revoked)
    );

    // One mail per person, listing their certificates only.
    let mails = s.w.h.sent().await;
    let revoked: Vec<_> = mails
        .iter()
        .filter(|m| m.subject.contains("revoked by the certificate authority"))
        .collect();
    let to: Vec<&str> = revoked.iter().map(|m| m.to.as_str()).collect();
    assert_eq!(to.len(), 3, "{to:?}");
    for address in [
        "asha@acme.example",
        "ops@acme.example",
        "ravi@other.example",
    ] {
        assert!(to.contains(&address), "{address}: {to:?}");
    }
    let asha = revoked
        .iter()
        .find(|m| m.to == "asha@acme.example")
        .unwrap();
    assert!(
        asha.text.contains(&s.shop.cert.serial_hex)
            && asha.text.contains("shop.acme-mass.com")
            && !asha.text.contains("www.acme-mass.com")
            && !asha.text.contains("api.other-mass.net")
            && asha.text.contains("Key compromise")
            && asha.text.contains("Keys generated by a flawed library"),
        "{}",
        asha.text
    );
    let ravi = revoked
        .iter()
        .find(|m| m.to == "ravi@other.example")
        .unwrap();
    assert!(
        ravi.text.contains(&s.api.cert.serial_hex) && !ravi.text.contains("acme-mass.com"),
        "{}",
        ravi.text
    );

    // The same post again: the same batch, nothing new; another run does nothing.
    let again = s
        .service
        .revoke_selection(&s.w.ops, &form, None)
        .await
        .unwrap();
    assert_eq!(again, batch);
    assert_eq!(s.service.run_unfinished().await.unwrap(), 0);
    let audit_after = crate::store::audit::all(&s.w.h.store).await.unwrap();
    assert_eq!(audit_after.len(), audit.len());
    assert!(
        s.w.h
            .sent()
            .await
            .iter()
            .filter(|m| m.subject.contains("revoked by the certificate authority"))
            .count()
            == 3
    );
    // A new form for the same certificates: nothing left to revoke.
    let twice = s
        .service
        .revoke_selection(
            &s.w.ops,
            &revoke_form(
                "another-token-0123456789abcdef0123456789",
                &chosen,
                "keyCompromise",
                "2",
            ),
            None,
        )
        .await;
    assert!(
        matches!(twice, Err(MassRevocationError::Refused(_))),
        "{twice:?}"
    );
}

#[tokio::test]
async fn all_matching_takes_every_valid_match_of_a_search_that_narrows() {
    let s = setup().await;
    let mut form = revoke_form(TOKEN, &[], "privilegeWithdrawn", "2");
    form.scope = "all".into();
    let refused = s.service.revoke_selection(&s.w.ops, &form, None).await;
    assert!(
        matches!(refused, Err(MassRevocationError::Invalid(ref e)) if e.get("scope").is_some()),
        "an empty search never revokes everything: {refused:?}"
    );
    form.search.name = "acme-mass.com".into();
    form.search.name_match = "suffix".into();
    let batch = s
        .service
        .revoke_selection(&s.w.ops, &form, None)
        .await
        .unwrap();
    assert_eq!(s.service.run_unfinished().await.unwrap(), 2);
    let view = s
        .service
        .revocation_batch(&s.w.ops, batch, 1)
        .await
        .unwrap();
    assert_eq!((view.revoked, view.total), (2, 2));
    assert!(
        view.criteria
            .contains("name acme-mass.com and names under it"),
        "{}",
        view.criteria
    );
    assert!(s.cert(&s.shop).await.revoked_at.is_some());
    assert!(s.cert(&s.www).await.revoked_at.is_some());
    assert!(s.cert(&s.api).await.revoked_at.is_none());
    let missing = s
        .service
        .revocation_batch(&s.w.ops, RevocationBatchId(batch.get() + 1), 1)
        .await;
    assert!(
        matches!(missing, Err(MassRevocationError::NotFound)),
        "{missing:?}"
    );
}

#[tokio::test]
async fn a_runner_that_stopped_is_taken_up_and_someone_elses_revocation_is_not_claimed() {
    let s = setup().await;
    let batch = s
        .service
        .revoke_selection(
            &s.w.ops,
            &revoke_form(TOKEN, &[s.shop.cert.id, s.www.cert.id], "superseded", "2"),
            None,
        )
        .await
        .unwrap();
    let ca = authority_at(s.w.h.store.clone(), SECRET, s.w.h.clock.clone());
    // A runner claimed the shop's item and the CA revoked it, then the process stopped.
    ca.revoke(&s.shop.cert.serial_hex, RevocationReason::Superseded)
        .await
        .unwrap();
    s.w.h
        .store
        .execute_raw(&format!(
            "UPDATE revocation_batch_items SET outcome = 'revoking' WHERE certificate_id = {}",
            s.shop.cert.id
        ))
        .await
        .unwrap();
    // The subscriber revoked www themselves before the runner got to it.
    ca.revoke(&s.www.cert.serial_hex, RevocationReason::KeyCompromise)
        .await
        .unwrap();

    assert_eq!(s.service.run_unfinished().await.unwrap(), 1);
    let view = s
        .service
        .revocation_batch(&s.w.ops, batch, 1)
        .await
        .unwrap();
    let outcome = |id: i32| {
        view.items
            .iter()
            .find(|i| i.certificate == CertificateId(id))
            .map(|i| i.outcome)
    };
    assert_eq!(outcome(s.shop.cert.id), Some(BatchOutcome::Revoked));
    assert_eq!(outcome(s.www.cert.id), Some(BatchOutcome::AlreadyRevoked));
    assert_eq!((view.revoked, view.already_revoked), (1, 1));
    assert!(view.finished.is_some());
    // The subscriber's own reason stands.
    assert_eq!(
        s.cert(&s.www)
            .await
            .revocation_reason
            .map(|r| r.into_inner()),
        Some(RevocationReason::KeyCompromise)
    );
    let audit = crate::store::audit::all(&s.w.h.store).await.unwrap();
    let by_batch = |serial: &str| {
        audit
            .iter()
            .filter(|e| e.action == "certificate_revoked" && e.summary.contains(serial))
            .count()
    };
    assert_eq!(by_batch(&s.shop.cert.serial_hex), 1);
    assert_eq!(by_batch(&s.www.cert.serial_hex), 0);
    // Only the batch's own revocation is mailed.
    let mails = s.w.h.sent().await;
    let mailed: Vec<_> = mails
        .iter()
        .filter(|m| m.subject.contains("revoked by the certificate authority"))
        .collect();
    assert!(!mailed.is_empty());
    assert!(
        mailed
            .iter()
            .all(|m| m.text.contains("shop.acme-mass.com") && !m.text.contains("www.acme-mass.com")),
        "{mailed:?}"
    );
    // The items the page shows have their certificates and orders.
    assert!(
        revocation_batches::find(&s.w.h.store, batch.get())
            .await
            .unwrap()
            .unwrap()
            .finished_at
            .is_some()
    );
}

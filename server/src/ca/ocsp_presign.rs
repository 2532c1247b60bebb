//! Pre-signed OCSP answers: one per unexpired certificate, signed ahead of any request and
//! re-signed a day after the last signature (they are valid for four; the BRs want a new one
//! before half the validity has passed). A revocation signs its "revoked" answer in the
//! transaction that records it, and a "good" answer never replaces a "revoked" one.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use der::Encode;

use super::{
    Authority, CaError,
    ocsp::{OCSP_REFRESH, Status},
};
use crate::{
    domain::revocation::RevocationReason,
    store::{CertificateRow, Db, Tx, ocsp_responses, stored::Stored},
};

/// Certificates per refresh round: one query, then one signature each, then one insert.
const ROUND: u64 = 500;
/// A pre-signed answer is served until it is this old (half its validity).
pub(super) const SERVE_PRESIGNED_FOR: Duration = Duration::days(2);

/// A signed answer for one certificate, ready to store.
pub(super) struct Presigned {
    pub certificate_id: i32,
    pub revoked: bool,
    pub cert_id_der: Vec<u8>,
    pub der: Vec<u8>,
    pub this_update: DateTime<Utc>,
}

impl Presigned {
    fn row(&self) -> ocsp_responses::NewResponse<'_> {
        ocsp_responses::NewResponse {
            certificate_id: self.certificate_id,
            revoked: self.revoked,
            cert_id_der: &self.cert_id_der,
            der: &self.der,
            this_update: self.this_update,
            next_update: self.this_update + super::OCSP_VALIDITY,
        }
    }
}

impl Authority {
    /// Signs the answer for one certificate as it stands (or as `revoked` says it will).
    pub(super) async fn presign(
        &self,
        cert: &CertificateRow,
        revoked: Option<(DateTime<Utc>, Option<RevocationReason>)>,
        now: DateTime<Utc>,
    ) -> Result<Presigned, CaError> {
        let cert_der = cert
            .cert_der
            .as_deref()
            .ok_or_else(|| CaError::Ocsp(format!("serial {} is not issued", cert.serial_hex)))?;
        let cert_id = self.sha1_cert_id(cert.ca_id, cert_der).await?;
        let cert_id_der = cert_id.to_der().map_err(|e| CaError::Ocsp(e.to_string()))?;
        let revoked = revoked.or_else(|| {
            cert.revoked_at
                .map(|at| (at, cert.revocation_reason.map(Stored::into_inner)))
        });
        let status = match &revoked {
            Some((at, reason)) => Status::Revoked(*at, *reason),
            None => Status::Good,
        };
        let now = now.trunc_subsecs(0);
        let der = self
            .signed_answer(cert.ca_id, vec![(cert_id, status)], None, now)
            .await?;
        Ok(Presigned {
            certificate_id: cert.id,
            revoked: revoked.is_some(),
            cert_id_der,
            der,
            this_update: now,
        })
    }

    /// Stores the "revoked" answer of a revocation in its transaction.
    pub(super) async fn store_revoked_answer(
        &self,
        tx: &Tx,
        answer: &Presigned,
    ) -> Result<(), CaError> {
        Ok(ocsp_responses::store_revoked(tx, &answer.row()).await?)
    }

    /// Signs answers for every unexpired certificate whose answer is missing or a day old
    /// (the scheduled job; new certificates get theirs on its next round). Returns how many.
    pub async fn refresh_ocsp_answers(&self) -> Result<usize, CaError> {
        let mut signed = 0;
        // Each round leaves its certificates fresh, so the rounds end; the bound is a guard.
        for _ in 0..10_000 {
            let now = self.clock.now();
            let round = if self.store.is_postgres() {
                // The round's certificates stay claimed until their answers are stored, so
                // nodes running the job at once sign each answer once between them.
                let tx = self.store.begin().await?;
                let due = ocsp_responses::claim_due(&tx, now, now - OCSP_REFRESH, ROUND).await?;
                self.sign_round(&tx, &due, now).await?;
                tx.commit().await?;
                due.len()
            } else {
                // SQLite: one process, and its one connection cannot be held by a transaction
                // while the signing reads through the store.
                let due = ocsp_responses::due(&self.store, now, now - OCSP_REFRESH, ROUND).await?;
                self.sign_round(&self.store, &due, now).await?;
                due.len()
            };
            signed += round;
            if (round as u64) < ROUND {
                break;
            }
        }
        Ok(signed)
    }

    /// Signs and stores the answers of one round's certificates.
    async fn sign_round(
        &self,
        db: &impl Db,
        due: &[CertificateRow],
        now: DateTime<Utc>,
    ) -> Result<(), CaError> {
        let mut good = Vec::with_capacity(due.len());
        for cert in due {
            let answer = self.presign(cert, None, now).await?;
            if answer.revoked {
                ocsp_responses::store_revoked(db, &answer.row()).await?;
            } else {
                good.push(answer);
            }
        }
        let rows: Vec<_> = good.iter().map(Presigned::row).collect();
        if !rows.is_empty() {
            ocsp_responses::store_good(db, &rows).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::{
        ca::{
            list::pem_certificate,
            test_support::{SECRET, authority_at, checked, dv_csr, issue_dv, openssl, temp_dir},
        },
        domain::revocation::RevocationReason,
        ports::{clock::FakeClock, keys::KeySpec},
        store::{certificates, test_db::fresh_store},
    };

    /// A no-nonce SHA-1 request for the leaf, made by OpenSSL as clients make it.
    fn request_for(dir: &std::path::Path, leaf: &[u8]) -> Vec<u8> {
        std::fs::write(dir.join("leaf.pem"), pem_certificate(leaf)).unwrap();
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
            dir,
        );
        std::fs::read(dir.join("req.der")).unwrap()
    }

    fn openssl_status(dir: &std::path::Path, response: &[u8]) -> String {
        std::fs::write(dir.join("resp.der"), response).unwrap();
        openssl(
            &[
                "ocsp", "-issuer", "tls.pem", "-cert", "leaf.pem", "-respin", "resp.der",
                "-CAfile", "cas.pem",
            ],
            dir,
        )
    }

    async fn setup(prefix: &str) -> (Authority, Arc<FakeClock>, std::path::PathBuf) {
        let clock = Arc::new(FakeClock::at(Utc::now() - Duration::hours(1)));
        let ca = authority_at(fresh_store().await, SECRET, clock.clone());
        ca.init(KeySpec::EcP256).await.unwrap();
        let dir = temp_dir(prefix);
        let tls = ca.certificate_pem("tls").await.unwrap().unwrap();
        let root = ca.certificate_pem("root").await.unwrap().unwrap();
        std::fs::write(dir.join("tls.pem"), &tls).unwrap();
        std::fs::write(dir.join("cas.pem"), format!("{root}{tls}")).unwrap();
        (ca, clock, dir)
    }

    #[tokio::test]
    async fn every_issued_certificate_gets_an_answer_the_responder_serves_as_stored() {
        let (ca, _clock, dir) = setup("presign").await;
        let csr = dv_csr(&dir);
        let mut leaves = Vec::new();
        for _ in 0..3 {
            leaves.push(issue_dv(&ca, &csr).await);
        }
        assert_eq!(ca.refresh_ocsp_answers().await.unwrap(), 3);
        assert_eq!(ca.refresh_ocsp_answers().await.unwrap(), 0, "all fresh");

        let leaf = leaves.pop().unwrap();
        let row = certificates::find_by_serial(&ca.store, &leaf.serial_hex)
            .await
            .unwrap()
            .unwrap();
        let stored = ocsp_responses::for_certificate(&ca.store, row.id)
            .await
            .unwrap()
            .unwrap();
        let request = request_for(&dir, &leaf.der);
        let answer = ca.ocsp_response(&request).await;
        assert_eq!(answer, stored.der, "served the pre-signed answer");
        let out = openssl_status(&dir, &answer);
        assert!(
            out.contains("Response verify OK") && out.contains("leaf.pem: good"),
            "{out}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_revocation_replaces_the_answer_and_a_late_good_answer_cannot_undo_it() {
        let (ca, _clock, dir) = setup("presign-revoke").await;
        let csr = dv_csr(&dir);
        let leaf = issue_dv(&ca, &csr).await;
        ca.refresh_ocsp_answers().await.unwrap();
        let row = certificates::find_by_serial(&ca.store, &leaf.serial_hex)
            .await
            .unwrap()
            .unwrap();
        // A refresh that read the certificate just before the revocation signs "good"...
        let late_good = ca.presign(&row, None, ca.clock.now()).await.unwrap();
        ca.revoke(&leaf.serial_hex, RevocationReason::KeyCompromise)
            .await
            .unwrap();
        // ...and stores it after: the revoked answer stays.
        ocsp_responses::store_good(&ca.store, &[late_good.row()])
            .await
            .unwrap();
        let stored = ocsp_responses::for_certificate(&ca.store, row.id)
            .await
            .unwrap()
            .unwrap();
        assert!(stored.revoked);
        let request = request_for(&dir, &leaf.der);
        let answer = ca.ocsp_response(&request).await;
        assert_eq!(answer, stored.der);
        let out = openssl_status(&dir, &answer);
        assert!(
            out.contains("leaf.pem: revoked") && out.contains("Reason: keyCompromise"),
            "{out}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn answers_are_re_signed_after_a_day_and_not_once_the_certificate_expires() {
        let (ca, clock, dir) = setup("presign-refresh").await;
        let csr = dv_csr(&dir);
        let token = ca
            .prepare(
                &checked(&csr),
                crate::ca::SignOptions {
                    profile: "tls-dv",
                    days: Some(3),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let leaf = ca.issue(token).await.unwrap();
        assert_eq!(ca.refresh_ocsp_answers().await.unwrap(), 1);
        let row = certificates::find_by_serial(&ca.store, &leaf.serial_hex)
            .await
            .unwrap()
            .unwrap();
        let first = ocsp_responses::for_certificate(&ca.store, row.id)
            .await
            .unwrap()
            .unwrap();

        clock.advance(Duration::hours(23));
        assert_eq!(ca.refresh_ocsp_answers().await.unwrap(), 0, "not due yet");
        clock.advance(Duration::hours(2));
        assert_eq!(ca.refresh_ocsp_answers().await.unwrap(), 1, "a day old");
        let second = ocsp_responses::for_certificate(&ca.store, row.id)
            .await
            .unwrap()
            .unwrap();
        assert!(second.this_update > first.this_update);
        assert_ne!(second.der, first.der);

        clock.advance(Duration::days(3));
        assert_eq!(
            ca.refresh_ocsp_answers().await.unwrap(),
            0,
            "expired certificates are not re-signed"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
    #[tokio::test]
    async fn nodes_refreshing_at_once_sign_each_answer_once() {
        let (ca, clock, dir) = setup("presign-nodes").await;
        if !ca.store.is_postgres() {
            // One process owns a SQLite file: nothing to share. The claim is PostgreSQL's.
            eprintln!("runs on PostgreSQL (ROOTLINE_TEST_DATABASE=postgres)");
            std::fs::remove_dir_all(dir).unwrap();
            return;
        }
        let csr = dv_csr(&dir);
        for _ in 0..6 {
            issue_dv(&ca, &csr).await;
        }
        // Three server processes on one database, each with its own authority.
        let nodes: Vec<Authority> = (0..3)
            .map(|_| authority_at(ca.store.clone(), SECRET, clock.clone()))
            .collect();
        let signed: usize =
            futures_util::future::join_all(nodes.iter().map(|n| n.refresh_ocsp_answers()))
                .await
                .into_iter()
                .map(Result::unwrap)
                .sum();
        assert_eq!(signed, 6, "each answer signed once between the three");
        assert_eq!(ca.refresh_ocsp_answers().await.unwrap(), 0, "all fresh");
        std::fs::remove_dir_all(dir).unwrap();
    }
}

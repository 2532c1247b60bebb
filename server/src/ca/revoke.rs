use std::collections::BTreeSet;

use super::{Authority, CaError, audit_ca};
use crate::{
    domain::revocation::RevocationReason,
    store::{authorities, certificates},
};

/// The CRL shard of a CA that a revocation changed, to be signed again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ChangedShard {
    pub ca_id: i32,
    pub shard: i32,
}

impl Authority {
    /// Revokes a certificate by serial and publishes a new CRL for its CRL shard at once.
    pub async fn revoke(&self, serial_hex: &str, reason: RevocationReason) -> Result<(), CaError> {
        let changed = self.revoke_unpublished(serial_hex, reason).await?;
        // At once, not within the 24 hours BR 4.9.7 allows; only the certificate's shard
        // changed, so only its CRL is signed again.
        self.publish_shards([changed]).await
    }

    /// Signs each changed shard's CRL again, once however many of its certificates were
    /// revoked.
    pub async fn publish_shards(
        &self,
        changed: impl IntoIterator<Item = ChangedShard>,
    ) -> Result<(), CaError> {
        let changed: BTreeSet<ChangedShard> = changed.into_iter().collect();
        for ChangedShard { ca_id, shard } in changed {
            let ca = authorities::find(&self.store, ca_id)
                .await?
                .ok_or(CaError::NoSuchCa("issuing CA"))?;
            self.publish_crl(&ca, shard).await?;
        }
        Ok(())
    }

    /// `revoke` without signing the shard's CRL again, for a batch that revokes many and
    /// then publishes each shard it changed once (`publish_shards`). The OCSP answer is
    /// "revoked" from the moment this returns.
    pub async fn revoke_unpublished(
        &self,
        serial_hex: &str,
        reason: RevocationReason,
    ) -> Result<ChangedShard, CaError> {
        if !reason.allowed_for_subscribers() {
            return Err(CaError::Refused {
                rule: "revoke.reason",
                detail: format!(
                    "{} is not allowed for subscriber certificates; use one of {}",
                    reason.as_str(),
                    RevocationReason::allowed_names()
                ),
            });
        }
        let serial_hex = serial_hex
            .trim()
            .trim_start_matches("0x")
            .to_ascii_lowercase()
            .replace(':', "");
        let cert = certificates::find_by_serial(&self.store, &serial_hex)
            .await?
            .filter(|c| c.status != certificates::RESERVED)
            .ok_or_else(|| CaError::NoSuchCertificate(serial_hex.clone()))?;
        let ca = authorities::find(&self.store, cert.ca_id)
            .await?
            .ok_or_else(|| CaError::NoSuchCertificate(serial_hex.clone()))?;

        let now = self.clock.now();
        // Signed before the transaction (a first answer may create the responder, which
        // writes), stored inside it: the "revoked" answer exists exactly when the revocation does.
        let answer = match cert.cert_der {
            Some(_) => Some(self.presign(&cert, Some((now, Some(reason))), now).await?),
            None => None,
        };
        let tx = self.store.begin().await?;
        if !certificates::revoke(&tx, cert.id, reason, now).await? {
            return Err(CaError::Refused {
                rule: "revoke.already",
                detail: format!("serial {serial_hex} is already revoked"),
            });
        }
        audit_ca(
            &tx,
            now,
            "revoked",
            format!(
                "Revoked serial {serial_hex} of CA {} ({})",
                ca.name,
                reason.as_str()
            ),
        )
        .await?;
        if let Some(answer) = &answer {
            self.store_revoked_answer(&tx, answer).await?;
        }
        tx.commit().await?;
        self.forget_ocsp_answers();
        Ok(ChangedShard {
            ca_id: ca.id,
            shard: cert.crl_shard,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::process::Command;

    use super::*;
    use crate::{
        ca::{
            list::pem_certificate,
            test_support::{SECRET, authority, crl_shard_of, dv_csr, issue_dv, openssl, temp_dir},
        },
        ports::keys::KeySpec,
        store::{crls, stored::Stored, test_db::fresh_store},
    };

    /// pkilint's findings on a CRL file in `dir` (nothing when it is clean).
    fn lint_crl(dir: &std::path::Path, file: &str) -> String {
        let out = Command::new("lint_crl")
            .args(["lint", "-t", "CRL", "-p", "BR", "-s", "WARNING", file])
            .current_dir(dir)
            .output()
            .expect("pkilint is installed");
        let findings = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        if out.status.success() {
            findings
        } else {
            format!(
                "lint_crl failed: {findings} {}",
                String::from_utf8_lossy(&out.stderr)
            )
        }
    }

    #[tokio::test]
    async fn certificates_revoked_together_in_one_shard_cost_one_crl_listing_them_all() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let tls = authorities::find_by_name(&ca.store, "tls")
            .await
            .unwrap()
            .unwrap();
        // One shard: every certificate falls in it.
        authorities::set_crl_shards(&ca.store, tls.id, 1)
            .await
            .unwrap();
        let dir = temp_dir("revoke-together");
        let csr = dv_csr(&dir);
        let issued = [
            issue_dv(&ca, &csr).await,
            issue_dv(&ca, &csr).await,
            issue_dv(&ca, &csr).await,
        ];
        let shard = crl_shard_of(&ca, &issued[0].serial_hex).await;
        let before = crls::numbers_for_shard(&ca.store, tls.id, shard)
            .await
            .unwrap();
        let mut changed = Vec::new();
        for cert in &issued {
            changed.push(
                ca.revoke_unpublished(&cert.serial_hex, RevocationReason::Superseded)
                    .await
                    .unwrap(),
            );
        }
        assert_eq!(
            crls::numbers_for_shard(&ca.store, tls.id, shard)
                .await
                .unwrap(),
            before,
            "nothing signed yet"
        );
        ca.publish_shards(changed).await.unwrap();
        let after = crls::numbers_for_shard(&ca.store, tls.id, shard)
            .await
            .unwrap();
        assert_eq!(after.len(), before.len() + 1, "{before:?} {after:?}");
        let der = ca.current_crl("tls", shard).await.unwrap().unwrap();
        std::fs::write(dir.join("shard.crl"), der).unwrap();
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
        for cert in &issued {
            assert!(text.contains(&cert.serial_hex.to_uppercase()), "{text}");
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_revoked_certificate_is_on_its_shards_next_crl_which_openssl_and_pkilint_accept() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let dir = temp_dir("revoke");
        let csr = dv_csr(&dir);
        let revoked = issue_dv(&ca, &csr).await;
        let revoked_shard = crl_shard_of(&ca, &revoked.serial_hex).await;
        // A certificate that stays good, in another shard.
        let good = loop {
            let issued = issue_dv(&ca, &csr).await;
            if crl_shard_of(&ca, &issued.serial_hex).await != revoked_shard {
                break issued;
            }
        };
        let good_shard = crl_shard_of(&ca, &good.serial_hex).await;
        ca.revoke(
            &revoked.serial_hex.to_uppercase(),
            RevocationReason::KeyCompromise,
        )
        .await
        .unwrap();

        let mut cas = ca.certificate_pem("root").await.unwrap().unwrap();
        cas.push_str(&ca.certificate_pem("tls").await.unwrap().unwrap());
        std::fs::write(dir.join("cas.pem"), cas).unwrap();
        // Every CRL of the CA, the whole-CA one and each shard, reads as a CRL signed by the
        // CA whose critical issuingDistributionPoint names its own URL; only the revoked
        // certificate's shard lists it.
        let tls = authorities::find_by_name(&ca.store, "tls")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(tls.crl_shards, crate::ca::DEFAULT_CRL_SHARDS);
        for shard in 0..=tls.crl_shards {
            let file = format!("tls-{shard}.crl");
            let der = ca.current_crl("tls", shard).await.unwrap().unwrap();
            std::fs::write(dir.join(&file), der).unwrap();
            let text = openssl(
                &[
                    "crl", "-in", &file, "-inform", "DER", "-CAfile", "cas.pem", "-noout", "-text",
                ],
                &dir,
            );
            let url = match shard {
                0 => "http://pki.example.com/crl/tls.crl".to_owned(),
                n => format!("http://pki.example.com/crl/tls/{n}.crl"),
            };
            assert!(text.contains("verify OK"), "{shard}: {text}");
            assert!(
                text.contains("X509v3 Issuing Distribution Point: critical")
                    && text
                        .split_whitespace()
                        .any(|word| word == format!("URI:{url}"))
                    && text.contains("Only User Certificates"),
                "{shard}: {text}"
            );
            assert_eq!(
                text.contains(&revoked.serial_hex.to_uppercase()),
                shard == revoked_shard,
                "{shard}: {text}"
            );
            assert!(!text.contains(&good.serial_hex.to_uppercase()), "{text}");
            if shard == revoked_shard {
                assert!(text.contains("Key Compromise"), "{text}");
            }
        }

        for shard in [revoked_shard, good_shard] {
            openssl(
                &[
                    "crl",
                    "-in",
                    &format!("tls-{shard}.crl"),
                    "-inform",
                    "DER",
                    "-out",
                    &format!("tls-{shard}.crl.pem"),
                ],
                &dir,
            );
        }
        // Each certificate checked against its own shard's CRL; a CRL of another shard is out
        // of the certificate's scope (its issuingDistributionPoint names another URL), which
        // OpenSSL refuses to decide by.
        for (issued, shard, expected) in [
            (&revoked, revoked_shard, "certificate revoked"),
            (&good, good_shard, ": OK"),
            (&revoked, good_shard, "different CRL scope"),
        ] {
            std::fs::write(dir.join("leaf.pem"), pem_certificate(&issued.der)).unwrap();
            let out = openssl(
                &[
                    "verify",
                    "-crl_check",
                    "-CAfile",
                    "cas.pem",
                    "-CRLfile",
                    &format!("tls-{shard}.crl.pem"),
                    "leaf.pem",
                ],
                &dir,
            );
            assert!(out.contains(expected), "{shard}: {out}");
        }

        for shard in [revoked_shard, 0] {
            let findings = lint_crl(&dir, &format!("tls-{shard}.crl"));
            assert!(findings.is_empty(), "shard {shard}: {findings}");
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn revocation_refusals_name_their_rule_and_change_nothing() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let dir = temp_dir("revoke-refusals");
        let csr = dv_csr(&dir);
        let issued = issue_dv(&ca, &csr).await;
        let shard = crl_shard_of(&ca, &issued.serial_hex).await;
        let tls = authorities::find_by_name(&ca.store, "tls")
            .await
            .unwrap()
            .unwrap();

        let hold = ca
            .revoke(&issued.serial_hex, RevocationReason::CertificateHold)
            .await;
        assert!(
            matches!(
                hold,
                Err(CaError::Refused {
                    rule: "revoke.reason",
                    ..
                })
            ),
            "{hold:?}"
        );
        let unknown = ca
            .revoke(
                "0123456789abcdef0123456789abcdef",
                RevocationReason::Superseded,
            )
            .await;
        assert!(
            matches!(unknown, Err(CaError::NoSuchCertificate(_))),
            "{unknown:?}"
        );
        assert!(
            crls::latest_for_shard(&ca.store, tls.id, shard)
                .await
                .unwrap()
                .is_none()
        );

        ca.revoke(&issued.serial_hex, RevocationReason::Superseded)
            .await
            .unwrap();
        let first = crls::latest_for_shard(&ca.store, tls.id, shard)
            .await
            .unwrap()
            .unwrap();
        let twice = ca
            .revoke(&issued.serial_hex, RevocationReason::KeyCompromise)
            .await;
        assert!(
            matches!(
                twice,
                Err(CaError::Refused {
                    rule: "revoke.already",
                    ..
                })
            ),
            "{twice:?}"
        );
        let row = certificates::find_by_serial(&ca.store, &issued.serial_hex)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            row.revocation_reason.map(Stored::into_inner),
            Some(RevocationReason::Superseded)
        );

        // Each publication takes the shard's next CRL number.
        ca.publish_fresh_crl("tls", shard).await.unwrap();
        let second = crls::latest_for_shard(&ca.store, tls.id, shard)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(second.crl_number, first.crl_number + 1);
        assert_eq!(second.entries, 1);
        // A shard the CA does not have is refused by name.
        let beyond = ca.publish_fresh_crl("tls", tls.crl_shards + 1).await;
        assert!(
            matches!(
                beyond,
                Err(CaError::Refused {
                    rule: "crl.shard",
                    ..
                })
            ),
            "{beyond:?}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}

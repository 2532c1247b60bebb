use super::{Authority, CaError, audit_ca};
use crate::{
    domain::revocation::RevocationReason,
    store::{authorities, certificates},
};

impl Authority {
    /// Revokes a certificate by serial and publishes a new CRL for its CA at once.
    pub async fn revoke(&self, serial_hex: &str, reason: RevocationReason) -> Result<(), CaError> {
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
        self.publish_crl(&ca).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::process::Command;

    use super::*;
    use crate::{
        ca::{
            list::pem_certificate,
            test_support::{SECRET, authority, dv_csr, issue_dv, openssl, temp_dir},
        },
        ports::keys::KeySpec,
        store::{crls, stored::Stored, test_db::fresh_store},
    };

    #[tokio::test]
    async fn a_revoked_certificate_is_on_the_next_crl_which_openssl_and_pkilint_accept() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let dir = temp_dir("revoke");
        let csr = dv_csr(&dir);
        let mut serials = Vec::new();
        for _ in 0..2 {
            serials.push(issue_dv(&ca, &csr).await);
        }
        let (revoked, good) = (&serials[0], &serials[1]);
        ca.revoke(
            &revoked.serial_hex.to_uppercase(),
            RevocationReason::KeyCompromise,
        )
        .await
        .unwrap();

        let crl = ca.current_crl("tls").await.unwrap().unwrap();
        std::fs::write(dir.join("tls.crl"), &crl).unwrap();
        let text = openssl(
            &["crl", "-in", "tls.crl", "-inform", "DER", "-noout", "-text"],
            &dir,
        );
        assert!(text.contains(&revoked.serial_hex.to_uppercase()), "{text}");
        assert!(!text.contains(&good.serial_hex.to_uppercase()), "{text}");
        assert!(text.contains("Key Compromise"), "{text}");

        openssl(
            &[
                "crl",
                "-in",
                "tls.crl",
                "-inform",
                "DER",
                "-out",
                "tls.crl.pem",
            ],
            &dir,
        );
        let mut cas = ca.certificate_pem("root").await.unwrap().unwrap();
        cas.push_str(&ca.certificate_pem("tls").await.unwrap().unwrap());
        std::fs::write(dir.join("cas.pem"), cas).unwrap();
        for (issued, expected) in [(revoked, "certificate revoked"), (good, ": OK")] {
            std::fs::write(dir.join("leaf.pem"), pem_certificate(&issued.der)).unwrap();
            let out = openssl(
                &[
                    "verify",
                    "-crl_check",
                    "-CAfile",
                    "cas.pem",
                    "-CRLfile",
                    "tls.crl.pem",
                    "leaf.pem",
                ],
                &dir,
            );
            assert!(out.contains(expected), "{out}");
        }

        let out = Command::new("lint_crl")
            .args(["lint", "-t", "CRL", "-p", "BR", "-s", "WARNING", "tls.crl"])
            .current_dir(&dir)
            .output()
            .expect("pkilint is installed");
        let findings = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && findings.trim().is_empty(),
            "{findings}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn revocation_refusals_name_their_rule_and_change_nothing() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let dir = temp_dir("revoke-refusals");
        let csr = dv_csr(&dir);
        let issued = issue_dv(&ca, &csr).await;
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
            crls::latest_for_ca(&ca.store, tls.id)
                .await
                .unwrap()
                .is_none()
        );

        ca.revoke(&issued.serial_hex, RevocationReason::Superseded)
            .await
            .unwrap();
        let first = crls::latest_for_ca(&ca.store, tls.id)
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

        // Each publication takes the next CRL number.
        ca.publish_fresh_crl("tls").await.unwrap();
        let second = crls::latest_for_ca(&ca.store, tls.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(second.crl_number, first.crl_number + 1);
        assert_eq!(second.entries, 1);
        std::fs::remove_dir_all(dir).unwrap();
    }
}

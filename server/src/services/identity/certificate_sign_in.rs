//! Sign-in with the client certificate of a TLS handshake (ID-5). The TLS layer proved that
//! the browser holds the certificate's key; here the certificate must be registered, in its
//! validity period and not revoked by this CA, and the user able to enter an account.

use app::model::login_certificates::CertificateRefusal;
use x509_parser::parse_x509_certificate;

use super::{
    IdentityError, IdentityService, NewSession, login_certificates::fingerprint,
    sign_in::SessionOrigin,
};
use crate::store::{UserRow, login_certificates, users};

impl IdentityService {
    /// Opens a session for the owner of the certificate `der`, under the same second-factor
    /// rules as a password sign-in. Every refusal of a known user is audited as a failed sign-in.
    pub async fn certificate_sign_in(
        &self,
        der: &[u8],
        ip: &str,
        user_agent: Option<&str>,
    ) -> Result<NewSession, IdentityError> {
        let refused = IdentityError::CertificateRefused;
        let registered = login_certificates::find_by_fingerprint(&self.store, &fingerprint(der))
            .await?
            .ok_or(refused(CertificateRefusal::Unknown))?;
        let user = users::find(&self.store, registered.user_id)
            .await?
            .filter(|u| u.status == app::model::user_status::UserStatus::Active)
            .ok_or(refused(CertificateRefusal::Unknown))?;
        let now = self.clock.now();
        if now < registered.not_before || now >= registered.not_after {
            return Err(self
                .certificate_failure(&user, ip, refused(CertificateRefusal::Expired))
                .await);
        }
        let revoked = match parse_x509_certificate(der) {
            Ok((_, cert)) => self.revoked_here(&cert).await?,
            // It parsed when it was registered, and these are the same bytes.
            Err(_) => false,
        };
        if revoked {
            return Err(self
                .certificate_failure(&user, ip, refused(CertificateRefusal::Revoked))
                .await);
        }
        let account = match self.account_to_enter(&user).await {
            Ok(account) => account,
            Err(e) => return Err(self.certificate_failure(&user, ip, e).await),
        };
        let second_factor = self.second_factor_owed(&user, &account).await?;
        self.open_session(
            &user,
            &account,
            second_factor,
            SessionOrigin {
                ip,
                user_agent,
                how: &format!("the certificate \"{}\"", registered.label),
            },
        )
        .await
    }

    /// Audits a refused certificate sign-in of `user` and returns the refusal (or the failure
    /// to record it).
    async fn certificate_failure(
        &self,
        user: &UserRow,
        ip: &str,
        refusal: IdentityError,
    ) -> IdentityError {
        tracing::info!(user = user.id, %refusal, "certificate sign-in refused");
        match self.record_failure(None, &user.email, ip, Some(user)).await {
            Ok(()) => refusal,
            Err(e) => e,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::Duration;

    use super::super::{
        Caller, SecondFactor,
        login_certificates::test_support::client_certificate,
        test_support::{Harness, harness},
    };
    use super::*;
    use crate::{
        ca::test_support::{SECRET, authority_at, dv_csr, issue_dv, temp_dir},
        domain::revocation::RevocationReason,
        ports::{Clock, clock::FakeClock, keys::KeySpec},
        store::{accounts, audit, memberships},
    };

    async fn caller(h: &Harness, email: &str) -> Caller {
        let token = h.signed_in(email).await;
        h.service.caller(&token).await.unwrap().unwrap()
    }

    /// A certificate registered by a fresh user, valid for 30 days from yesterday.
    async fn registered(h: &Harness, email: &str) -> (Caller, Vec<u8>) {
        let caller = caller(h, email).await;
        let der = client_certificate("Asha Rao", h.clock.now() - Duration::days(1), 30, false);
        h.service
            .register_login_certificate(&caller, "Laptop", &der, None)
            .await
            .unwrap();
        (caller, der)
    }

    fn refusal(result: Result<NewSession, IdentityError>) -> CertificateRefusal {
        match result {
            Err(IdentityError::CertificateRefused(r)) => r,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    async fn audit_actions(h: &Harness, caller: &Caller) -> Vec<(String, String)> {
        audit::for_account(&h.store, caller.account.id)
            .await
            .unwrap()
            .into_iter()
            .map(|a| (a.action, a.summary))
            .collect()
    }

    #[tokio::test]
    async fn a_registered_certificate_opens_a_session_and_says_so_in_the_audit_log() {
        let h = harness().await;
        let (asha, der) = registered(&h, "asha@example.com").await;
        let s = h
            .service
            .certificate_sign_in(&der, "192.0.2.7", Some("test"))
            .await
            .unwrap();
        assert_eq!(s.second_factor, None);
        assert!(!s.choose_account);
        let view = h.service.current_session(&s.token).await.unwrap().unwrap();
        assert_eq!(view.user_email, "asha@example.com");
        let actions = audit_actions(&h, &asha).await;
        assert!(
            actions.iter().any(|(action, summary)| action == "sign_in"
                && summary == "asha@example.com signed in with the certificate \"Laptop\""),
            "{actions:?}"
        );
    }

    #[tokio::test]
    async fn the_second_factor_rules_of_the_password_apply() {
        let h = harness().await;
        let (asha, der) = registered(&h, "asha@example.com").await;
        accounts::set_enforce_totp(&h.store, asha.account.id, true)
            .await
            .unwrap();
        let s = h
            .service
            .certificate_sign_in(&der, "192.0.2.7", None)
            .await
            .unwrap();
        assert_eq!(s.second_factor, Some(SecondFactor::Enrol));
        assert!(h.service.current_session(&s.token).await.unwrap().is_none());
    }

    #[tokio::test]
    async fn an_unknown_certificate_is_refused_without_a_session() {
        let h = harness().await;
        let (asha, _) = registered(&h, "asha@example.com").await;
        let stranger = client_certificate("Asha Rao", h.clock.now(), 30, false);
        let r = h
            .service
            .certificate_sign_in(&stranger, "192.0.2.7", None)
            .await;
        assert_eq!(refusal(r), CertificateRefusal::Unknown);
        assert!(
            !audit_actions(&h, &asha)
                .await
                .iter()
                .any(|(a, _)| a == "sign_in_failed")
        );
    }

    #[tokio::test]
    async fn an_expired_certificate_is_refused_by_the_clock_and_audited() {
        let h = harness().await;
        let (asha, der) = registered(&h, "asha@example.com").await;
        h.clock.advance(Duration::days(29));
        let r = h.service.certificate_sign_in(&der, "192.0.2.7", None).await;
        assert_eq!(refusal(r), CertificateRefusal::Expired);
        let actions = audit_actions(&h, &asha).await;
        assert!(
            actions.iter().any(|(a, _)| a == "sign_in_failed"),
            "{actions:?}"
        );
    }

    #[tokio::test]
    async fn a_deactivated_user_and_an_unusable_account_are_refused() {
        let h = harness().await;
        let (asha, der) = registered(&h, "asha@example.com").await;
        h.store
            .execute_raw("UPDATE accounts SET status = 'rejected'")
            .await
            .unwrap();
        let r = h.service.certificate_sign_in(&der, "192.0.2.7", None).await;
        assert!(
            matches!(r, Err(IdentityError::AccountUnavailable(_))),
            "{r:?}"
        );
        h.store
            .execute_raw("UPDATE accounts SET status = 'active'")
            .await
            .unwrap();
        h.store
            .execute_raw(&format!(
                "UPDATE memberships SET status = '{}'",
                memberships::DEACTIVATED.as_str()
            ))
            .await
            .unwrap();
        let r = h.service.certificate_sign_in(&der, "192.0.2.7", None).await;
        assert!(matches!(r, Err(IdentityError::Deactivated)), "{r:?}");
        let failures = audit_actions(&h, &asha)
            .await
            .into_iter()
            .filter(|(a, _)| a == "sign_in_failed")
            .count();
        assert_eq!(failures, 2);
    }

    #[tokio::test]
    async fn a_certificate_this_ca_revoked_after_registration_is_refused() {
        let h = harness().await;
        let asha = caller(&h, "asha@example.com").await;
        let ca = authority_at(
            h.store.clone(),
            SECRET,
            Arc::new(FakeClock::at(h.clock.now() - Duration::hours(1))),
        );
        ca.init(KeySpec::EcP256).await.unwrap();
        let dir = temp_dir("cert-sign-in");
        let issued = issue_dv(&ca, &dv_csr(&dir)).await;
        h.service
            .register_login_certificate(&asha, "Issued here", &issued.der, None)
            .await
            .unwrap();
        assert!(
            h.service
                .certificate_sign_in(&issued.der, "192.0.2.7", None)
                .await
                .is_ok()
        );
        ca.revoke(&issued.serial_hex, RevocationReason::KeyCompromise)
            .await
            .unwrap();
        let r = h
            .service
            .certificate_sign_in(&issued.der, "192.0.2.7", None)
            .await;
        assert_eq!(refusal(r), CertificateRefusal::Revoked);
        std::fs::remove_dir_all(dir).unwrap();
    }
}

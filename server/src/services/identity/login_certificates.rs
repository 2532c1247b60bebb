//! Certificates a user registers on their profile to sign in with TLS client authentication
//! (ID-5): register one from PEM or DER, list their own, remove their own.

use app::i18n::Msg;
use app::model::{
    FieldErrors,
    login_certificates::{self as rules, LoginCertificateView},
};
use base64::Engine;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use x509_parser::{certificate::X509Certificate, parse_x509_certificate};

use super::{Caller, IdentityError, IdentityService};
use crate::{
    services::audit::{self, AuditEntry},
    store::{
        StoreError, authorities, certificates,
        login_certificates::{self, LoginCertificateRow, NewLoginCertificate},
    },
};

/// How a certificate is found at sign-in: lower-case hex of SHA-256 over its DER.
pub fn fingerprint(der: &[u8]) -> String {
    hex::encode(Sha256::digest(der))
}

/// A serial as the CA stores it: lower-case hex without the sign octet DER may add.
fn serial_hex(raw: &[u8]) -> String {
    let significant = match raw.iter().position(|b| *b != 0) {
        Some(first) => raw.get(first..).unwrap_or(raw),
        None => raw.get(raw.len().saturating_sub(1)..).unwrap_or(raw),
    };
    hex::encode(significant)
}

fn invalid(message: Msg) -> IdentityError {
    IdentityError::Invalid(FieldErrors::single("certificate", message))
}

/// The DER of the certificate in what the user sent: the first `CERTIFICATE` block of PEM
/// text, bare base64, or DER bytes as they are.
fn der_from_input(input: &[u8]) -> Result<Vec<u8>, Msg> {
    let Ok(text) = std::str::from_utf8(input) else {
        return Ok(input.to_vec());
    };
    if text.trim().is_empty() {
        return Err(Msg::new("err-paste-certificate-pem-choose-pem"));
    }
    if let Some((_, rest)) = text.split_once("-----BEGIN CERTIFICATE-----") {
        let (body, _) = rest
            .split_once("-----END CERTIFICATE-----")
            .ok_or(Msg::new("err-certificate-has-no-end-certificate"))?;
        let base64: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        return base64::engine::general_purpose::STANDARD
            .decode(base64)
            .map_err(|_| Msg::new("err-text-between-begin-end-lines"));
    }
    if text.contains("PRIVATE KEY-----") {
        return Err(Msg::new("err-private-key-not-certificate-paste"));
    }
    if text.contains("-----BEGIN CERTIFICATE REQUEST-----") {
        return Err(Msg::new("err-certificate-request-csr-not-certificate"));
    }
    let base64: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    Ok(base64::engine::general_purpose::STANDARD
        .decode(base64)
        .unwrap_or_else(|_| input.to_vec()))
}

fn not_a_certificate() -> Msg {
    Msg::new("err-not-a-certificate")
}

fn timestamp(t: x509_parser::time::ASN1Time) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(t.timestamp(), 0)
}

fn day(t: DateTime<Utc>) -> app::model::Day {
    app::model::Day::from(t)
}

fn view(row: LoginCertificateRow) -> LoginCertificateView {
    let fingerprint = row
        .fingerprint
        .as_bytes()
        .chunks(2)
        .map(|pair| String::from_utf8_lossy(pair).to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(":");
    LoginCertificateView {
        id: row.id,
        label: row.label,
        subject: row.subject,
        issuer: row.issuer,
        valid_until: app::model::Moment::from(row.not_after),
        fingerprint,
    }
}

impl IdentityService {
    /// The caller's own certificates, oldest first.
    pub async fn login_certificates(
        &self,
        caller: &Caller,
    ) -> Result<Vec<LoginCertificateView>, IdentityError> {
        // Self-service: the caller's own sign-in certificates.
        Ok(login_certificates::of_user(&self.store, caller.user.id)
            .await?
            .into_iter()
            .map(view)
            .collect())
    }

    /// Registers a certificate (PEM text or DER) for the caller to sign in with. Refuses what
    /// cannot be one: not a certificate, a CA certificate, one outside its validity period, one
    /// this CA revoked, one already registered (to anyone). Nothing changes on a refusal.
    pub async fn register_login_certificate(
        &self,
        caller: &Caller,
        label: &str,
        certificate: &[u8],
        ip: Option<String>,
    ) -> Result<LoginCertificateView, IdentityError> {
        // Self-service: the caller's own sign-in certificates.
        let mut errors = FieldErrors::new();
        let label = errors.check("label", rules::label(label));
        let der = errors.check("certificate", der_from_input(certificate));
        let (Some(label), Some(der)) = (label, der) else {
            return Err(IdentityError::Invalid(errors));
        };
        let cert = match parse_x509_certificate(&der) {
            Ok(([], cert)) => cert,
            _ => return Err(invalid(not_a_certificate())),
        };
        let signs_certificates = cert
            .key_usage()
            .ok()
            .flatten()
            .is_some_and(|ku| ku.value.key_cert_sign());
        if cert.is_ca() || signs_certificates {
            return Err(invalid(Msg::new(
                "err-ca-certificate-register-certificate-browser",
            )));
        }
        let (Some(not_before), Some(not_after)) = (
            timestamp(cert.validity().not_before),
            timestamp(cert.validity().not_after),
        ) else {
            return Err(invalid(not_a_certificate()));
        };
        let now = self.clock.now();
        if now >= not_after {
            return Err(invalid(
                Msg::new("err-certificate-expired-day-register-current").arg("day", day(not_after)),
            ));
        }
        if now < not_before {
            return Err(invalid(
                Msg::new("err-certificate-not-valid-until-day").arg("day", day(not_before)),
            ));
        }
        if self.revoked_here(&cert).await? {
            return Err(invalid(Msg::new(
                "err-certificate-has-been-revoked-register",
            )));
        }
        let fingerprint = fingerprint(&der);
        let already = || invalid(Msg::new("err-certificate-already-registered-sign"));
        if login_certificates::find_by_fingerprint(&self.store, &fingerprint)
            .await?
            .is_some()
        {
            return Err(already());
        }
        let tx = self.store.begin().await?;
        let row = match login_certificates::insert(
            &tx,
            NewLoginCertificate {
                user_id: caller.user.id,
                label: &label,
                fingerprint: &fingerprint,
                subject: &cert.subject().to_string(),
                issuer: &cert.issuer().to_string(),
                serial_hex: &serial_hex(cert.raw_serial()),
                not_before,
                not_after,
                created_at: now,
            },
        )
        .await
        {
            Ok(row) => row,
            // Registered by a concurrent request after the check above.
            Err(StoreError::Duplicate) => return Err(already()),
            Err(e) => return Err(e.into()),
        };
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "profile",
                action: "login_certificate_added",
                summary: format!(
                    "{} registered the sign-in certificate \"{label}\" ({})",
                    caller.user.email, row.subject
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(view(row))
    }

    /// Removes one of the caller's certificates; another user's id is `NoSuchLoginCertificate`.
    pub async fn remove_login_certificate(
        &self,
        caller: &Caller,
        id: i32,
        ip: Option<String>,
    ) -> Result<(), IdentityError> {
        // Self-service: the caller's own sign-in certificates.
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let removed = login_certificates::delete_of_user(&tx, caller.user.id, id)
            .await?
            .ok_or(IdentityError::NoSuchLoginCertificate)?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "profile",
                action: "login_certificate_removed",
                summary: format!(
                    "{} removed the sign-in certificate \"{}\"",
                    caller.user.email, removed.label
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether this CA issued the certificate and revoked it: its serial names a record of
    /// ours, and its issuer is the subject of the CA that signed that record.
    pub(super) async fn revoked_here(
        &self,
        cert: &X509Certificate<'_>,
    ) -> Result<bool, IdentityError> {
        let Some(record) =
            certificates::find_by_serial(&self.store, &serial_hex(cert.raw_serial())).await?
        else {
            return Ok(false);
        };
        if record.revoked_at.is_none() {
            return Ok(false);
        }
        let Some(ca) = authorities::find(&self.store, record.ca_id).await? else {
            return Ok(false);
        };
        Ok(parse_x509_certificate(&ca.cert_der)
            .is_ok_and(|(_, ca_cert)| ca_cert.subject().as_raw() == cert.issuer().as_raw()))
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use chrono::{DateTime, Duration, Utc};
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair};

    /// A self-signed certificate (DER) for `name`, valid from `from` for `days`.
    pub fn client_certificate(name: &str, from: DateTime<Utc>, days: i64, ca: bool) -> Vec<u8> {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.distinguished_name.push(DnType::CommonName, name);
        let to_time = |t: DateTime<Utc>| time::OffsetDateTime::from_unix_timestamp(t.timestamp());
        params.not_before = to_time(from).unwrap();
        params.not_after = to_time(from + Duration::days(days)).unwrap();
        if ca {
            params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        }
        let key = KeyPair::generate().unwrap();
        params.self_signed(&key).unwrap().der().to_vec()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use app::i18n::Lang;
    use chrono::Duration;

    use super::super::test_support::{Harness, harness};
    use super::test_support::client_certificate;
    use super::*;
    use crate::{
        ca::{
            pem_certificate,
            test_support::{SECRET, authority_at, dv_csr, issue_dv, temp_dir},
        },
        domain::revocation::RevocationReason,
        ports::{Clock, clock::FakeClock, keys::KeySpec},
        store::audit,
    };

    async fn caller(h: &Harness, email: &str) -> Caller {
        let token = h.signed_in(email).await;
        h.service.caller(&token).await.unwrap().unwrap()
    }

    fn field_error(result: Result<LoginCertificateView, IdentityError>, field: &str) -> String {
        match result {
            Err(IdentityError::Invalid(e)) => {
                e.get(field).map(ToString::to_string).unwrap_or_default()
            }
            other => panic!("expected a field error on {field}, got {other:?}"),
        }
    }

    async fn count(h: &Harness) -> usize {
        login_certificates::of_user(&h.store, 1)
            .await
            .unwrap()
            .len()
            + login_certificates::of_user(&h.store, 2)
                .await
                .unwrap()
                .len()
    }

    #[tokio::test]
    async fn pem_and_der_register_list_and_remove_with_audit_entries() {
        let h = harness().await;
        let asha = caller(&h, "asha@example.com").await;
        let der = client_certificate("Asha Rao", h.clock.now() - Duration::days(1), 365, false);
        let pem = pem_certificate(&der);

        let view = h
            .service
            .register_login_certificate(&asha, " Work laptop ", pem.as_bytes(), None)
            .await
            .unwrap();
        assert_eq!(view.label, "Work laptop");
        assert_eq!(view.subject, "CN=Asha Rao");
        assert_eq!(view.issuer, "CN=Asha Rao");
        assert_eq!(view.fingerprint.len(), 32 * 3 - 1);
        assert!(
            view.valid_until.text(Lang::En).starts_with("2027-11-20"),
            "{view:?}"
        );

        let other = client_certificate("Asha Rao", h.clock.now(), 30, false);
        h.service
            .register_login_certificate(&asha, "Phone", &other, None)
            .await
            .unwrap();
        let listed = h.service.login_certificates(&asha).await.unwrap();
        assert_eq!(
            listed.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(),
            ["Work laptop", "Phone"]
        );

        h.service
            .remove_login_certificate(&asha, view.id, None)
            .await
            .unwrap();
        let listed = h.service.login_certificates(&asha).await.unwrap();
        assert_eq!(listed.len(), 1);
        let actions: Vec<String> = audit::for_account(&h.store, asha.account.id)
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.action)
            .collect();
        assert_eq!(
            actions
                .iter()
                .filter(|a| a.starts_with("login_certificate"))
                .count(),
            3,
            "{actions:?}"
        );
    }

    #[tokio::test]
    async fn bad_input_gets_a_field_error_and_changes_nothing() {
        let h = harness().await;
        let asha = caller(&h, "asha@example.com").await;
        let now = h.clock.now();
        let register = |label: &'static str, bytes: Vec<u8>| {
            let s = &h.service;
            let asha = asha.clone();
            async move {
                s.register_login_certificate(&asha, label, &bytes, None)
                    .await
            }
        };

        let garbage = field_error(
            register("Laptop", b"hello, world".to_vec()).await,
            "certificate",
        );
        assert!(garbage.contains("not an X.509 certificate"), "{garbage}");
        let empty = field_error(register("Laptop", b"  ".to_vec()).await, "certificate");
        assert!(empty.contains("Paste the certificate"), "{empty}");
        let cut = field_error(
            register("Laptop", b"-----BEGIN CERTIFICATE-----\nMIIB".to_vec()).await,
            "certificate",
        );
        assert!(cut.contains("END CERTIFICATE"), "{cut}");
        let key = field_error(
            register(
                "Laptop",
                b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".to_vec(),
            )
            .await,
            "certificate",
        );
        assert!(key.contains("private key"), "{key}");

        let good = client_certificate("Asha Rao", now - Duration::days(1), 30, false);
        let label = field_error(register("", good.clone()).await, "label");
        assert!(label.contains("name"), "{label}");

        let ca = client_certificate("Some CA", now - Duration::days(1), 30, true);
        let ca = field_error(register("CA", ca).await, "certificate");
        assert!(ca.contains("CA certificate"), "{ca}");

        let expired = client_certificate("Asha Rao", now - Duration::days(40), 30, false);
        let expired = field_error(register("Old", expired).await, "certificate");
        assert!(expired.contains("expired on 2026-11-11"), "{expired}");
        let future = client_certificate("Asha Rao", now + Duration::days(2), 30, false);
        let future = field_error(register("New", future).await, "certificate");
        assert!(future.contains("not valid until 2026-11-23"), "{future}");
        assert_eq!(count(&h).await, 0);

        // Registered once; a second time (by anyone) is refused.
        register("Laptop", good.clone()).await.unwrap();
        let twice = field_error(register("Again", good.clone()).await, "certificate");
        assert!(twice.contains("already registered"), "{twice}");
        let other = caller(&h, "other@example.org").await;
        let theirs = h
            .service
            .register_login_certificate(&other, "Mine", &good, None)
            .await;
        assert!(field_error(theirs, "certificate").contains("already registered"));
        assert_eq!(count(&h).await, 1);
    }

    #[tokio::test]
    async fn another_users_certificate_cannot_be_removed() {
        let h = harness().await;
        let asha = caller(&h, "asha@example.com").await;
        let other = caller(&h, "other@example.org").await;
        let der = client_certificate("Asha Rao", h.clock.now(), 30, false);
        let view = h
            .service
            .register_login_certificate(&asha, "Laptop", &der, None)
            .await
            .unwrap();
        let err = h
            .service
            .remove_login_certificate(&other, view.id, None)
            .await
            .unwrap_err();
        assert!(matches!(err, IdentityError::NoSuchLoginCertificate));
        assert_eq!(h.service.login_certificates(&asha).await.unwrap().len(), 1);
        assert!(
            h.service
                .login_certificates(&other)
                .await
                .unwrap()
                .is_empty()
        );
    }

    #[tokio::test]
    async fn a_certificate_this_ca_revoked_is_refused() {
        let h = harness().await;
        let asha = caller(&h, "asha@example.com").await;
        let ca = authority_at(
            h.store.clone(),
            SECRET,
            Arc::new(FakeClock::at(h.clock.now() - Duration::hours(1))),
        );
        ca.init(KeySpec::EcP256).await.unwrap();
        let dir = temp_dir("login-cert");
        let issued = issue_dv(&ca, &dv_csr(&dir)).await;
        ca.revoke(&issued.serial_hex, RevocationReason::KeyCompromise)
            .await
            .unwrap();
        let err = h
            .service
            .register_login_certificate(&asha, "Revoked", &issued.der, None)
            .await;
        assert!(field_error(err, "certificate").contains("revoked"));
        let good = issue_dv(&ca, &dv_csr(&dir)).await;
        h.service
            .register_login_certificate(&asha, "Good", &good.der, None)
            .await
            .unwrap();
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn serials_lose_only_their_sign_octet() {
        assert_eq!(serial_hex(&[0x00, 0x80, 0x01]), "8001");
        assert_eq!(serial_hex(&[0x7f, 0x00]), "7f00");
        assert_eq!(serial_hex(&[0x00]), "00");
    }
}

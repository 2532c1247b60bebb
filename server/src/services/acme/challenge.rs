//! Responding to a challenge (RFC 8555 sections 7.5.1 and 8, RFC 8737,
//! draft-ietf-acme-dns-persist): the server checks at once, through the same DCV ports as the
//! portal (HttpFetcher, DnsResolver), and records success as the account's validation of the
//! name.

use std::sync::Arc;

use app::model::{
    acme::{AcmeAuthzStatus, AcmeChallengeStatus},
    corroboration::CorroboratedCheck,
};
use sha2::{Digest, Sha256};

use super::{AcmeError, AcmeService, ChallengeView, Failure, challenge_view, jws};
use crate::{
    perspective::corroborate::{Check, Remote, check},
    ports::{DnsResolver, HttpFetcher, http_fetch::FetchError},
    services::validation::{AcmeProof, refusal_text},
    store::acme::{self, AcmeAccountRow},
};

fn failure(kind: &str, detail: String) -> Failure {
    Failure {
        kind: kind.into(),
        detail,
    }
}

impl AcmeService {
    pub async fn respond_challenge(
        &self,
        account: &AcmeAccountRow,
        id: i32,
    ) -> Result<ChallengeView, AcmeError> {
        let (c, a, _) = acme::challenge(&self.store, account.id, id)
            .await?
            .ok_or(AcmeError::NotFound)?;
        // Answering again changes nothing (RFC 8555 section 7.5.1).
        if *c.status != AcmeChallengeStatus::Pending || *a.status != AcmeAuthzStatus::Pending {
            return Ok(challenge_view(&c));
        }
        let now = self.clock.now();
        if a.expires_at <= now {
            return Err(AcmeError::Malformed(
                "this authorization has expired".into(),
            ));
        }
        let proof: AcmeProof = *c.kind;
        let key = Self::account_key(account)?;
        let key_authorization = jws::key_authorization(&c.token, &key);
        let name = a.identifier.as_str();
        let token = c.token.as_str();
        let key_authorization = key_authorization.as_str();
        // A persistent record is judged and corroborated as the portal's is; what it granted
        // (its scope, its persistUntil) is what gets recorded.
        let mut persisted = None;
        let checked = if proof == AcmeProof::DnsPersist01 {
            self.check_dns_persist(account, name, a.wildcard)
                .await?
                .map(|grant| persisted = Some(grant))
        } else {
            let checked = match proof {
                AcmeProof::Http01 => check_http(&*self.http, name, token, key_authorization).await,
                AcmeProof::Dns01 => check_dns(&*self.dns, name, key_authorization).await,
                AcmeProof::TlsAlpn01 => check_tls_alpn(&*self.http, name, key_authorization).await,
                AcmeProof::DnsPersist01 => Ok(()),
            };
            // What the primary saw must be seen from the remote perspectives too (BR 3.2.2.9).
            match checked {
                Ok(()) => {
                    self.corroborate(account.account_id, proof, name, token, key_authorization)
                        .await?
                }
                Err(f) => Err(f),
            }
        };
        let tx = self.store.begin().await?;
        match &checked {
            Ok(()) => {
                acme::set_challenge(
                    &tx,
                    c.id,
                    AcmeChallengeStatus::Pending,
                    AcmeChallengeStatus::Valid,
                    Some(now),
                    None,
                )
                .await?;
                acme::set_authz_status(&tx, a.id, AcmeAuthzStatus::Valid).await?;
                // The authorization says when it stops counting: never after the record's
                // persistUntil (draft-ietf-acme-dns-persist, BR 3.2.2.4.22).
                if let Some(until) = persisted.as_ref().and_then(|g| g.persist_until) {
                    acme::cap_authz_expiry(&tx, a.id, until).await?;
                }
            }
            Err(f) => {
                let error =
                    serde_json::to_string(f).map_err(|e| AcmeError::Internal(e.to_string()))?;
                acme::set_challenge(
                    &tx,
                    c.id,
                    AcmeChallengeStatus::Pending,
                    AcmeChallengeStatus::Invalid,
                    None,
                    Some(&error),
                )
                .await?;
                acme::set_authz_status(&tx, a.id, AcmeAuthzStatus::Invalid).await?;
            }
        }
        tx.commit().await?;
        if checked.is_ok() {
            let recorded = match persisted {
                Some(grant) => {
                    self.validation
                        .record_acme_persist(account.account_id, &a.identifier, grant)
                        .await
                }
                None => {
                    self.validation
                        .record_acme_proof(account.account_id, &a.identifier, proof)
                        .await
                }
            };
            recorded.map_err(|e| AcmeError::Internal(e.to_string()))?;
        }
        let (c, _, _) = acme::challenge(&self.store, account.id, id)
            .await?
            .ok_or(AcmeError::NotFound)?;
        Ok(challenge_view(&c))
    }

    /// Repeats the challenge's check from the remote perspectives.
    async fn corroborate(
        &self,
        account_id: i32,
        proof: AcmeProof,
        name: &str,
        token: &str,
        key_authorization: &str,
    ) -> Result<Result<(), Failure>, AcmeError> {
        let (kind, check): (CorroboratedCheck, Check<'_>) = match proof {
            AcmeProof::Http01 => (
                CorroboratedCheck::AcmeHttp01,
                check(move |remote: Arc<dyn Remote>| async move {
                    check_http(&*remote, name, token, key_authorization)
                        .await
                        .map_err(|f| f.detail)
                }),
            ),
            AcmeProof::Dns01 => (
                CorroboratedCheck::AcmeDns01,
                check(move |remote: Arc<dyn Remote>| async move {
                    check_dns(&*remote, name, key_authorization)
                        .await
                        .map_err(|f| f.detail)
                }),
            ),
            AcmeProof::TlsAlpn01 => (
                CorroboratedCheck::AcmeTlsAlpn01,
                check(move |remote: Arc<dyn Remote>| async move {
                    check_tls_alpn(&*remote, name, key_authorization)
                        .await
                        .map_err(|f| f.detail)
                }),
            ),
            // Corroborated with its judgement (`check_dns_persist`).
            AcmeProof::DnsPersist01 => return Ok(Ok(())),
        };
        let outcome = self
            .validation
            .corroborate(account_id, name, kind, check)
            .await
            .map_err(|e| AcmeError::Internal(e.to_string()))?;
        Ok(outcome.map_err(|why| {
            failure(
                "unauthorized",
                format!(
                    "during multi-perspective corroboration: {}",
                    refusal_text(&why)
                ),
            )
        }))
    }
}

async fn check_http(
    http: &dyn HttpFetcher,
    name: &str,
    token: &str,
    expected: &str,
) -> Result<(), Failure> {
    match http.acme_challenge(name, token).await {
        Ok(body) if body.trim() == expected => Ok(()),
        Ok(body) => Err(failure(
            "incorrectResponse",
            format!(
                "the file at http://{name}/.well-known/acme-challenge/{token} holds \"{}\", not the key authorization",
                body.chars().take(100).collect::<String>()
            ),
        )),
        Err(e @ FetchError::Connect { .. }) => Err(failure("connection", e.to_string())),
        Err(e @ FetchError::Status { .. }) => Err(failure("unauthorized", e.to_string())),
        Err(e) => Err(failure("incorrectResponse", e.to_string())),
    }
}

async fn check_tls_alpn(
    http: &dyn HttpFetcher,
    name: &str,
    key_authorization: &str,
) -> Result<(), Failure> {
    match http.acme_tls_alpn(name).await {
        Ok(der) => judge_tls_alpn_certificate(&der, name, key_authorization),
        Err(e @ FetchError::Connect { .. }) => Err(failure("connection", e.to_string())),
        Err(e) => Err(failure("tls", e.to_string())),
    }
}

async fn check_dns(
    dns: &dyn DnsResolver,
    name: &str,
    key_authorization: &str,
) -> Result<(), Failure> {
    let record = format!("_acme-challenge.{name}");
    let digest = jws::b64(&Sha256::digest(key_authorization.as_bytes()));
    match dns.txt(&record).await {
        Ok(found) if found.iter().any(|r| r.trim() == digest) => Ok(()),
        Ok(found) if found.is_empty() => Err(failure(
            "unauthorized",
            format!("no TXT record was found at {record}"),
        )),
        Ok(_) => Err(failure(
            "incorrectResponse",
            format!("the TXT records at {record} do not hold the key authorization's digest"),
        )),
        Err(e) => Err(failure("dns", e.to_string())),
    }
}

/// id-pe-acmeIdentifier (RFC 8737 section 6.1).
const ACME_IDENTIFIER_OID: &str = "1.3.6.1.5.5.7.1.31";

/// RFC 8737 section 3: the validation certificate names exactly the one dNSName being
/// validated, and carries a critical acmeIdentifier extension whose value is the DER OCTET
/// STRING of the key authorization's SHA-256 digest.
pub(super) fn judge_tls_alpn_certificate(
    der: &[u8],
    name: &str,
    key_authorization: &str,
) -> Result<(), Failure> {
    let wrong = |why: String| {
        failure(
            "unauthorized",
            format!("the TLS-ALPN-01 certificate for {name} {why}"),
        )
    };
    let (_, cert) = x509_parser::parse_x509_certificate(der)
        .map_err(|e| wrong(format!("cannot be read: {e}")))?;
    let names = match cert.subject_alternative_name() {
        Ok(Some(san)) => &san.value.general_names,
        Ok(None) => return Err(wrong("has no subjectAltName".into())),
        Err(e) => return Err(wrong(format!("has an unreadable subjectAltName: {e}"))),
    };
    match names.as_slice() {
        [x509_parser::extensions::GeneralName::DNSName(dns)]
            if dns.trim_end_matches('.').eq_ignore_ascii_case(name) => {}
        _ => {
            return Err(wrong(
                "must name exactly this dNSName in its subjectAltName, and nothing else".into(),
            ));
        }
    }
    let mut ids = cert
        .extensions()
        .iter()
        .filter(|e| e.oid.to_id_string() == ACME_IDENTIFIER_OID);
    let ext = match (ids.next(), ids.next()) {
        (Some(ext), None) => ext,
        (None, _) => return Err(wrong("has no acmeIdentifier extension".into())),
        (Some(_), Some(_)) => return Err(wrong("has more than one acmeIdentifier".into())),
    };
    if !ext.critical {
        return Err(wrong("has an acmeIdentifier not marked critical".into()));
    }
    let digest = Sha256::digest(key_authorization.as_bytes());
    let mut expected = vec![0x04, 0x20];
    expected.extend_from_slice(&digest);
    if ext.value != expected.as_slice() {
        return Err(failure(
            "incorrectResponse",
            format!(
                "the TLS-ALPN-01 certificate for {name} does not hold the key authorization's digest"
            ),
        ));
    }
    Ok(())
}

impl AcmeService {
    /// A challenge of the account, as it stands.
    pub async fn challenge(
        &self,
        account: &AcmeAccountRow,
        id: i32,
    ) -> Result<ChallengeView, AcmeError> {
        let (c, _, _) = acme::challenge(&self.store, account.id, id)
            .await?
            .ok_or(AcmeError::NotFound)?;
        Ok(challenge_view(&c))
    }
}

#[cfg(test)]
mod tests {
    use rcgen::{CertificateParams, CustomExtension, KeyPair};
    use sha2::{Digest, Sha256};

    use super::judge_tls_alpn_certificate;

    const KEY_AUTHORIZATION: &str = "token-abc.thumbprint-xyz";

    fn certificate(names: &[&str], extensions: Vec<CustomExtension>) -> Vec<u8> {
        let mut params =
            CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
                .unwrap();
        params.custom_extensions = extensions;
        let key = KeyPair::generate().unwrap();
        params.self_signed(&key).unwrap().der().to_vec()
    }

    fn acme_identifier(key_authorization: &str) -> CustomExtension {
        CustomExtension::new_acme_identifier(&Sha256::digest(key_authorization.as_bytes()))
    }

    fn refusal(der: &[u8]) -> (String, String) {
        let f = judge_tls_alpn_certificate(der, "www.example.com", KEY_AUTHORIZATION).unwrap_err();
        (f.kind, f.detail)
    }

    #[test]
    fn the_rfc_8737_certificate_for_the_name_passes() {
        let der = certificate(
            &["WWW.example.com"],
            vec![acme_identifier(KEY_AUTHORIZATION)],
        );
        judge_tls_alpn_certificate(&der, "www.example.com", KEY_AUTHORIZATION).unwrap();
    }

    #[test]
    fn a_certificate_for_other_or_more_names_is_unauthorized() {
        for names in [
            &["api.example.com"][..],
            &["www.example.com", "api.example.com"][..],
        ] {
            let der = certificate(names, vec![acme_identifier(KEY_AUTHORIZATION)]);
            let (kind, detail) = refusal(&der);
            assert_eq!(kind, "unauthorized", "{names:?}");
            assert!(detail.contains("exactly this dNSName"), "{detail}");
        }
    }

    #[test]
    fn a_certificate_without_a_critical_acme_identifier_is_unauthorized() {
        let der = certificate(&["www.example.com"], vec![]);
        assert_eq!(
            refusal(&der),
            (
                "unauthorized".into(),
                "the TLS-ALPN-01 certificate for www.example.com has no acmeIdentifier extension"
                    .into()
            )
        );

        let mut not_critical = acme_identifier(KEY_AUTHORIZATION);
        not_critical.set_criticality(false);
        let der = certificate(&["www.example.com"], vec![not_critical]);
        let (kind, detail) = refusal(&der);
        assert_eq!(kind, "unauthorized");
        assert!(detail.contains("not marked critical"), "{detail}");
    }

    #[test]
    fn a_digest_of_another_key_authorization_is_an_incorrect_response() {
        let der = certificate(
            &["www.example.com"],
            vec![acme_identifier("token-abc.other")],
        );
        let (kind, detail) = refusal(&der);
        assert_eq!(kind, "incorrectResponse");
        assert!(detail.contains("digest"), "{detail}");
    }

    #[test]
    fn bytes_that_are_no_certificate_are_unauthorized() {
        let (kind, detail) = refusal(b"not a certificate");
        assert_eq!(kind, "unauthorized");
        assert!(detail.contains("cannot be read"), "{detail}");
    }
}

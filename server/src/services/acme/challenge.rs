//! Responding to a challenge (RFC 8555 sections 7.5.1 and 8): the server checks at once,
//! through the same DCV ports as the portal (HttpFetcher, DnsResolver), and records success
//! as the account's validation of the name.

use sha2::{Digest, Sha256};

use super::{AcmeError, AcmeService, ChallengeView, Failure, challenge_view, jws};
use crate::{
    ports::http_fetch::FetchError,
    services::validation::AcmeProof,
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
        if c.status != "pending" || a.status != "pending" {
            return Ok(challenge_view(&c));
        }
        let now = self.clock.now();
        if a.expires_at <= now {
            return Err(AcmeError::Malformed(
                "this authorization has expired".into(),
            ));
        }
        let proof = AcmeProof::parse(&c.kind)
            .ok_or_else(|| AcmeError::Internal(format!("stored challenge kind {}", c.kind)))?;
        let key = Self::account_key(account)?;
        let key_authorization = jws::key_authorization(&c.token, &key);
        let checked = match proof {
            AcmeProof::Http01 => {
                self.check_http(&a.identifier, &c.token, &key_authorization)
                    .await
            }
            AcmeProof::Dns01 => self.check_dns(&a.identifier, &key_authorization).await,
            AcmeProof::TlsAlpn01 => Err(failure(
                "unauthorized",
                "TLS-ALPN-01 is not offered by this server".into(),
            )),
        };
        let tx = self.store.begin().await?;
        match &checked {
            Ok(()) => {
                acme::set_challenge(&tx, c.id, "pending", "valid", Some(now), None).await?;
                acme::set_authz_status(&tx, a.id, "valid").await?;
            }
            Err(f) => {
                let error =
                    serde_json::to_string(f).map_err(|e| AcmeError::Internal(e.to_string()))?;
                acme::set_challenge(&tx, c.id, "pending", "invalid", None, Some(&error)).await?;
                acme::set_authz_status(&tx, a.id, "invalid").await?;
            }
        }
        tx.commit().await?;
        if checked.is_ok() {
            self.validation
                .record_acme_proof(account.account_id, &a.identifier, proof)
                .await
                .map_err(|e| AcmeError::Internal(e.to_string()))?;
        }
        let (c, _, _) = acme::challenge(&self.store, account.id, id)
            .await?
            .ok_or(AcmeError::NotFound)?;
        Ok(challenge_view(&c))
    }

    async fn check_http(&self, name: &str, token: &str, expected: &str) -> Result<(), Failure> {
        match self.http.acme_challenge(name, token).await {
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

    async fn check_dns(&self, name: &str, key_authorization: &str) -> Result<(), Failure> {
        let record = format!("_acme-challenge.{name}");
        let digest = jws::b64(&Sha256::digest(key_authorization.as_bytes()));
        match self.dns.txt(&record).await {
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

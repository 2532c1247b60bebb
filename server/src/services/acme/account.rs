//! An account after creation (RFC 8555 sections 7.3.2, 7.3.5, 7.3.6): the account a `kid`
//! names, its contacts, deactivation by the client, and account key roll-over.

use app::model::acme::AcmeAccountStatus;
use serde::Deserialize;
use serde_json::Value;

use std::net::IpAddr;

use super::{AcmeError, AcmeService, Jwk, Jws, new_account::check_contacts};
use crate::{
    services::access::ip_allowed,
    store::{
        StoreError,
        acme::{self, AcmeAccountRow},
    },
};

#[derive(Debug, Default, Deserialize)]
pub struct AccountUpdate {
    #[serde(default)]
    pub contact: Option<Vec<String>>,
    #[serde(default)]
    pub status: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct KeyChange {
    account: String,
    old_key: Value,
}

impl AcmeService {
    /// The account whose id the `kid` URL ends in; refused unless it is valid.
    pub async fn account(&self, id: i32) -> Result<AcmeAccountRow, AcmeError> {
        let account = acme::account_by_id(&self.store, id)
            .await?
            .ok_or(AcmeError::AccountDoesNotExist)?;
        if *account.status != AcmeAccountStatus::Valid {
            return Err(AcmeError::Unauthorized(format!(
                "this account is {}",
                account.status.as_str()
            )));
        }
        Ok(account)
    }

    /// The account a request's `kid` names, once the request's signature verifies with the
    /// account's key and the account's IP restrictions for its bound user allow `from`: every
    /// request that acts for an account comes through here, as every portal request passes
    /// the IP middleware and every REST request its key check.
    pub async fn signed_by(
        &self,
        id: i32,
        jws: &Jws,
        from: IpAddr,
    ) -> Result<AcmeAccountRow, AcmeError> {
        let account = self.account(id).await?;
        jws.verify(&Self::account_key(&account)?)?;
        self.check_address(account.account_id, account.user_id, from)
            .await?;
        Ok(account)
    }

    /// Refuses `from` when the account's IP restrictions forbid it for the user.
    pub(super) async fn check_address(
        &self,
        account_id: i32,
        user_id: i32,
        from: IpAddr,
    ) -> Result<(), AcmeError> {
        if ip_allowed(&self.store, account_id, user_id, from).await? {
            Ok(())
        } else {
            tracing::warn!(ip = %from, user = user_id, "ACME request refused by an IP restriction");
            Err(AcmeError::Unauthorized(format!(
                "requests from {from} are not allowed by the account's IP restrictions"
            )))
        }
    }

    /// Changes the contacts or deactivates the account; the account afterwards.
    pub async fn update_account(
        &self,
        account: &AcmeAccountRow,
        update: &AccountUpdate,
    ) -> Result<AcmeAccountRow, AcmeError> {
        let contact = match &update.contact {
            Some(c) => Some(check_contacts(c)?),
            None => None,
        };
        match update.status.as_deref() {
            None => {}
            Some("deactivated") => {}
            Some(other) => {
                return Err(AcmeError::Malformed(format!(
                    "a client may only set the status to \"deactivated\", not \"{other}\""
                )));
            }
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        if let Some(c) = &contact {
            acme::set_account_contact(&tx, account.id, c).await?;
        }
        if update.status.is_some() {
            acme::set_account_status(&tx, account.id, AcmeAccountStatus::Deactivated).await?;
            crate::services::audit::record(
                &tx,
                now,
                crate::services::audit::AuditEntry {
                    account_id: Some(account.account_id),
                    user_id: Some(account.user_id),
                    ip: None,
                    module: "acme",
                    action: "acme_account_deactivated",
                    summary: format!("ACME account #{} deactivated by its client", account.id),
                },
            )
            .await?;
        }
        tx.commit().await?;
        acme::account_by_id(&self.store, account.id)
            .await?
            .ok_or(AcmeError::AccountDoesNotExist)
    }

    /// Account key roll-over: `inner` is the JWS the new key signed, carried as the payload
    /// of the request the old key signed; `account_url` is the account's URL and `url` the
    /// keyChange URL.
    pub async fn change_key(
        &self,
        account: &AcmeAccountRow,
        inner: &Value,
        account_url: &str,
        url: &str,
    ) -> Result<(), AcmeError> {
        let inner = Jws::from_value(inner)?;
        let new_key = inner.protected.jwk.as_ref().ok_or_else(|| {
            AcmeError::Malformed("the inner JWS must carry the new key as jwk".into())
        })?;
        let new_key = Jwk::parse(new_key)?;
        inner.verify(&new_key).map_err(|e| match e {
            super::JwsError::BadSignature => {
                AcmeError::Malformed("the inner JWS signature does not verify".into())
            }
            other => other.into(),
        })?;
        if inner.protected.url.as_deref() != Some(url) {
            return Err(AcmeError::Malformed(
                "the inner JWS url must be the keyChange URL".into(),
            ));
        }
        if inner.protected.nonce.is_some() {
            return Err(AcmeError::Malformed(
                "the inner JWS must not carry a nonce".into(),
            ));
        }
        let change: KeyChange = inner.json_payload()?;
        if change.account != account_url {
            return Err(AcmeError::Malformed(
                "the key change names another account".into(),
            ));
        }
        let old = Jwk::parse(&change.old_key)?;
        if old.thumbprint() != account.thumbprint {
            return Err(AcmeError::Malformed(
                "oldKey is not the account's current key".into(),
            ));
        }
        let thumbprint = new_key.thumbprint();
        if let Some(other) = acme::account_by_thumbprint(&self.store, &thumbprint).await? {
            return Err(AcmeError::KeyInUse(other.id));
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        match acme::set_account_key(&tx, account.id, &thumbprint, &new_key.canonical_json()).await {
            Err(StoreError::Duplicate) => {
                return Err(AcmeError::Malformed(
                    "the new key became another account's meanwhile".into(),
                ));
            }
            other => other?,
        }
        crate::services::audit::record(
            &tx,
            now,
            crate::services::audit::AuditEntry {
                account_id: Some(account.account_id),
                user_id: Some(account.user_id),
                ip: None,
                module: "acme",
                action: "acme_key_changed",
                summary: format!("ACME account #{} rolled over to a new key", account.id),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The account's key, to check the signature of its requests.
    pub fn account_key(account: &AcmeAccountRow) -> Result<Jwk, AcmeError> {
        let value: Value = serde_json::from_str(&account.jwk)
            .map_err(|e| AcmeError::Internal(format!("stored JWK: {e}")))?;
        Ok(Jwk::parse(&value)?)
    }
}

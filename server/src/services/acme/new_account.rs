//! newAccount (RFC 8555 section 7.3): find the account of a key, or make one, bound to an
//! External Account Binding credential (section 7.3.4) that names the portal account, user,
//! group and product its orders use.

use std::net::IpAddr;

use app::model::acme::AcmeAccountStatus;
use serde::Deserialize;
use serde_json::Value;

use super::{AcmeError, AcmeService, Jwk, Jws};
use crate::store::{
    accounts,
    acme::{self, AcmeAccountRow, NewAcmeAccount},
    memberships, products,
};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewAccountRequest {
    #[serde(default)]
    pub contact: Vec<String>,
    #[serde(default)]
    pub terms_of_service_agreed: bool,
    #[serde(default)]
    pub only_return_existing: bool,
    #[serde(default)]
    pub external_account_binding: Option<Value>,
}

/// `mailto:` contacts only, one address each (RFC 8555 section 7.3).
pub(super) fn check_contacts(contacts: &[String]) -> Result<String, AcmeError> {
    for c in contacts {
        let Some(address) = c.strip_prefix("mailto:") else {
            return Err(AcmeError::InvalidContact(format!(
                "{c} is not a mailto: URL; only e-mail contacts are supported"
            )));
        };
        if app::model::email::Email::parse(address).is_err() || address.contains(',') {
            return Err(AcmeError::InvalidContact(format!(
                "{address} is not a single e-mail address"
            )));
        }
    }
    Ok(contacts.join(","))
}

impl AcmeService {
    /// With `ROOTLINE_ACME_EAB_REQUIRED=false`, an account without a binding orders for the
    /// operator's own account, as its first administrator, from its default group, with the
    /// public DV single-name product, at no charge (the Let's Encrypt model).
    async fn unbound_account(
        &self,
        jwk: &Jwk,
        thumbprint: &str,
        contact: &str,
        from: IpAddr,
    ) -> Result<(AcmeAccountRow, bool), AcmeError> {
        let unavailable = |what: &str| {
            AcmeError::Unauthorized(format!(
                "accounts without external account binding are not available: {what}"
            ))
        };
        let operator = accounts::find_first_of_kind(&self.store, app::model::AccountKind::Operator)
            .await?
            .ok_or_else(|| unavailable("the server has no operator account yet"))?;
        let admin = memberships::first_administrator(&self.store, operator.id)
            .await?
            .ok_or_else(|| unavailable("the operator account has no administrator"))?;
        let group = crate::services::access::ensure_default_group(
            &self.store,
            operator.id,
            self.clock.now(),
        )
        .await
        .map_err(|e| AcmeError::Internal(e.to_string()))?
        .into_iter()
        .find(|g| g.is_default)
        .ok_or_else(|| unavailable("the operator account has no default group"))?;
        let product = products::orderable_for_account(&self.store, operator.id)
            .await?
            .into_iter()
            .find(|p| {
                p.account_id.is_none() && *p.kind == app::model::products::ProductKind::DvSingle
            })
            .ok_or_else(|| unavailable("no public DV product is on sale"))?;
        self.check_address(operator.id, admin.user_id, from).await?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let row = acme::insert_account(
            &tx,
            NewAcmeAccount {
                thumbprint,
                jwk: &jwk.canonical_json(),
                contact,
                account_id: operator.id,
                user_id: admin.user_id,
                group_id: group.id,
                product_id: product.id,
                eab_id: None,
            },
            now,
        )
        .await?;
        crate::services::audit::record(
            &tx,
            now,
            crate::services::audit::AuditEntry {
                account_id: Some(operator.id),
                user_id: None,
                ip: None,
                module: "acme",
                action: "acme_account_created",
                summary: format!(
                    "ACME account #{} created without external account binding",
                    row.id
                ),
            },
        )
        .await
        .map_err(|e| AcmeError::Internal(e.to_string()))?;
        tx.commit().await?;
        Ok((row, true))
    }

    /// The account of `jwk`, and whether it was made now. `url` is the newAccount URL the
    /// binding must name; `from` is the client's address, which the IP restrictions of the
    /// user the account acts for must allow.
    pub async fn new_account(
        &self,
        jwk: &Jwk,
        request: &NewAccountRequest,
        url: &str,
        from: IpAddr,
    ) -> Result<(AcmeAccountRow, bool), AcmeError> {
        let thumbprint = jwk.thumbprint();
        if let Some(existing) = acme::account_by_thumbprint(&self.store, &thumbprint).await? {
            if *existing.status != AcmeAccountStatus::Valid {
                return Err(AcmeError::Unauthorized(format!(
                    "the account of this key is {}",
                    existing.status.as_str()
                )));
            }
            self.check_address(existing.account_id, existing.user_id, from)
                .await?;
            return Ok((existing, false));
        }
        if request.only_return_existing {
            return Err(AcmeError::AccountDoesNotExist);
        }
        let contact = check_contacts(&request.contact)?;
        let Some(binding) = &request.external_account_binding else {
            if self.eab_required {
                return Err(AcmeError::ExternalAccountRequired);
            }
            return self.unbound_account(jwk, &thumbprint, &contact, from).await;
        };
        let inner = Jws::from_value(binding)?;
        let key_id = inner.protected.kid.clone().ok_or_else(|| {
            AcmeError::Malformed("the external account binding has no kid".into())
        })?;
        if inner.protected.url.as_deref() != Some(url) {
            return Err(AcmeError::Unauthorized(
                "the external account binding's url is not the newAccount URL".into(),
            ));
        }
        if inner.protected.nonce.is_some() {
            return Err(AcmeError::Malformed(
                "the external account binding must not carry a nonce".into(),
            ));
        }
        let bound_key: Value = inner.json_payload()?;
        if Jwk::parse(&bound_key)?.thumbprint() != thumbprint {
            return Err(AcmeError::Unauthorized(
                "the external account binding is for another key".into(),
            ));
        }
        let refused =
            || AcmeError::Unauthorized("the external account binding is not valid".into());
        let credential = acme::eab_by_key_id(&self.store, &key_id)
            .await?
            .ok_or_else(refused)?;
        let secret = self
            .sealer
            .open(&eab_context(&key_id), &credential.hmac_sealed)
            .map_err(|e| AcmeError::Internal(e.to_string()))?;
        inner.verify_hmac(&secret).map_err(|_| refused())?;
        if credential.revoked_at.is_some() {
            return Err(AcmeError::Unauthorized(
                "this external account binding key was revoked".into(),
            ));
        }
        // Before binding: a refused address must not use up the credential.
        self.check_address(credential.account_id, credential.user_id, from)
            .await?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        if !acme::bind_eab(&tx, credential.id, now).await? {
            return Err(AcmeError::Unauthorized(
                "this external account binding key is already bound to an account".into(),
            ));
        }
        let row = acme::insert_account(
            &tx,
            NewAcmeAccount {
                thumbprint: &thumbprint,
                jwk: &jwk.canonical_json(),
                contact: &contact,
                account_id: credential.account_id,
                user_id: credential.user_id,
                group_id: credential.group_id,
                product_id: credential.product_id,
                eab_id: Some(credential.id),
            },
            now,
        )
        .await?;
        crate::services::audit::record(
            &tx,
            now,
            crate::services::audit::AuditEntry {
                account_id: Some(credential.account_id),
                user_id: Some(credential.user_id),
                ip: None,
                module: "acme",
                action: "acme_account_created",
                summary: format!("ACME account #{} created with key ID {key_id}", row.id),
            },
        )
        .await
        .map_err(|e| AcmeError::Internal(e.to_string()))?;
        tx.commit().await?;
        Ok((row, true))
    }
}

/// The sealing context of a credential's HMAC key: a sealed key moved to another row does
/// not open.
pub(super) fn eab_context(key_id: &str) -> String {
    format!("acme-eab:{key_id}")
}

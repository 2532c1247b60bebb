//! External Account Binding credentials (RFC 8555 section 7.3.4, INT-2): an administrator
//! makes one for a user, a group and a product of their account, with tags; the key ID and
//! HMAC key are shown once, the key kept sealed under the master secret; revoking one stops
//! it binding new ACME accounts and stops the accounts it bound.

use app::i18n::Msg;
use app::model::Permission;
use chrono::{DateTime, Utc};

use super::{AcmeError, AcmeService, jws, new_account::eab_context};
use crate::{
    services::identity::Caller,
    store::{
        acme::{self, NewEab},
        groups, memberships, users,
    },
};

/// A credential as made: the HMAC key appears here and nowhere else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EabCreated {
    pub id: i32,
    pub key_id: String,
    /// base64url, as certbot's `--eab-hmac-key` and lego's `--hmac` take it.
    pub hmac_key: String,
}

/// A credential in the list (never its key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EabView {
    pub id: i32,
    pub key_id: String,
    pub user_id: i32,
    pub group_id: i32,
    pub product_id: i32,
    pub tags: String,
    pub created_at: DateTime<Utc>,
    pub bound_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// The organization its OV orders name.
    pub organization_id: Option<i32>,
}

pub struct NewCredential<'a> {
    pub user_email: &'a str,
    pub group_id: Option<i32>,
    pub product_id: i32,
    pub tags: &'a str,
    /// The verified organization an OV product's orders name; none for DV.
    pub organization_id: Option<app::model::OrganizationId>,
}

impl AcmeService {
    /// Makes a credential in the caller's account. The user must be an active member; the
    /// product must be one the account may order; no group picks the default group.
    pub async fn create_eab(
        &self,
        caller: &Caller,
        c: &NewCredential<'_>,
    ) -> Result<EabCreated, AcmeError> {
        if !caller.can(Permission::ManageSettings) {
            return Err(AcmeError::Unauthorized(
                "making ACME credentials needs the ManageSettings permission".into(),
            ));
        }
        let account_id = caller.account.id;
        let user = users::find_by_email(&self.store, c.user_email)
            .await?
            .ok_or_else(|| AcmeError::InvalidField {
                field: "user",
                message: Msg::new("err-not-a-user-of-account").arg("email", c.user_email),
            })?;
        let member = memberships::find(&self.store, user.id, account_id).await?;
        if member.is_none_or(|m| m.status != memberships::ACTIVE) {
            return Err(AcmeError::InvalidField {
                field: "user",
                message: Msg::new("err-not-an-active-user-of-account").arg("email", c.user_email),
            });
        }
        crate::services::access::ensure_default_group(&self.store, account_id, self.clock.now())
            .await
            .map_err(|e| AcmeError::Internal(e.to_string()))?;
        let group = groups::for_account(&self.store, account_id)
            .await?
            .into_iter()
            .find(|g| match c.group_id {
                Some(id) => g.id == id,
                None => g.is_default,
            })
            .ok_or_else(|| AcmeError::InvalidField {
                field: "group",
                message: Msg::new("err-choose-group-of-account"),
            })?;
        let product = self
            .catalog
            .product_for_order(account_id, c.product_id, caller.account.currency.as_str())
            .await
            .map_err(|e| AcmeError::InvalidField {
                field: "product",
                message: Msg::new("err-product-cannot-be-ordered").arg("detail", e.to_string()),
            })?;
        // ACME issues TLS certificates for names; a mailbox product has no ACME challenge.
        if product.offer.kind.is_smime() {
            return Err(AcmeError::InvalidField {
                field: "product",
                message: Msg::new("err-acme-choose-tls-product"),
            });
        }
        // EV asks its signatories through mailed links for each request: no unattended client
        // can order it.
        if product.offer.kind.vetting_level() == Some(app::model::organizations::VettingLevel::Ev) {
            return Err(AcmeError::InvalidField {
                field: "product",
                message: Msg::new("err-acme-no-ev"),
            });
        }
        // ACME orders DV unless the credential is bound to a verified organization; then its
        // orders are OV for that organization.
        match (product.offer.kind.vetting_level(), c.organization_id) {
            (Some(level), Some(id)) => {
                use crate::services::orders::organization::{Readiness, readiness_at};
                // Bound only to an organization the desk has verified: its accounts' orders
                // are placed unattended.
                let message =
                    match readiness_at(&self.store, self.clock.now(), account_id.into(), id, level)
                        .await?
                    {
                        Readiness::Ready(_) => None,
                        Readiness::InVetting => Some(Msg::new("err-acme-organization-in-vetting")),
                        Readiness::Refused(why) => Some(why),
                    };
                if let Some(message) = message {
                    return Err(AcmeError::InvalidField {
                        field: "organization",
                        message,
                    });
                }
            }
            (Some(_), None) => {
                return Err(AcmeError::InvalidField {
                    field: "organization",
                    message: Msg::new("err-acme-ov-needs-organization"),
                });
            }
            (None, Some(_)) => {
                return Err(AcmeError::InvalidField {
                    field: "organization",
                    message: Msg::new("err-acme-dv-names-no-organization"),
                });
            }
            (None, None) => {}
        }
        let tags = c
            .tags
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(",");
        if tags.len() > 500 {
            return Err(AcmeError::InvalidField {
                field: "tags",
                message: Msg::new("err-tags-limited-500"),
            });
        }
        let key_id = self.random_b64(16);
        let mut secret = [0u8; 32];
        self.random.fill(&mut secret);
        let sealed = self
            .sealer
            .seal(&eab_context(&key_id), &secret)
            .map_err(|e| AcmeError::Internal(e.to_string()))?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let row = acme::insert_eab(
            &tx,
            NewEab {
                key_id: &key_id,
                hmac_sealed: sealed,
                account_id,
                user_id: user.id,
                group_id: group.id,
                product_id: c.product_id,
                tags: &tags,
                created_by: Some(caller.user.id),
                organization_id: c.organization_id,
            },
            now,
        )
        .await?;
        crate::services::audit::record(
            &tx,
            now,
            crate::services::audit::AuditEntry {
                account_id: Some(account_id),
                user_id: Some(caller.user.id),
                ip: None,
                module: "acme",
                action: "eab_created",
                summary: format!(
                    "ACME credential {key_id} made for {} (group {}, product #{})",
                    user.email, group.name, c.product_id
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(EabCreated {
            id: row.id,
            key_id,
            hmac_key: jws::b64(&secret),
        })
    }

    pub async fn list_eab(&self, caller: &Caller) -> Result<Vec<EabView>, AcmeError> {
        if !caller.can(Permission::ManageSettings) {
            return Err(AcmeError::Unauthorized(
                "ACME credentials need the ManageSettings permission".into(),
            ));
        }
        Ok(acme::eabs_for_account(&self.store, caller.account.id)
            .await?
            .into_iter()
            .map(|e| EabView {
                id: e.id,
                key_id: e.key_id,
                user_id: e.user_id,
                group_id: e.group_id,
                product_id: e.product_id,
                tags: e.tags,
                created_at: e.created_at,
                bound_at: e.bound_at,
                revoked_at: e.revoked_at,
                organization_id: e.organization_id,
            })
            .collect())
    }

    /// Revokes a credential of the caller's account and deactivates the ACME accounts it
    /// bound; another account's credential is not found.
    pub async fn revoke_eab(&self, caller: &Caller, id: i32) -> Result<(), AcmeError> {
        if !caller.can(Permission::ManageSettings) {
            return Err(AcmeError::Unauthorized(
                "ACME credentials need the ManageSettings permission".into(),
            ));
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        if !acme::revoke_eab(&tx, caller.account.id, id, now).await? {
            return Err(AcmeError::NotFound);
        }
        acme::revoke_accounts_of_eab(&tx, id).await?;
        crate::services::audit::record(
            &tx,
            now,
            crate::services::audit::AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip: None,
                module: "acme",
                action: "eab_revoked",
                summary: format!("ACME credential #{id} revoked"),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

impl AcmeService {
    /// `server acme eab-create`: a credential made by an administrator of their account (the
    /// first account where they may manage settings), for themselves, for the product and
    /// group named.
    pub async fn create_eab_as(
        &self,
        admin_email: &str,
        product_name: &str,
        group_name: Option<&str>,
    ) -> Result<EabCreated, AcmeError> {
        let user = users::find_by_email(&self.store, admin_email)
            .await?
            .ok_or_else(|| AcmeError::Malformed(format!("{admin_email} is not a user")))?;
        let mut admin = None;
        for m in memberships::for_user(&self.store, user.id).await? {
            if let Some(c) = self
                .identity
                .machine_caller(user.id, m.account_id)
                .await
                .map_err(|e| AcmeError::Internal(e.to_string()))?
                && c.can(Permission::ManageSettings)
            {
                admin = Some(c);
                break;
            }
        }
        let admin = admin.ok_or_else(|| {
            AcmeError::Unauthorized(format!(
                "{admin_email} is not an active administrator of any account"
            ))
        })?;
        let offers = self
            .catalog
            .offers(&admin, admin.account.currency.as_str())
            .await
            .map_err(|e| AcmeError::Internal(e.to_string()))?;
        let product = offers
            .iter()
            .find(|o| o.name.eq_ignore_ascii_case(product_name))
            .ok_or_else(|| {
                AcmeError::Malformed(format!(
                    "no product named {product_name:?}; the account may order: {}",
                    offers
                        .iter()
                        .map(|o| o.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
        let group_id = match group_name {
            None => None,
            Some(name) => Some(
                groups::for_account(&self.store, admin.account.id)
                    .await?
                    .into_iter()
                    .find(|g| g.name.eq_ignore_ascii_case(name))
                    .ok_or_else(|| AcmeError::Malformed(format!("no group named {name:?}")))?
                    .id,
            ),
        };
        self.create_eab(
            &admin,
            &NewCredential {
                user_email: &user.email,
                group_id,
                product_id: product.id,
                tags: "",
                organization_id: None,
            },
        )
        .await
    }
}

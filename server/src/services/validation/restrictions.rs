//! Domains the administrator keeps out of orders (and their sub-domains).

use crate::services::identity::Caller;
use app::i18n::Msg;
use app::model::Permission;
use app::model::{FieldErrors, dns_name};

use super::{ValidationError, ValidationService};
use crate::store::{StoreError, domains};

impl ValidationService {
    /// The caller's account's domain restrictions, for a user who manages its settings.
    pub async fn restrictions_for(&self, caller: &Caller) -> Result<Vec<String>, ValidationError> {
        caller.require(Permission::ManageSettings)?;
        self.restrictions(caller.account.id).await
    }

    pub async fn add_restriction_for(
        &self,
        caller: &Caller,
        raw: &str,
    ) -> Result<(), ValidationError> {
        caller.require(Permission::ManageSettings)?;
        self.add_restriction(caller.account.id, raw).await
    }

    pub async fn remove_restriction_for(
        &self,
        caller: &Caller,
        domain: &str,
    ) -> Result<(), ValidationError> {
        caller.require(Permission::ManageSettings)?;
        self.remove_restriction(caller.account.id, domain).await
    }

    pub async fn restrictions(&self, account_id: i32) -> Result<Vec<String>, ValidationError> {
        Ok(domains::restrictions(&self.store, account_id).await?)
    }

    pub async fn add_restriction(&self, account_id: i32, raw: &str) -> Result<(), ValidationError> {
        let name = dns_name::parse_public(raw, false)
            .map_err(|e| ValidationError::Invalid(FieldErrors::single("domain", e)))?;
        domains::add_restriction(&self.store, account_id, &name, self.clock.now())
            .await
            .map_err(|e| match e {
                StoreError::Duplicate => ValidationError::Invalid(FieldErrors::single(
                    "domain",
                    Msg::new("err-domain-restricted-already"),
                )),
                other => other.into(),
            })
    }

    pub async fn remove_restriction(
        &self,
        account_id: i32,
        domain: &str,
    ) -> Result<(), ValidationError> {
        if domains::remove_restriction(&self.store, account_id, domain).await? {
            Ok(())
        } else {
            Err(ValidationError::NotFound)
        }
    }
}

//! Domains the administrator keeps out of orders (and their sub-domains).

use app::model::{FieldErrors, dns_name};

use super::{ValidationError, ValidationService};
use crate::store::{StoreError, domains};

impl ValidationService {
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
                    "This domain is restricted already.",
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

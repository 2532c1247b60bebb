//! Choosing another validation method: a fresh random value goes with it.

use crate::services::identity::Caller;
use app::model::Permission;
use app::model::domains::{DomainView, parse_method};

use super::{ValidationError, ValidationService};
use crate::store::domains;

impl ValidationService {
    /// Changes how a domain of the caller's account is validated.
    pub async fn change_method_for(
        &self,
        caller: &Caller,
        domain_id: i32,
        method: &str,
    ) -> Result<DomainView, ValidationError> {
        caller.require(Permission::ManageDomains)?;
        self.change_method(caller.account.id, domain_id, method)
            .await
    }

    pub async fn change_method(
        &self,
        account_id: i32,
        domain_id: i32,
        method: &str,
    ) -> Result<DomainView, ValidationError> {
        let method = parse_method(method)
            .map_err(|e| ValidationError::Invalid(app::model::FieldErrors::single("method", e)))?;
        domains::get(&self.store, account_id, domain_id)
            .await?
            .ok_or(ValidationError::NotFound)?;
        let now = self.clock.now();
        if let Some(why) = self.refusal(method, now) {
            return Err(ValidationError::Invalid(app::model::FieldErrors::single(
                "method", why,
            )));
        }
        domains::set_method(
            &self.store,
            account_id,
            domain_id,
            method,
            &self.random_value(),
            now,
        )
        .await?;
        let row = domains::get(&self.store, account_id, domain_id)
            .await?
            .ok_or(ValidationError::NotFound)?;
        Ok(self.view_of(&row, now))
    }
}

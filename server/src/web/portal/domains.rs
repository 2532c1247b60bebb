//! `DomainsApi` for the portal: the account's domains, their validation and restrictions.
//! The validation service checks the permission; a domain confirmed here lets the orders
//! waiting on it go on.

use app::{
    error::AppError,
    model::domains::{AddDomainForm, CheckResult, DomainNeed, DomainsPage},
    ports::{DomainsApi, RequestMeta},
};
use async_trait::async_trait;

use super::{Portal, admit, orders::outcome_text};
use crate::{domain::client_limits::ThrottleScope, services::validation::CheckOutcome};

#[async_trait]
impl DomainsApi for Portal {
    async fn domains(&self, meta: &RequestMeta, needs: String) -> Result<DomainsPage, AppError> {
        let caller = self.caller(meta).await?;
        let needs = DomainNeed::from_query(&needs).map_err(AppError::Validation)?;
        Ok(self.validation.domains_page_for(&caller, needs).await?)
    }

    async fn add(&self, meta: &RequestMeta, form: AddDomainForm) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.validation.add_domain_for(&caller, &form).await?;
        Ok(())
    }

    async fn change_method(
        &self,
        meta: &RequestMeta,
        id: i32,
        method: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.validation
            .change_method_for(&caller, id, &method)
            .await?;
        Ok(())
    }

    async fn verify(&self, meta: &RequestMeta, id: i32) -> Result<CheckResult, AppError> {
        let caller = self.caller(meta).await?;
        // Verify Now looks the domain up or mails its validation link again.
        admit(&self.throttle, ThrottleScope::DomainCheck, meta.ip).await?;
        let outcome = self.validation.verify_for(&caller, id).await?;
        if matches!(outcome, CheckOutcome::Verified { .. }) {
            self.orders.domain_confirmed(caller.account.id).await?;
        }
        Ok(outcome_text(outcome))
    }

    async fn restrictions(&self, meta: &RequestMeta) -> Result<Vec<String>, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.validation.restrictions_for(&caller).await?)
    }

    async fn add_restriction(&self, meta: &RequestMeta, domain: String) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .validation
            .add_restriction_for(&caller, &domain)
            .await?)
    }

    async fn remove_restriction(&self, meta: &RequestMeta, domain: String) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .validation
            .remove_restriction_for(&caller, &domain)
            .await?)
    }

    async fn confirm_email(&self, domain_id: i32, value: String) -> Result<String, AppError> {
        let (account_id, name) = self.validation.confirm_email(domain_id, &value).await?;
        self.orders.domain_confirmed(account_id).await?;
        Ok(name)
    }
}

//! Domains and their validation.

use async_trait::async_trait;

use crate::{error::AppError, ports::request::RequestMeta};

/// The account's domains and their validation, and the administrator's restrictions.
#[async_trait]
pub trait DomainsApi: Send + Sync {
    /// The account's domains; `needs` is the list's filter (`validation`, or empty for all).
    async fn domains(
        &self,
        meta: &RequestMeta,
        needs: String,
    ) -> Result<crate::model::domains::DomainsPage, AppError>;
    async fn add(
        &self,
        meta: &RequestMeta,
        form: crate::model::domains::AddDomainForm,
    ) -> Result<(), AppError>;
    async fn change_method(
        &self,
        meta: &RequestMeta,
        id: i32,
        method: String,
    ) -> Result<(), AppError>;
    /// Verify Now (or send the e-mail): what happened, in words, failed or not.
    async fn verify(
        &self,
        meta: &RequestMeta,
        id: i32,
    ) -> Result<crate::model::domains::CheckResult, AppError>;
    async fn restrictions(&self, meta: &RequestMeta) -> Result<Vec<String>, AppError>;
    async fn add_restriction(&self, meta: &RequestMeta, domain: String) -> Result<(), AppError>;
    async fn remove_restriction(&self, meta: &RequestMeta, domain: String) -> Result<(), AppError>;
    /// The constructed e-mail's link: confirms control; the domain's name.
    async fn confirm_email(&self, domain_id: i32, value: String) -> Result<String, AppError>;
}

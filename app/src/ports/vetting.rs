//! The vetting desk (operator users) and the representative's authentication-code link.

use async_trait::async_trait;

use crate::{
    error::AppError,
    model::{
        OrganizationId,
        vetting::{CheckForm, VettingCase, VettingQueue},
    },
    ports::request::RequestMeta,
};

#[async_trait]
pub trait VettingApi: Send + Sync {
    async fn queue(&self, meta: &RequestMeta) -> Result<VettingQueue, AppError>;
    async fn case(&self, meta: &RequestMeta, id: OrganizationId) -> Result<VettingCase, AppError>;
    async fn check(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        form: CheckForm,
    ) -> Result<(), AppError>;
    /// Mails a new code; the code itself, for reading out on a call.
    async fn send_code(&self, meta: &RequestMeta, id: OrganizationId) -> Result<String, AppError>;
    /// `level`: `ov` or `ev`.
    async fn approve(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        level: String,
    ) -> Result<(), AppError>;
    async fn reject(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        reason: String,
    ) -> Result<(), AppError>;
    /// The organization a code's link is for, while it works.
    async fn code_link(&self, meta: &RequestMeta, token: String) -> Result<String, AppError>;
    /// The code entered through its link; the organization's name.
    async fn enter_code(
        &self,
        meta: &RequestMeta,
        token: String,
        code: String,
    ) -> Result<String, AppError>;
}

//! Organizations an account has vetted for OV and EV certificates.

use async_trait::async_trait;

use crate::{
    error::AppError,
    model::{
        ContactId, OrganizationDocumentId, OrganizationId,
        organization_form::{ContactForm, OrganizationForm},
        organizations::{OrganizationDetail, OrganizationsPage, OrganizationsQuery},
    },
    ports::request::RequestMeta,
};

/// A file posted with a form.
#[derive(Debug, Clone, Default)]
pub struct PostedFile {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

#[async_trait]
pub trait OrganizationsApi: Send + Sync {
    async fn organizations(
        &self,
        meta: &RequestMeta,
        query: OrganizationsQuery,
    ) -> Result<OrganizationsPage, AppError>;
    async fn organization(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
    ) -> Result<OrganizationDetail, AppError>;
    async fn add(
        &self,
        meta: &RequestMeta,
        form: OrganizationForm,
    ) -> Result<OrganizationId, AppError>;
    /// True when the edit went back to vetting as a modification request.
    async fn update(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        form: OrganizationForm,
    ) -> Result<bool, AppError>;
    async fn submit(&self, meta: &RequestMeta, id: OrganizationId) -> Result<(), AppError>;
    async fn suspend(&self, meta: &RequestMeta, id: OrganizationId) -> Result<(), AppError>;
    async fn add_alternate(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        form: ContactForm,
    ) -> Result<(), AppError>;
    async fn remove_alternate(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        contact: ContactId,
    ) -> Result<(), AppError>;
    async fn add_document(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        file: PostedFile,
    ) -> Result<(), AppError>;
    async fn remove_document(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        document: OrganizationDocumentId,
    ) -> Result<(), AppError>;
    /// Asks the representative at `email` to share their organizations with the account.
    async fn request_consent(&self, meta: &RequestMeta, email: String) -> Result<(), AppError>;
    /// The organizations other accounts shared with this one.
    async fn shared(
        &self,
        meta: &RequestMeta,
    ) -> Result<Vec<crate::model::organizations::SharedOrganization>, AppError>;
    /// What a consent link asks (public: the token is the key).
    async fn consent_link(
        &self,
        meta: &RequestMeta,
        token: String,
    ) -> Result<crate::model::organizations::ConsentLinkView, AppError>;
    /// The representative's answer through the link: `allow` or `decline`.
    async fn answer_consent(
        &self,
        meta: &RequestMeta,
        token: String,
        answer: String,
    ) -> Result<(), AppError>;
}

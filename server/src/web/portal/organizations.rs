//! `OrganizationsApi` for the portal: the account's organizations, their representatives and
//! documents. The organizations service checks the permission and the account.

use std::sync::Arc;

use app::{
    error::AppError,
    model::{
        ContactId, OrganizationDocumentId, OrganizationId,
        organization_form::{ContactForm, OrganizationForm},
        organizations::{
            ConsentLinkView, OrganizationDetail, OrganizationsPage, OrganizationsQuery,
            SharedOrganization,
        },
    },
    ports::{OrganizationsApi, PostedFile, RequestMeta},
};
use async_trait::async_trait;

use super::caller;
use crate::services::{
    identity::{Caller, IdentityService},
    organizations::{OrganizationService, Upload, edit::Edited},
};

pub struct OrganizationsPortal {
    pub identity: Arc<IdentityService>,
    pub organizations: Arc<OrganizationService>,
    /// The consent link is public: each client's tries are throttled.
    pub throttle: Arc<crate::services::throttle::Throttle>,
}

impl OrganizationsPortal {
    async fn caller(&self, meta: &RequestMeta) -> Result<Caller, AppError> {
        caller(&self.identity, meta).await
    }
}

fn ip(meta: &RequestMeta) -> Option<String> {
    Some(meta.ip.to_string())
}

#[async_trait]
impl OrganizationsApi for OrganizationsPortal {
    async fn organizations(
        &self,
        meta: &RequestMeta,
        query: OrganizationsQuery,
    ) -> Result<OrganizationsPage, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .organizations
            .organizations_page(&caller, &query)
            .await?)
    }

    async fn organization(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
    ) -> Result<OrganizationDetail, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.organizations.organization_detail(&caller, id).await?)
    }

    async fn add(
        &self,
        meta: &RequestMeta,
        form: OrganizationForm,
    ) -> Result<OrganizationId, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .organizations
            .add_organization(&caller, &form, ip(meta))
            .await?)
    }

    async fn update(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        form: OrganizationForm,
    ) -> Result<bool, AppError> {
        let caller = self.caller(meta).await?;
        let edited = self
            .organizations
            .update_organization(&caller, id, &form, ip(meta))
            .await?;
        Ok(edited == Edited::ModificationRequested)
    }

    async fn submit(&self, meta: &RequestMeta, id: OrganizationId) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .organizations
            .submit_organization(&caller, id, ip(meta))
            .await?)
    }

    async fn suspend(&self, meta: &RequestMeta, id: OrganizationId) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .organizations
            .suspend_organization(&caller, id, ip(meta))
            .await?)
    }

    async fn add_alternate(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        form: ContactForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.organizations
            .add_alternate(&caller, id, &form, ip(meta))
            .await?;
        Ok(())
    }

    async fn remove_alternate(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        contact: ContactId,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .organizations
            .remove_alternate(&caller, id, contact, ip(meta))
            .await?)
    }

    async fn add_document(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        file: PostedFile,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        let upload = Upload {
            file_name: file.file_name,
            bytes: file.bytes,
        };
        self.organizations
            .add_document(&caller, id, upload, ip(meta))
            .await?;
        Ok(())
    }

    async fn remove_document(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        document: OrganizationDocumentId,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .organizations
            .remove_document(&caller, id, document, ip(meta))
            .await?)
    }

    async fn request_consent(&self, meta: &RequestMeta, email: String) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .organizations
            .request_consent(&caller, &email, ip(meta))
            .await?)
    }

    async fn shared(&self, meta: &RequestMeta) -> Result<Vec<SharedOrganization>, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.organizations.shared_organizations(&caller).await?)
    }

    async fn consent_link(
        &self,
        meta: &RequestMeta,
        token: String,
    ) -> Result<ConsentLinkView, AppError> {
        super::admit(
            &self.throttle,
            crate::domain::client_limits::ThrottleScope::Tracking,
            meta.ip,
        )
        .await?;
        Ok(self.organizations.consent_link(&token).await?)
    }

    async fn answer_consent(
        &self,
        meta: &RequestMeta,
        token: String,
        answer: String,
    ) -> Result<(), AppError> {
        super::admit(
            &self.throttle,
            crate::domain::client_limits::ThrottleScope::Tracking,
            meta.ip,
        )
        .await?;
        self.organizations
            .answer_consent(&token, &answer, ip(meta))
            .await?;
        Ok(())
    }
}

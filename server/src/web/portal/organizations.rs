//! `OrganizationsApi` for the portal: the account's organizations, their representatives and
//! documents. The organizations service checks the permission and the account.

use std::sync::Arc;

use app::{
    error::AppError,
    model::{
        ContactId, OrganizationDocumentId, OrganizationId,
        organization_form::{ContactForm, OrganizationForm},
        organizations::{OrganizationDetail, OrganizationsPage, OrganizationsQuery},
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
}

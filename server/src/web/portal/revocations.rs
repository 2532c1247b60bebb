//! `RevocationsApi` for the portal: the operator's mass revocation.

use std::sync::Arc;

use app::{
    error::AppError,
    model::{
        ids::RevocationBatchId,
        revocations::{BatchView, CertificateSearch, MassRevokeForm, RevocationSearchPage},
    },
    ports::{RequestMeta, RevocationsApi},
};
use async_trait::async_trait;

use super::{caller, incident};
use crate::services::{
    identity::IdentityService,
    mass_revocation::{MassRevocationError, MassRevocationService},
};

pub struct RevocationsPortal {
    pub identity: Arc<IdentityService>,
    pub revocations: Arc<MassRevocationService>,
}

impl RevocationsPortal {
    /// The adapter over the process's identity service, shared as the backend holds it.
    pub fn shared(
        services: &crate::startup::Services,
        revocations: Arc<MassRevocationService>,
    ) -> Arc<Self> {
        Arc::new(Self {
            identity: services.identity.clone(),
            revocations,
        })
    }
}

impl From<MassRevocationError> for AppError {
    fn from(e: MassRevocationError) -> Self {
        match e {
            MassRevocationError::OperatorOnly => AppError::Forbidden,
            MassRevocationError::NotFound => AppError::NotFound,
            MassRevocationError::Invalid(errors) => AppError::Validation(errors),
            MassRevocationError::Refused(why) => AppError::Conflict(why),
            other @ MassRevocationError::Store(_) => incident(&other),
        }
    }
}

#[async_trait]
impl RevocationsApi for RevocationsPortal {
    async fn search(
        &self,
        meta: &RequestMeta,
        query: CertificateSearch,
    ) -> Result<RevocationSearchPage, AppError> {
        let caller = caller(&self.identity, meta).await?;
        Ok(self
            .revocations
            .search_certificates(&caller, &query)
            .await?)
    }

    async fn revoke(
        &self,
        meta: &RequestMeta,
        form: MassRevokeForm,
    ) -> Result<RevocationBatchId, AppError> {
        let caller = caller(&self.identity, meta).await?;
        Ok(self
            .revocations
            .revoke_selection(&caller, &form, Some(meta.ip.to_string()))
            .await?)
    }

    async fn batch(
        &self,
        meta: &RequestMeta,
        id: RevocationBatchId,
        page: u64,
    ) -> Result<BatchView, AppError> {
        let caller = caller(&self.identity, meta).await?;
        Ok(self.revocations.revocation_batch(&caller, id, page).await?)
    }
}

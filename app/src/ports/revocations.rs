//! Mass revocation (operator users): the search across accounts, the revocation of a
//! selection, and a batch's progress.

use async_trait::async_trait;

use crate::{
    error::AppError,
    model::{
        ids::RevocationBatchId,
        revocations::{BatchView, CertificateSearch, MassRevokeForm, RevocationSearchPage},
    },
    ports::request::RequestMeta,
};

#[async_trait]
pub trait RevocationsApi: Send + Sync {
    async fn search(
        &self,
        meta: &RequestMeta,
        query: CertificateSearch,
    ) -> Result<RevocationSearchPage, AppError>;
    /// Records the batch and starts it; the batch (the first one's, for a retried post).
    async fn revoke(
        &self,
        meta: &RequestMeta,
        form: MassRevokeForm,
    ) -> Result<RevocationBatchId, AppError>;
    async fn batch(
        &self,
        meta: &RequestMeta,
        id: RevocationBatchId,
        page: u64,
    ) -> Result<BatchView, AppError>;
}

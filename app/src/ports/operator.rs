//! The operator console.

use async_trait::async_trait;

use crate::{error::AppError, ports::request::RequestMeta};

/// The operator console: customer accounts and Partner applications. Operator users only.
#[async_trait]
pub trait OperatorApi: Send + Sync {
    async fn accounts(
        &self,
        meta: &RequestMeta,
        query: crate::model::operator::AccountsQuery,
    ) -> Result<crate::model::operator::AccountsPage, AppError>;
    /// Approves (`approve`) or rejects, with `reason`, a waiting Partner application.
    async fn review_partner(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        approve: bool,
        reason: String,
    ) -> Result<(), AppError>;
    async fn set_multiple_groups(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        enabled: bool,
    ) -> Result<(), AppError>;
    /// The version in force of each legal document.
    async fn legal_documents(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::legal::LegalDocumentsPage, AppError>;
    /// Publishes the next version of a legal document; returns its number.
    async fn publish_legal_document(
        &self,
        meta: &RequestMeta,
        form: crate::model::legal::PublishLegalForm,
    ) -> Result<i32, AppError>;
}

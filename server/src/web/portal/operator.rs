//! `OperatorApi` for the portal: the operator console's accounts. The service refuses
//! everyone but operator users.

use app::{
    error::AppError,
    model::{
        legal::{LegalDocumentsPage, PublishLegalForm},
        operator::{AccountsPage, AccountsQuery},
    },
    ports::{OperatorApi, RequestMeta},
};
use async_trait::async_trait;

use super::Portal;

#[async_trait]
impl OperatorApi for Portal {
    async fn accounts(
        &self,
        meta: &RequestMeta,
        query: AccountsQuery,
    ) -> Result<AccountsPage, AppError> {
        let operator = self.caller(meta).await?;
        Ok(self.access.accounts_page(&operator, &query).await?)
    }

    async fn review_partner(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        approve: bool,
        reason: String,
    ) -> Result<(), AppError> {
        let operator = self.caller(meta).await?;
        Ok(self
            .access
            .review_partner(
                &operator,
                account_id,
                approve,
                &reason,
                Some(meta.ip.to_string()),
            )
            .await?)
    }

    async fn set_multiple_groups(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        enabled: bool,
    ) -> Result<(), AppError> {
        let operator = self.caller(meta).await?;
        Ok(self
            .access
            .set_multiple_groups(&operator, account_id, enabled, Some(meta.ip.to_string()))
            .await?)
    }

    async fn legal_documents(&self, meta: &RequestMeta) -> Result<LegalDocumentsPage, AppError> {
        let operator = self.caller(meta).await?;
        Ok(self.access.legal_documents(&operator).await?)
    }

    async fn publish_legal_document(
        &self,
        meta: &RequestMeta,
        form: PublishLegalForm,
    ) -> Result<i32, AppError> {
        let operator = self.caller(meta).await?;
        Ok(self
            .access
            .publish_legal_document(&operator, &form, Some(meta.ip.to_string()))
            .await?)
    }
}

use leptos::prelude::*;

use crate::{error::AppError, model::legal::LegalDocumentView};

/// The version in force of `kind` (`terms` or `subscriber_agreement`); anyone may read it.
#[server(endpoint = "auth/legal-document")]
pub async fn legal_document(kind: String) -> Result<LegalDocumentView, AppError> {
    crate::api::call(|backend, _meta| async move {
        let kind =
            crate::model::legal::LegalDocumentKind::parse(kind.trim()).ok_or(AppError::NotFound)?;
        backend.identity.legal_document(kind).await
    })
    .await
}

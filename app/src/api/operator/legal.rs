use leptos::prelude::*;

use crate::{
    error::AppError,
    model::legal::{LegalDocumentsPage, PublishLegalForm},
};

/// The version in force of each legal document. Operator users only.
#[server(endpoint = "operator/legal")]
pub async fn operator_legal_documents() -> Result<LegalDocumentsPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.operator.legal_documents(&meta).await })
        .await
}

/// Publishes the next version of the terms of service or the subscriber agreement; sign-ups
/// accept it from then on. Operator users only.
#[server(endpoint = "operator/legal/publish")]
pub async fn publish_legal_document(
    #[server(flatten)] form: PublishLegalForm,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/operator/legal?published=1", |backend, meta| async move {
        backend
            .operator
            .publish_legal_document(&meta, form)
            .await
            .map(|_| ())
    })
    .await
}

use leptos::prelude::*;

use crate::{error::AppError, model::revocations::BatchView};

/// A mass revocation's progress and a page of its certificates. Operator users only.
#[server(endpoint = "operator/revocations/batch")]
pub async fn revocation_batch(id: i32, page: Option<u64>) -> Result<BatchView, AppError> {
    crate::api::call(|backend, meta| async move {
        backend
            .revocations
            .batch(
                &meta,
                crate::model::ids::RevocationBatchId(id),
                page.unwrap_or(1),
            )
            .await
    })
    .await
}

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::revocations::{CertificateSearch, RevocationSearchPage},
};

/// Certificates of every account that a search finds, for mass revocation. Operator users
/// only.
#[server(endpoint = "operator/revocations/search")]
pub async fn revocation_search(query: CertificateSearch) -> Result<RevocationSearchPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.revocations.search(&meta, query).await })
        .await
}

use leptos::prelude::*;

use crate::error::AppError;

/// Domains kept out of orders. Needs `ManageSettings`.
#[server(endpoint = "domains/restrictions")]
pub async fn domain_restrictions() -> Result<Vec<String>, AppError> {
    crate::api::call(|backend, meta| async move { backend.domains.restrictions(&meta).await }).await
}

/// Keeps a domain and its sub-domains out of orders. Needs `ManageSettings`.
#[server(endpoint = "domains/restrict")]
pub async fn domain_restrict(domain: String) -> Result<(), AppError> {
    crate::api::call(
        |backend, meta| async move { backend.domains.add_restriction(&meta, domain).await },
    )
    .await
}

/// Lifts a restriction. Needs `ManageSettings`.
#[server(endpoint = "domains/unrestrict")]
pub async fn domain_unrestrict(domain: String) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        backend.domains.remove_restriction(&meta, domain).await
    })
    .await
}

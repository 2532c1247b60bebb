use leptos::prelude::*;

use crate::{error::AppError, model::domains::DomainsPage};

/// The account's domains; `needs=validation` lists only those to validate. Needs
/// `ManageDomains`.
#[server(endpoint = "domains/list")]
pub async fn domains_list(needs: Option<String>) -> Result<DomainsPage, AppError> {
    crate::api::call(|backend, meta| async move {
        backend
            .domains
            .domains(&meta, needs.unwrap_or_default())
            .await
    })
    .await
}

/// Adds a domain (Pending) with its validation method. Needs `ManageDomains`.
#[server(endpoint = "domains/add")]
pub async fn domain_add(name: String, method: String) -> Result<(), AppError> {
    crate::api::call_then_redirect("/domains?added=1", |backend, meta| async move {
        backend
            .domains
            .add(&meta, crate::model::domains::AddDomainForm { name, method })
            .await
    })
    .await
}

/// Chooses another validation method (a new value comes with it). Needs `ManageDomains`.
#[server(endpoint = "domains/method")]
pub async fn domain_method(id: i32, method: String) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        backend.domains.change_method(&meta, id, method).await
    })
    .await
}

/// Verify Now, or send the validation e-mail: what happened. Needs `ManageDomains`. Posted
/// as a plain form (the domains page has no script), the browser goes back to the list it
/// came from (`needs=validation` keeps it filtered) and the page shows what happened once.
#[server(endpoint = "domains/verify")]
pub async fn domain_verify(
    id: i32,
    needs: Option<String>,
) -> Result<crate::model::domains::CheckResult, AppError> {
    crate::api::call(|backend, meta| async move {
        let result = backend.domains.verify(&meta, id).await?;
        crate::api::refill::keep_outcome(
            crate::model::domains::DOMAINS_PATH,
            crate::model::domains::CHECK_RESULT_FIELD,
            &result,
        );
        leptos_axum::redirect(&crate::model::domains::domains_page(needs.as_deref()));
        Ok(result)
    })
    .await
}

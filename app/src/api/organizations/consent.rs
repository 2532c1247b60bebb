//! Naming another account's organization: the request to its representative, the
//! organizations shared with the account, and the representative's link (public).

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::organizations::{ConsentLinkView, SharedOrganization},
};

/// Asks the representative at `email` to let this account name their organizations; the page
/// says the same whether or not one exists.
#[server(endpoint = "organizations/consent-request")]
pub async fn organization_consent_request(email: String) -> Result<(), AppError> {
    crate::api::call_then_redirect("/organizations?consent=asked", |backend, meta| async move {
        backend.organizations.request_consent(&meta, email).await
    })
    .await
}

/// The organizations other accounts shared with this one.
#[server(endpoint = "organizations/shared")]
pub async fn organizations_shared() -> Result<Vec<SharedOrganization>, AppError> {
    crate::api::call(|backend, meta| async move { backend.organizations.shared(&meta).await }).await
}

/// What a consent link asks.
#[server(endpoint = "organizations/consent-link")]
pub async fn organization_consent_link(token: String) -> Result<ConsentLinkView, AppError> {
    crate::api::call(|backend, meta| async move {
        backend.organizations.consent_link(&meta, token).await
    })
    .await
}

/// The representative's answer; the link's page then says how it was answered.
#[server(endpoint = "organizations/consent-answer")]
pub async fn organization_consent_answer(token: String, answer: String) -> Result<(), AppError> {
    // Only a token that opened a request reaches the redirect, so it is safe in a path.
    let page = format!("/organizations/consent/{token}");
    crate::api::call_then_redirect(&page, |backend, meta| async move {
        backend
            .organizations
            .answer_consent(&meta, token, answer)
            .await
    })
    .await
}

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::model::OrganizationId;
use crate::{
    error::AppError,
    model::organizations::{OrganizationDetail, OrganizationsPage, OrganizationsQuery},
};

/// The account's organizations matching the search. Needs `RequestCertificates`.
#[server(endpoint = "organizations/list")]
pub async fn organizations_list(query: OrganizationsQuery) -> Result<OrganizationsPage, AppError> {
    crate::api::call(|backend, meta| async move {
        backend.organizations.organizations(&meta, query).await
    })
    .await
}

/// One organization of the account with its representatives and documents. Needs
/// `RequestCertificates`.
#[server(endpoint = "organizations/get")]
pub async fn organization_get(id: i32) -> Result<OrganizationDetail, AppError> {
    crate::api::call(|backend, meta| async move {
        backend
            .organizations
            .organization(&meta, OrganizationId(id))
            .await
    })
    .await
}

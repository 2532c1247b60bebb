use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::model::{ContactId, OrganizationId, organizations::organization_page};
use crate::{error::AppError, model::organization_form::ContactForm};

/// Adds an alternate representative. Needs `ManageOrganizations`.
#[server(endpoint = "organizations/alternate-add")]
pub async fn organization_alternate_add(
    id: i32,
    #[server(flatten)] form: ContactForm,
) -> Result<(), AppError> {
    let id = OrganizationId(id);
    crate::api::call_then_redirect(
        &format!("{}?alternate_added=1", organization_page(id)),
        |backend, meta| async move { backend.organizations.add_alternate(&meta, id, form).await },
    )
    .await
}

/// Removes an alternate representative. Needs `ManageOrganizations`.
#[server(endpoint = "organizations/alternate-remove")]
pub async fn organization_alternate_remove(id: i32, contact: i32) -> Result<(), AppError> {
    let id = OrganizationId(id);
    crate::api::call_then_redirect(
        &format!("{}?alternate_removed=1", organization_page(id)),
        |backend, meta| async move {
            backend
                .organizations
                .remove_alternate(&meta, id, ContactId(contact))
                .await
        },
    )
    .await
}

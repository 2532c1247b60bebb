use leptos::prelude::*;

use crate::{error::AppError, model::products::PrivateCaView};

/// The account's private CAs (its root first). Needs `ManageCas`.
#[server(endpoint = "settings/private-cas")]
pub async fn private_cas() -> Result<Vec<PrivateCaView>, AppError> {
    crate::api::call(|backend, meta| async move { backend.catalog.private_cas(&meta).await }).await
}

/// Creates a private issuing CA named `name` (and the account's private root with the first).
/// Needs `ManageCas`.
#[server(endpoint = "settings/private-cas/create")]
pub async fn private_ca_create(name: String) -> Result<(), AppError> {
    crate::api::call_then_redirect(
        "/settings/private-cas?created=1",
        |backend, meta| async move { backend.catalog.create_private_ca(&meta, name).await },
    )
    .await
}

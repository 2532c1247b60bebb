use leptos::prelude::*;

use crate::{error::AppError, model::products::PrivateCaView};

/// The account's private CAs (its root first). Needs `ManageCas`.
#[server(endpoint = "settings/private-cas")]
pub async fn private_cas() -> Result<Vec<PrivateCaView>, AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.catalog.private_cas(&meta).await
        }
        .await,
    )
}

/// Creates a private issuing CA named `name` (and the account's private root with the first).
/// Needs `ManageCas`.
#[server(endpoint = "settings/private-cas/create")]
pub async fn private_ca_create(name: String) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.catalog.create_private_ca(&meta, name).await?;
            leptos_axum::redirect("/settings/private-cas?created=1");
            Ok(())
        }
        .await,
    )
}

use leptos::prelude::*;

use crate::error::AppError;

/// Revokes a credential of the account; the ACME accounts it bound stop working. Needs
/// `ManageSettings`.
#[server(endpoint = "settings/acme/revoke")]
pub async fn acme_credential_revoke(id: i32) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.acme.revoke_credential(&meta, id).await?;
            leptos_axum::redirect("/settings/acme?revoked=1");
            Ok(())
        }
        .await,
    )
}

use leptos::prelude::*;

use crate::error::AppError;

/// Revokes a credential of the account; the ACME accounts it bound stop working. Needs
/// `ManageSettings`.
#[server(endpoint = "settings/acme/revoke")]
pub async fn acme_credential_revoke(id: i32) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/acme?revoked=1", |backend, meta| async move {
        backend.acme.revoke_credential(&meta, id).await
    })
    .await
}

use leptos::prelude::*;

use crate::{error::AppError, model::acme::AcmeCredentialsPage};

/// The account's ACME credentials (never their keys) and the choices for a new one. Needs
/// `ManageSettings`.
#[server(endpoint = "settings/acme")]
pub async fn acme_credentials() -> Result<AcmeCredentialsPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.acme.credentials(&meta).await }).await
}

use leptos::prelude::*;

use crate::{error::AppError, model::session::ActivationView};

#[server(endpoint = "auth/activation-details")]
pub async fn activation_details(token: String) -> Result<ActivationView, AppError> {
    crate::api::call(|backend, _meta| async move { backend.identity.activation(&token).await })
        .await
}

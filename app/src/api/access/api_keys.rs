use leptos::prelude::*;

use crate::{
    error::AppError,
    model::api_keys::{ApiKeyCreated, ApiKeysPage},
};

/// The account's REST API access keys. Needs `ManageSettings`.
#[server(endpoint = "settings/rest-api")]
pub async fn api_keys() -> Result<ApiKeysPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.access.api_keys(&meta).await }).await
}

/// Makes a key acting as `user_id`; the answer is the only time the whole key is shown.
/// Needs `ManageSettings`.
#[server(endpoint = "settings/rest-api/create")]
pub async fn api_key_create(user_id: i32, description: String) -> Result<ApiKeyCreated, AppError> {
    crate::api::call(|backend, meta| async move {
        let form = crate::model::api_keys::ApiKeyForm {
            user_id,
            description,
        };
        backend.access.create_api_key(&meta, form).await
    })
    .await
}

/// Revokes a key: requests with it are refused from then on. Needs `ManageSettings`.
#[server(endpoint = "settings/rest-api/revoke")]
pub async fn api_key_revoke(id: i32) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/rest-api?revoked=1", |backend, meta| async move {
        backend.access.revoke_api_key(&meta, id).await
    })
    .await
}

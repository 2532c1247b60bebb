use leptos::prelude::*;

use crate::error::AppError;

/// The organization an authentication code's link is for, while the link works. Public: the
/// link's token is the key.
#[server(endpoint = "organizations/code-link")]
pub async fn organization_code_link(token: String) -> Result<String, AppError> {
    crate::api::call(|backend, meta| async move { backend.vetting.code_link(&meta, token).await })
        .await
}

/// The representative enters the code the validation team sent; the browser comes back to the
/// link's page, which says it is done. Public: the link's token is the key.
#[server(endpoint = "organizations/verify-code")]
pub async fn organization_verify_code(token: String, code: String) -> Result<(), AppError> {
    let page = format!("/organizations/verify/{token}?done=1");
    crate::api::call_then_redirect(&page, |backend, meta| async move {
        backend.vetting.enter_code(&meta, token, code).await
    })
    .await
}

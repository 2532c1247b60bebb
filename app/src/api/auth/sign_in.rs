use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "auth/sign-in")]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            let cookie = backend.identity.sign_in(&meta, &email, &password).await?;
            crate::api::set_cookie(cookie)?;
            leptos_axum::redirect("/");
            Ok(())
        }
        .await,
    )
}

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "auth/sign-in")]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            let signed_in = backend.identity.sign_in(&meta, &email, &password).await?;
            let next = signed_in.next_page();
            crate::api::set_cookie(signed_in.cookie)?;
            leptos_axum::redirect(next);
            Ok(())
        }
        .await,
    )
}

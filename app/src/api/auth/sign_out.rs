use leptos::prelude::*;

use crate::error::AppError;

pub const SIGNED_OUT_PATH: &str = "/sign-in?signed_out=1";

#[server(endpoint = "auth/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let cookie = backend.identity.sign_out(&meta).await?;
        crate::api::set_cookie(cookie)?;
        leptos_axum::redirect(SIGNED_OUT_PATH);
        Ok(())
    })
    .await
}

use leptos::prelude::*;

use crate::error::AppError;

pub const ACTIVATED_PATH: &str = "/sign-in?activated=1";

#[server(endpoint = "auth/activate")]
pub async fn activate(
    token: String,
    password: String,
    password_confirmation: String,
) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend
                .identity
                .activate(&meta, &token, &password, &password_confirmation)
                .await?;
            leptos_axum::redirect(ACTIVATED_PATH);
            Ok(())
        }
        .await,
    )
}

use leptos::prelude::*;

use crate::error::AppError;

pub const ACTIVATED_PATH: &str = "/sign-in?activated=1";

#[server(endpoint = "auth/activate")]
pub async fn activate(
    token: String,
    password: String,
    password_confirmation: String,
) -> Result<(), AppError> {
    crate::api::call_then_redirect(ACTIVATED_PATH, |backend, meta| async move {
        backend
            .identity
            .activate(&meta, &token, &password, &password_confirmation)
            .await
    })
    .await
}

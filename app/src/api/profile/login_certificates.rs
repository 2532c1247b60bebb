use leptos::prelude::*;

use crate::{error::AppError, model::login_certificates::LoginCertificateView};

/// The certificates the signed-in user signs in with. Any signed-in user, for themselves.
#[server(endpoint = "profile/login-certificates")]
pub async fn login_certificates() -> Result<Vec<LoginCertificateView>, AppError> {
    crate::api::call(
        |backend, meta| async move { backend.identity.login_certificates(&meta).await },
    )
    .await
}

use leptos::prelude::*;

use crate::error::AppError;

/// Provides (or corrects, before it is verified) the certificate's address and mails the
/// verification link to it. Needs `RequestCertificates`.
#[server(endpoint = "smime/email")]
pub async fn smime_email(id: i32, email: String) -> Result<String, AppError> {
    crate::api::call(
        |backend, meta| async move { backend.smime.provide_email(&meta, id, email).await },
    )
    .await
}

/// Sends a new verification link (the previous one stops working). Needs `RequestCertificates`.
#[server(endpoint = "smime/resend")]
pub async fn smime_resend(id: i32) -> Result<String, AppError> {
    crate::api::call(|backend, meta| async move { backend.smime.resend(&meta, id).await }).await
}

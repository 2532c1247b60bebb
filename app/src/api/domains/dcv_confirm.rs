use leptos::prelude::*;

use crate::error::AppError;

/// The e-mailed validation link's button: confirms control of the domain (public; the
/// 128-bit value from the e-mail is the proof).
#[server(endpoint = "dcv/confirm")]
pub async fn dcv_confirm(domain: i32, value: String) -> Result<String, AppError> {
    crate::api::call(
        |backend, _meta| async move { backend.domains.confirm_email(domain, value).await },
    )
    .await
}

use leptos::prelude::*;

use crate::error::AppError;

/// The mailed link's button: confirms control of the mailbox (public; the 256-bit value from
/// the e-mail is the proof). The verified address.
#[server(endpoint = "smime/verify")]
pub async fn smime_verify(value: String) -> Result<String, AppError> {
    crate::api::call(|backend, _meta| async move { backend.smime.verify(value).await }).await
}

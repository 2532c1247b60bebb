use leptos::prelude::*;

use crate::{error::AppError, model::smime::SmimeOrderForm};

/// Places an S/MIME order (paid now, or sent for approval); the order's id.
/// Needs `RequestCertificates`.
#[server(endpoint = "smime/place")]
pub async fn smime_place(form: SmimeOrderForm) -> Result<i32, AppError> {
    crate::api::call(|backend, meta| async move { backend.smime.place(&meta, form).await }).await
}

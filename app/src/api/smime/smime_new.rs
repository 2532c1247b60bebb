use leptos::prelude::*;

use crate::{error::AppError, model::smime::SmimeNewData};

/// What the "New S/MIME order" page offers. Needs `RequestCertificates`.
#[server(endpoint = "smime/new")]
pub async fn smime_new() -> Result<SmimeNewData, AppError> {
    crate::api::call(|backend, meta| async move { backend.smime.new_data(&meta).await }).await
}

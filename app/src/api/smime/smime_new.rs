use leptos::prelude::*;

use crate::{error::AppError, model::smime::SmimeNewData};

/// What the "New S/MIME order" page offers. Needs `RequestCertificates`.
#[server(endpoint = "smime/new")]
pub async fn smime_new() -> Result<SmimeNewData, AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.smime.new_data(&meta).await
        }
        .await,
    )
}

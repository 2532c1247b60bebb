use leptos::prelude::*;

use crate::{error::AppError, model::smime::ActivationForm};

/// Activates the certificate: the CSR (pasted, or made in the browser) and the marked
/// statements; issues it. Needs `RequestCertificates`.
#[server(endpoint = "smime/activate")]
pub async fn smime_activate(id: i32, form: ActivationForm) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.smime.activate(&meta, id, form).await
        }
        .await,
    )
}

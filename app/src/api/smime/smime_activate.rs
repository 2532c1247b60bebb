use leptos::prelude::*;

use crate::{error::AppError, model::smime::ActivationForm};

/// Activates the certificate: the CSR (pasted, or made in the browser) and the marked
/// statements; issues it. Needs `RequestCertificates`.
#[server(endpoint = "smime/activate")]
pub async fn smime_activate(id: i32, form: ActivationForm) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move { backend.smime.activate(&meta, id, form).await })
        .await
}

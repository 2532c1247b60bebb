use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use crate::error::AppError;

/// One post of the new-request wizard from a browser without JavaScript: the whole form (a
/// CSR file included, hence multipart), the step it was on and the button pressed. The
/// browser is sent on to the next step (`/orders/new?form=…`), back to the step with its
/// errors, or to the order it placed. Needs `RequestCertificates`.
#[server(endpoint = "orders/wizard-step", input = MultipartFormData)]
pub async fn order_wizard_step(data: MultipartData) -> Result<(), AppError> {
    let fields = crate::api::multipart::read_fields(data).await?;
    let post = crate::model::order_form_post::WizardPost::from_fields(fields)
        .map_err(AppError::Validation)?;
    crate::api::call(|backend, meta| async move {
        let next = backend.orders.wizard_step(&meta, post).await?;
        leptos_axum::redirect(&next);
        Ok(())
    })
    .await
}

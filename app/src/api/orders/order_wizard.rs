use leptos::prelude::*;

use crate::{error::AppError, model::orders::WizardData};

/// What the new-request wizard offers the caller. Needs `RequestCertificates`.
#[server(endpoint = "orders/wizard")]
pub async fn order_wizard() -> Result<WizardData, AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.orders.wizard(&meta).await
        }
        .await,
    )
}

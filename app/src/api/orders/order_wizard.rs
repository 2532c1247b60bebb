use leptos::prelude::*;

use crate::{error::AppError, model::orders::WizardData};

/// What the new-request wizard offers the caller. Needs `RequestCertificates`.
#[server(endpoint = "orders/wizard")]
pub async fn order_wizard() -> Result<WizardData, AppError> {
    crate::api::call(|backend, meta| async move { backend.orders.wizard(&meta).await }).await
}

use leptos::prelude::*;

use crate::error::AppError;

/// Deactivates (`active` = `no`) or reactivates (`yes`) a public product. Operator users only.
#[server(endpoint = "operator/products/active")]
pub async fn public_product_active(id: i32, active: String) -> Result<(), AppError> {
    crate::api::call_then_redirect("/operator/products?saved=1", |backend, meta| async move {
        backend
            .catalog
            .set_public_product_active(&meta, id, active == "yes")
            .await
    })
    .await
}

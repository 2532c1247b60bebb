use leptos::prelude::*;

use crate::error::AppError;

/// Deactivates (`active` = `no`) or reactivates (`yes`) a private product. Needs
/// `ManageProducts`.
#[server(endpoint = "settings/products/active")]
pub async fn private_product_active(id: i32, active: String) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/products?saved=1", |backend, meta| async move {
        backend
            .catalog
            .set_private_product_active(&meta, id, active == "yes")
            .await
    })
    .await
}

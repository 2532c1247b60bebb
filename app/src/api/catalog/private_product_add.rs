use leptos::prelude::*;

use crate::{error::AppError, model::products::PrivateProductForm};

/// Adds a private product on one of the account's private CAs. Needs `ManageProducts`.
/// `modes` and `values` follow `Field::ALL` (sent as `modes[0]`, `values[0]`, …).
#[server(endpoint = "settings/products/add")]
pub async fn private_product_add(
    #[server(flatten)] form: PrivateProductForm,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/products?saved=1", |backend, meta| async move {
        backend.catalog.add_private_product(&meta, form).await
    })
    .await
}

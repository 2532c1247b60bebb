use leptos::prelude::*;

use crate::{error::AppError, model::products::PublicProductForm};

/// Adds a public DV product. Operator users only.
#[server(endpoint = "operator/products/add")]
pub async fn public_product_add(
    #[server(flatten)] form: PublicProductForm,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/operator/products?saved=1", |backend, meta| async move {
        backend.catalog.add_public_product(&meta, form).await
    })
    .await
}

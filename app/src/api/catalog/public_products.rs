use leptos::prelude::*;

use crate::{error::AppError, model::products::PublicProductsPage};

/// Every public product with its prices. Operator users only.
#[server(endpoint = "operator/products")]
pub async fn public_products() -> Result<PublicProductsPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.catalog.public_products(&meta).await })
        .await
}

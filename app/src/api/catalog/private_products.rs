use leptos::prelude::*;

use crate::{error::AppError, model::products::PrivateProductsPage};

/// The account's private products and the private CAs they may use. Needs `ManageProducts`.
#[server(endpoint = "settings/products")]
pub async fn private_products() -> Result<PrivateProductsPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.catalog.private_products(&meta).await })
        .await
}

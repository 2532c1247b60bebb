use leptos::prelude::*;

use crate::{error::AppError, model::products::PublicProductsPage};

/// Every public product with its prices. Operator users only.
#[server(endpoint = "operator/products")]
pub async fn public_products() -> Result<PublicProductsPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.catalog.public_products(&meta).await })
        .await
}

/// Adds a public DV product. Operator users only.
#[server(endpoint = "operator/products/add")]
pub async fn public_product_add(
    kind: String,
    name: String,
    validity_days: String,
    #[server(default)] included_domains: String,
    #[server(default)] max_domains: String,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/operator/products?saved=1", |backend, meta| async move {
        let form = crate::model::products::PublicProductForm {
            kind,
            name,
            validity_days,
            included_domains,
            max_domains,
        };
        backend.catalog.add_public_product(&meta, form).await
    })
    .await
}

/// Changes a public product (its kind stays). Operator users only.
#[server(endpoint = "operator/products/update")]
pub async fn public_product_update(
    id: i32,
    name: String,
    validity_days: String,
    #[server(default)] included_domains: String,
    #[server(default)] max_domains: String,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/operator/products?saved=1", |backend, meta| async move {
        let form = crate::model::products::PublicProductForm {
            kind: String::new(),
            name,
            validity_days,
            included_domains,
            max_domains,
        };
        backend.catalog.update_public_product(&meta, id, form).await
    })
    .await
}

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

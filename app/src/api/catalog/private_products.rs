// A server function takes the form's fields as arguments, and the macro's browser-side twin
// cannot carry an attribute of its own.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::{error::AppError, model::products::PrivateProductsPage};

/// The account's private products and the private CAs they may use. Needs `ManageProducts`.
#[server(endpoint = "settings/products")]
pub async fn private_products() -> Result<PrivateProductsPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.catalog.private_products(&meta).await })
        .await
}

/// `modes` and `values` follow `Field::ALL` (sent as `modes[0]`, `values[0]`, …).
#[cfg(feature = "ssr")]
fn form(
    name: String,
    ca: String,
    validity_days: String,
    template: String,
    modes: Vec<String>,
    values: Vec<String>,
    auto_approve: Option<String>,
    checklist: String,
) -> crate::model::products::PrivateProductForm {
    crate::model::products::PrivateProductForm {
        name,
        ca,
        validity_days,
        template,
        modes,
        values,
        auto_approve: auto_approve.is_some(),
        checklist,
    }
}

/// Adds a private product on one of the account's private CAs. Needs `ManageProducts`.
#[server(endpoint = "settings/products/add")]
pub async fn private_product_add(
    name: String,
    ca: String,
    validity_days: String,
    template: String,
    #[server(default)] modes: Vec<String>,
    #[server(default)] values: Vec<String>,
    #[server(default)] auto_approve: Option<String>,
    #[server(default)] checklist: String,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/products?saved=1", |backend, meta| async move {
        let form = form(
            name,
            ca,
            validity_days,
            template,
            modes,
            values,
            auto_approve,
            checklist,
        );
        backend.catalog.add_private_product(&meta, form).await
    })
    .await
}

/// Changes a private product of the account. Needs `ManageProducts`.
#[server(endpoint = "settings/products/update")]
pub async fn private_product_update(
    id: i32,
    name: String,
    ca: String,
    validity_days: String,
    template: String,
    #[server(default)] modes: Vec<String>,
    #[server(default)] values: Vec<String>,
    #[server(default)] auto_approve: Option<String>,
    #[server(default)] checklist: String,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/products?saved=1", |backend, meta| async move {
        let form = form(
            name,
            ca,
            validity_days,
            template,
            modes,
            values,
            auto_approve,
            checklist,
        );
        backend
            .catalog
            .update_private_product(&meta, id, form)
            .await
    })
    .await
}

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

use leptos::prelude::*;

use crate::{error::AppError, model::products::PublicProductForm};

/// Changes a public product (its kind stays, whatever the post says). Operator users only.
#[server(endpoint = "operator/products/update")]
pub async fn public_product_update(
    id: i32,
    #[server(flatten)] form: PublicProductForm,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/operator/products?saved=1", |backend, meta| async move {
        let form = PublicProductForm {
            kind: String::new(),
            ..form
        };
        backend.catalog.update_public_product(&meta, id, form).await
    })
    .await
}

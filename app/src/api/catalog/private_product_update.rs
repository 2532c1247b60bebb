use leptos::prelude::*;

use crate::{error::AppError, model::products::PrivateProductForm};

/// Changes a private product of the account. Needs `ManageProducts`.
#[server(endpoint = "settings/products/update")]
pub async fn private_product_update(
    id: i32,
    #[server(flatten)] form: PrivateProductForm,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/products?saved=1", |backend, meta| async move {
        backend
            .catalog
            .update_private_product(&meta, id, form)
            .await
    })
    .await
}

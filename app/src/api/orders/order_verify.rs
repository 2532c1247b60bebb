//! *Verify now* on a domain of an order, from the order page.

use leptos::prelude::*;

use crate::error::AppError;

/// Checks one domain of the order now (or sends its validation e-mail again) and goes back
/// to the order, which issues when that was its last step. A domain whose record or file is
/// not there yet is an error that says what was found.
#[server(endpoint = "orders/verify")]
pub async fn order_verify(id: i32, domain: i32) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let check = backend.orders.verify_domain(&meta, id, domain).await?;
        leptos_axum::redirect(&check.done().order_page(id));
        Ok(())
    })
    .await
}

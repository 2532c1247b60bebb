use leptos::prelude::*;

use crate::error::AppError;

/// "Renew early (ARI)" on an ACME order's page: ACME clients that ask for renewal information
/// renew its certificate at once. Needs `ApproveOrders`; another account's order is not found.
#[server(endpoint = "orders/renew-early")]
pub async fn order_renew_early(id: i32) -> Result<(), AppError> {
    crate::api::call_then_redirect(
        &format!("/orders/{id}?renew_early=1"),
        |backend, meta| async move { backend.acme.renew_early(&meta, id).await },
    )
    .await
}

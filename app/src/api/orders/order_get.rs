use leptos::prelude::*;

use crate::{error::AppError, model::orders::OrderView};

/// One order of the caller's account, if the caller may see it.
#[server(endpoint = "orders/get")]
pub async fn order_get(id: i32) -> Result<OrderView, AppError> {
    crate::api::call(|backend, meta| async move { backend.orders.order(&meta, id).await }).await
}

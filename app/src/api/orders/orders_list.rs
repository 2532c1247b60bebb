use leptos::prelude::*;

use crate::{
    error::AppError,
    model::orders::{OrdersPage, OrdersQuery},
};

/// One page of the orders the caller may see, searched.
#[server(endpoint = "orders/list")]
pub async fn orders_list(query: OrdersQuery) -> Result<OrdersPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.orders.orders(&meta, query).await }).await
}

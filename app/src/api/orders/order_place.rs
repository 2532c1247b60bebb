use leptos::prelude::*;

use crate::{
    error::AppError,
    model::orders::{OrderForm, PlacedOrder},
};

/// Places the wizard's order: paid now, sent for approval, or saved as a draft.
/// Needs `RequestCertificates`.
#[server(endpoint = "orders/place")]
pub async fn order_place(form: OrderForm) -> Result<PlacedOrder, AppError> {
    crate::api::call(|backend, meta| async move { backend.orders.place(&meta, form).await }).await
}

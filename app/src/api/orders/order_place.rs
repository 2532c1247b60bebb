use leptos::prelude::*;

use crate::{
    error::AppError,
    model::orders::{OrderForm, PlacedOrder},
};

/// Places the wizard's order: paid now, sent for approval, or saved as a draft.
/// Needs `RequestCertificates`. The form travels as JSON: it is the script's wizard that
/// sends it (the key is made in the browser, so the wizard needs script anyway).
#[server(endpoint = "orders/place", input = server_fn::codec::Json)]
pub async fn order_place(form: OrderForm) -> Result<PlacedOrder, AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.orders.place(&meta, form).await
        }
        .await,
    )
}

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::{
        order_form_post::FormToken,
        orders::{OrderForm, PlacedOrder},
    },
};

/// Places the wizard's order: paid now, sent for approval, or saved as a draft. The page's
/// one-use `token` makes a second post (a double click, a retry) find the first order instead
/// of placing and charging again. Needs `RequestCertificates`.
#[server(endpoint = "orders/place")]
pub async fn order_place(
    form: OrderForm,
    #[server(default)] token: Option<FormToken>,
) -> Result<PlacedOrder, AppError> {
    crate::api::call(|backend, meta| async move { backend.orders.place(&meta, form, token).await })
        .await
}

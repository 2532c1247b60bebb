use leptos::prelude::*;

use crate::{error::AppError, model::attention::Attention};

/// What needs the signed-in user's attention, for the Overview.
#[server(endpoint = "overview/attention")]
pub async fn attention_counts() -> Result<Attention, AppError> {
    crate::api::call(|backend, meta| async move { backend.orders.attention(&meta).await }).await
}

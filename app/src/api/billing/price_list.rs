use leptos::prelude::*;

use crate::{
    error::AppError,
    model::price_list::{PriceListQuery, PriceListRow},
};

/// The account's price list with the page's filters. Needs `ViewFinance`.
#[server(endpoint = "billing/price-list")]
pub async fn price_list(query: PriceListQuery) -> Result<Vec<PriceListRow>, AppError> {
    crate::api::call(|backend, meta| async move { backend.catalog.price_list(&meta, query).await })
        .await
}

use leptos::prelude::*;

use crate::{error::AppError, model::products::Offer};

/// What the caller's account may order, priced in `currency` (`USD` or `INR`): the order
/// wizard's product step. Needs `RequestCertificates`.
#[server(endpoint = "catalog/offers")]
pub async fn offers(currency: String) -> Result<Vec<Offer>, AppError> {
    crate::api::call(|backend, meta| async move { backend.catalog.offers(&meta, currency).await })
        .await
}

use leptos::prelude::*;

use crate::error::AppError;

/// Sets a public product's price for a currency and one of its validities. Operator users only.
#[server(endpoint = "operator/products/price")]
pub async fn public_price_set(
    product_id: i32,
    currency: String,
    validity_days: String,
    base: String,
    #[server(default)] per_extra_domain: String,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/operator/products?saved=1", |backend, meta| async move {
        let form = crate::model::products::PriceForm {
            currency,
            validity_days,
            base,
            per_extra_domain,
        };
        backend
            .catalog
            .set_public_price(&meta, product_id, form)
            .await
    })
    .await
}

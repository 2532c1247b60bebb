use leptos::prelude::*;

use crate::{
    error::AppError,
    model::gst_states::{TaxDetails, TaxDetailsForm},
};

/// The account's GSTIN and state. Needs `ViewFinance`.
#[server(endpoint = "billing/tax-details")]
pub async fn billing_tax_details() -> Result<TaxDetails, AppError> {
    crate::api::call(|backend, meta| async move { backend.billing.tax_details(&meta).await }).await
}

/// Records the account's GSTIN (optional) and state. Needs `AllocateCredits`.
#[server(endpoint = "billing/tax-details-set")]
pub async fn billing_tax_details_set(
    #[server(flatten)] form: TaxDetailsForm,
) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        backend.billing.set_tax_details(&meta, form).await?;
        leptos_axum::redirect("/billing?tax=1");
        Ok(())
    })
    .await
}

use leptos::prelude::*;

use crate::{error::AppError, model::billing::BillingPage};

/// The account balance, each group's, and a page of the statement. Needs `ViewFinance`.
#[server(endpoint = "billing/overview")]
pub async fn billing_overview(page: Option<u64>) -> Result<BillingPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.billing.billing_page(&meta, page).await })
        .await
}

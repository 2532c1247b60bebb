use leptos::prelude::*;

use crate::{error::AppError, model::billing::AccountCredits};

/// A customer account's balance and statement. Operator users only.
#[server(endpoint = "operator/credits")]
pub async fn operator_account_credits(
    account_id: i32,
    page: Option<u64>,
) -> Result<AccountCredits, AppError> {
    crate::api::call(|backend, meta| async move {
        backend
            .billing
            .account_credits(&meta, account_id, page)
            .await
    })
    .await
}

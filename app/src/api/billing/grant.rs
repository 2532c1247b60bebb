use leptos::prelude::*;

use crate::error::AppError;

/// Grants credits to a customer account, with remarks. Operator users only.
#[server(endpoint = "operator/credits/grant")]
pub async fn grant_credits(
    account_id: i32,
    amount: String,
    remarks: String,
) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        backend
            .billing
            .grant_credits(
                &meta,
                account_id,
                crate::model::billing::CreditForm { amount, remarks },
            )
            .await?;
        leptos_axum::redirect(&format!(
            "/operator/accounts/{account_id}/credits?granted=1"
        ));
        Ok(())
    })
    .await
}

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::payments::{BankDetailsForm, WithdrawPage, WithdrawalForm},
};

/// The withdraw page. Needs `ViewFinance`.
#[server(endpoint = "billing/withdraw-page")]
pub async fn withdraw_data() -> Result<WithdrawPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.payments.withdraw_page(&meta).await })
        .await
}

/// Puts the account's bank details on file. Needs `AllocateCredits`.
#[server(endpoint = "billing/bank-details")]
pub async fn save_bank_details(#[server(flatten)] form: BankDetailsForm) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        backend.payments.save_bank_details(&meta, form).await?;
        leptos_axum::redirect("/billing/withdraw?bank=1");
        Ok(())
    })
    .await
}

/// Requests a withdrawal; the amount is held at once. Needs `AllocateCredits`.
#[server(endpoint = "billing/withdraw")]
pub async fn request_withdrawal(#[server(flatten)] form: WithdrawalForm) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        backend.payments.request_withdrawal(&meta, form).await?;
        leptos_axum::redirect("/billing/withdraw?requested=1");
        Ok(())
    })
    .await
}

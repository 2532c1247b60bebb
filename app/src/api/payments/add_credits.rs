use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::model::payments::PaymentId;
use crate::{
    error::AppError,
    model::payments::{AddCreditsPage, OnlinePaymentForm},
};

/// The add-credits page, showing `payment` when it is the account's. Needs `ViewFinance`.
#[server(endpoint = "billing/add-credits")]
pub async fn add_credits_data(payment: Option<i32>) -> Result<AddCreditsPage, AppError> {
    crate::api::call(|backend, meta| async move {
        backend
            .payments
            .add_credits_page(&meta, payment.map(PaymentId))
            .await
    })
    .await
}

/// Starts an online payment and sends the browser to the provider. Needs `AllocateCredits`.
#[server(endpoint = "billing/pay")]
pub async fn pay_online(#[server(flatten)] form: OnlinePaymentForm) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let (_, to) = backend.payments.start_online_payment(&meta, form).await?;
        leptos_axum::redirect(&to);
        Ok(())
    })
    .await
}

/// Asks the provider about a payment and credits what it reports paid. Needs `ViewFinance`.
#[server(endpoint = "billing/recheck")]
pub async fn recheck_payment(payment: i32) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        backend
            .payments
            .recheck_payment(&meta, PaymentId(payment))
            .await?;
        leptos_axum::redirect(&format!(
            "/billing/add-credits?payment={payment}&rechecked=1"
        ));
        Ok(())
    })
    .await
}

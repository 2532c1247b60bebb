use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::model::payments::{Decision, PaymentId, WithdrawalId};
use crate::{error::AppError, model::payments::PaymentsQueue};

#[cfg(feature = "ssr")]
fn parse_decision(raw: &str) -> Result<Decision, AppError> {
    Decision::parse(raw).ok_or_else(|| {
        AppError::Validation(crate::model::FieldErrors::single(
            "decision",
            crate::i18n::Msg::new("err-payment-decision"),
        ))
    })
}

/// The operator's finance queue. Operator users only.
#[server(endpoint = "operator/payments")]
pub async fn payments_queue_data() -> Result<PaymentsQueue, AppError> {
    crate::api::call(|backend, meta| async move { backend.payments.payments_queue(&meta).await })
        .await
}

/// Approves (credits) or rejects a bank transfer. Operator users only.
#[server(endpoint = "operator/payments/decide")]
pub async fn decide_payment(
    payment: i32,
    decision: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let d = parse_decision(&decision)?;
        backend
            .payments
            .decide_payment(&meta, PaymentId(payment), d, reason)
            .await?;
        leptos_axum::redirect("/operator/payments?decided=1");
        Ok(())
    })
    .await
}

/// Pays out or rejects (releases) a withdrawal. Operator users only.
#[server(endpoint = "operator/withdrawals/decide")]
pub async fn decide_withdrawal(
    withdrawal: i32,
    decision: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let d = parse_decision(&decision)?;
        backend
            .payments
            .decide_withdrawal(&meta, WithdrawalId(withdrawal), d, reason)
            .await?;
        leptos_axum::redirect("/operator/payments?decided=1");
        Ok(())
    })
    .await
}

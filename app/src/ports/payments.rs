//! Money in and out of an account's balance (FIN-1).

use async_trait::async_trait;

use crate::{
    error::AppError,
    model::payments::{
        AddCreditsPage, BankDetailsForm, Decision, OfflinePaymentForm, OnlinePaymentForm,
        PaymentId, PaymentStatus, PaymentsQueue, WithdrawPage, WithdrawalForm, WithdrawalId,
    },
    ports::{PostedFile, request::RequestMeta},
};

/// Payments, bank details and withdrawals. Every call checks the caller's permission (seeing
/// needs `ViewFinance`, moving money `AllocateCredits`) or operator status.
#[async_trait]
pub trait PaymentsApi: Send + Sync {
    /// The add-credits page, showing `payment` when it is the account's.
    async fn add_credits_page(
        &self,
        meta: &RequestMeta,
        payment: Option<PaymentId>,
    ) -> Result<AddCreditsPage, AppError>;
    /// Starts an online payment; answers the payment and the provider's page to go to.
    async fn start_online_payment(
        &self,
        meta: &RequestMeta,
        form: OnlinePaymentForm,
    ) -> Result<(PaymentId, String), AppError>;
    /// Asks the provider about a payment and credits what it reports paid.
    async fn recheck_payment(
        &self,
        meta: &RequestMeta,
        payment: PaymentId,
    ) -> Result<PaymentStatus, AppError>;
    /// Records a bank transfer for the operator to approve.
    async fn record_offline_payment(
        &self,
        meta: &RequestMeta,
        form: OfflinePaymentForm,
        proof: PostedFile,
    ) -> Result<PaymentId, AppError>;
    async fn withdraw_page(&self, meta: &RequestMeta) -> Result<WithdrawPage, AppError>;
    async fn save_bank_details(
        &self,
        meta: &RequestMeta,
        form: BankDetailsForm,
    ) -> Result<(), AppError>;
    /// Requests a withdrawal; the amount is held at once.
    async fn request_withdrawal(
        &self,
        meta: &RequestMeta,
        form: WithdrawalForm,
    ) -> Result<WithdrawalId, AppError>;
    /// Operator users only.
    async fn payments_queue(&self, meta: &RequestMeta) -> Result<PaymentsQueue, AppError>;
    /// Operator users only; a rejection needs a reason.
    async fn decide_payment(
        &self,
        meta: &RequestMeta,
        payment: PaymentId,
        decision: Decision,
        reason: String,
    ) -> Result<(), AppError>;
    /// Operator users only; a rejection needs a reason.
    async fn decide_withdrawal(
        &self,
        meta: &RequestMeta,
        withdrawal: WithdrawalId,
        decision: Decision,
        reason: String,
    ) -> Result<(), AppError>;
}

//! `PaymentsApi` for the portal: resolves the caller and calls the payment service, which
//! checks the permission and the account.

use std::sync::Arc;

use app::{
    error::AppError,
    i18n::Msg,
    model::payments::{
        AddCreditsPage, BankDetailsForm, Decision, OfflinePaymentForm, OnlinePaymentForm,
        PaymentId, PaymentStatus, PaymentsQueue, WithdrawPage, WithdrawalForm, WithdrawalId,
    },
    ports::{PaymentsApi, PostedFile, RequestMeta},
};
use async_trait::async_trait;

use super::{caller, incident};
use crate::services::{
    identity::IdentityService,
    payments::{PaymentError, PaymentService, ProofUpload},
};

pub struct PaymentsPortal {
    pub identity: Arc<IdentityService>,
    pub payments: Arc<PaymentService>,
}

impl From<PaymentError> for AppError {
    fn from(e: PaymentError) -> Self {
        match e {
            PaymentError::Forbidden(_) | PaymentError::OperatorOnly => AppError::Forbidden,
            PaymentError::NotFound => AppError::NotFound,
            PaymentError::Invalid(errors) => AppError::Validation(errors),
            PaymentError::Refused(why) => AppError::Conflict(why),
            PaymentError::NotConfigured => {
                AppError::Conflict(Msg::new("err-payment-online-not-configured"))
            }
            // The provider is down or said no: the customer can try again or recheck later.
            PaymentError::Gateway(e) => {
                tracing::warn!(error = %e, "payment provider");
                AppError::Conflict(Msg::new("err-payment-provider-unavailable"))
            }
            PaymentError::Billing(b) => AppError::from(b),
            other @ (PaymentError::Webhook(_) | PaymentError::Store(_)) => incident(&other),
        }
    }
}

fn ip(meta: &RequestMeta) -> Option<String> {
    Some(meta.ip.to_string())
}

#[async_trait]
impl PaymentsApi for PaymentsPortal {
    async fn add_credits_page(
        &self,
        meta: &RequestMeta,
        payment: Option<PaymentId>,
    ) -> Result<AddCreditsPage, AppError> {
        let caller = caller(&self.identity, meta).await?;
        Ok(self.payments.add_credits_page(&caller, payment).await?)
    }

    async fn start_online_payment(
        &self,
        meta: &RequestMeta,
        form: OnlinePaymentForm,
    ) -> Result<(PaymentId, String), AppError> {
        let caller = caller(&self.identity, meta).await?;
        Ok(self
            .payments
            .start_online_payment(&caller, &form, ip(meta))
            .await?)
    }

    async fn recheck_payment(
        &self,
        meta: &RequestMeta,
        payment: PaymentId,
    ) -> Result<PaymentStatus, AppError> {
        let caller = caller(&self.identity, meta).await?;
        Ok(self.payments.recheck_payment(&caller, payment).await?)
    }

    async fn record_offline_payment(
        &self,
        meta: &RequestMeta,
        form: OfflinePaymentForm,
        proof: PostedFile,
    ) -> Result<PaymentId, AppError> {
        let caller = caller(&self.identity, meta).await?;
        let proof = ProofUpload {
            file_name: proof.file_name,
            bytes: proof.bytes,
        };
        Ok(self
            .payments
            .record_offline_payment(&caller, &form, proof, ip(meta))
            .await?)
    }

    async fn withdraw_page(&self, meta: &RequestMeta) -> Result<WithdrawPage, AppError> {
        let caller = caller(&self.identity, meta).await?;
        Ok(self.payments.withdraw_page(&caller).await?)
    }

    async fn save_bank_details(
        &self,
        meta: &RequestMeta,
        form: BankDetailsForm,
    ) -> Result<(), AppError> {
        let caller = caller(&self.identity, meta).await?;
        Ok(self
            .payments
            .save_bank_details(&caller, &form, ip(meta))
            .await?)
    }

    async fn request_withdrawal(
        &self,
        meta: &RequestMeta,
        form: WithdrawalForm,
    ) -> Result<WithdrawalId, AppError> {
        let caller = caller(&self.identity, meta).await?;
        Ok(self
            .payments
            .request_withdrawal(&caller, &form, ip(meta))
            .await?)
    }

    async fn payments_queue(&self, meta: &RequestMeta) -> Result<PaymentsQueue, AppError> {
        let operator = caller(&self.identity, meta).await?;
        Ok(self.payments.payments_queue(&operator).await?)
    }

    async fn decide_payment(
        &self,
        meta: &RequestMeta,
        payment: PaymentId,
        decision: Decision,
        reason: String,
    ) -> Result<(), AppError> {
        let operator = caller(&self.identity, meta).await?;
        Ok(self
            .payments
            .decide_payment(&operator, payment, decision, &reason, ip(meta))
            .await?)
    }

    async fn decide_withdrawal(
        &self,
        meta: &RequestMeta,
        withdrawal: WithdrawalId,
        decision: Decision,
        reason: String,
    ) -> Result<(), AppError> {
        let operator = caller(&self.identity, meta).await?;
        Ok(self
            .payments
            .decide_withdrawal(&operator, withdrawal, decision, &reason, ip(meta))
            .await?)
    }
}

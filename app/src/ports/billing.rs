//! Credits and balances.

use async_trait::async_trait;

use crate::{error::AppError, ports::request::RequestMeta};

/// Credits and balances (FIN-2): the billing page, a group's finances and allocations, and
/// the operator's grants. Every call checks the caller's permission (or operator status).
#[async_trait]
pub trait BillingApi: Send + Sync {
    /// Needs `ViewFinance`.
    async fn billing_page(
        &self,
        meta: &RequestMeta,
        page: Option<u64>,
    ) -> Result<crate::model::billing::BillingPage, AppError>;
    /// A group of the caller's account. Needs `ViewFinance`.
    async fn group_finance(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        page: Option<u64>,
    ) -> Result<crate::model::billing::GroupFinance, AppError>;
    /// Moves credits between the account balance and a group. Needs `AllocateCredits`.
    async fn allocate(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        direction: crate::model::billing::Allocation,
        form: crate::model::billing::CreditForm,
    ) -> Result<(), AppError>;
    /// The account's GST details. Needs `ViewFinance`.
    async fn tax_details(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::gst_states::TaxDetails, AppError>;
    /// Records the account's GSTIN and state. Needs `AllocateCredits`.
    async fn set_tax_details(
        &self,
        meta: &RequestMeta,
        form: crate::model::gst_states::TaxDetailsForm,
    ) -> Result<(), AppError>;
    /// A customer account's credits. Operator users only.
    async fn account_credits(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        page: Option<u64>,
    ) -> Result<crate::model::billing::AccountCredits, AppError>;
    /// Grants credits to a customer account. Operator users only.
    async fn grant_credits(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        form: crate::model::billing::CreditForm,
    ) -> Result<(), AppError>;
}

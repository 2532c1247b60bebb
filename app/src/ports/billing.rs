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
    /// The account's low-balance alerts: its balance and each group's paying from its own.
    /// Needs `ManageSettings`.
    async fn low_balance_alerts(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::low_balance::LowBalanceAlerts, AppError>;
    /// Saves the low-balance alert of one balance. Needs `ManageSettings`.
    async fn set_low_balance_alert(
        &self,
        meta: &RequestMeta,
        form: crate::model::low_balance::LowBalanceForm,
    ) -> Result<(), AppError>;
    /// Removes the low-balance alert of one balance (`group` empty: the account's). Needs
    /// `ManageSettings`.
    async fn remove_low_balance_alert(
        &self,
        meta: &RequestMeta,
        group: String,
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
    /// The ledger statement the filters select: the caller's account's, or a partner's
    /// sub-account's. Needs `ViewFinance`.
    async fn ledger_statement(
        &self,
        meta: &RequestMeta,
        query: crate::model::statement::StatementQuery,
    ) -> Result<crate::model::statement::StatementView, AppError>;
}

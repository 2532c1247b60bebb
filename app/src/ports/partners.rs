//! A partner's sub-accounts and price lists (ID-11, FIN-4).

use async_trait::async_trait;

use crate::{
    error::AppError,
    model::sub_accounts::{ListPriceForm, PriceListView, SubAccountForm, SubAccountsPage},
    ports::request::RequestMeta,
};

/// Every call checks the caller's permission and that their account is a partner; another
/// partner's sub-account, list or order is "not found".
#[async_trait]
pub trait PartnersApi: Send + Sync {
    /// Needs `ManageSubAccounts`.
    async fn page(&self, meta: &RequestMeta) -> Result<SubAccountsPage, AppError>;
    /// Needs `CreateSubAccounts`; answers the new sub-account's id.
    async fn create(&self, meta: &RequestMeta, form: SubAccountForm) -> Result<i32, AppError>;
    /// Needs `CreateSubAccounts`.
    async fn set_suspended(
        &self,
        meta: &RequestMeta,
        sub_account_id: i32,
        suspend: bool,
    ) -> Result<(), AppError>;
    /// Needs `ManageSubAccounts` and `ViewFinance`; answers the list's id.
    async fn create_price_list(&self, meta: &RequestMeta, name: String) -> Result<i32, AppError>;
    async fn price_list(&self, meta: &RequestMeta, list_id: i32)
    -> Result<PriceListView, AppError>;
    async fn set_list_price(
        &self,
        meta: &RequestMeta,
        list_id: i32,
        form: ListPriceForm,
    ) -> Result<(), AppError>;
    async fn assign_price_list(
        &self,
        meta: &RequestMeta,
        sub_account_id: i32,
        list_id: Option<i32>,
    ) -> Result<(), AppError>;
    /// Makes the caller a member of the sub-account so they can order for it; needs
    /// `ManageSubAccounts` and `RequestCertificates`.
    async fn act_for(&self, meta: &RequestMeta, sub_account_id: i32) -> Result<(), AppError>;
    /// Whom the caller may order for in the wizard; `None` when there is no choice.
    async fn order_for_choices(
        &self,
        meta: &RequestMeta,
    ) -> Result<Option<crate::model::sub_accounts::OrderForChoices>, AppError>;
    /// Moves the caller's session to the account they order for (the partner or one of the
    /// sub-accounts they look after); answers the second-factor step the account owes first.
    async fn order_for(
        &self,
        meta: &RequestMeta,
        account_id: i32,
    ) -> Result<Option<crate::ports::SecondFactorStep>, AppError>;
    /// Needs `ApproveOrders` in the partner: approves and pays, or rejects with a reason.
    async fn answer_order(
        &self,
        meta: &RequestMeta,
        order_id: i32,
        approve: bool,
        reason: String,
    ) -> Result<(), AppError>;
}

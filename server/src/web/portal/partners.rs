//! `PartnersApi` for the portal: a partner's sub-accounts, price lists and the orders waiting
//! for it. The partner and order services check the permission and the account.

use std::sync::Arc;

use app::{
    error::AppError,
    model::sub_accounts::{ListPriceForm, PriceListView, SubAccountForm, SubAccountsPage},
    ports::{PartnersApi, RequestMeta},
};
use async_trait::async_trait;

use super::caller;
use crate::services::{
    identity::{Caller, IdentityService},
    orders::OrderService,
    partners::PartnerService,
};

pub struct PartnersPortal {
    pub identity: Arc<IdentityService>,
    pub partners: Arc<PartnerService>,
    pub orders: Arc<OrderService>,
}

impl PartnersPortal {
    async fn caller(&self, meta: &RequestMeta) -> Result<Caller, AppError> {
        caller(&self.identity, meta).await
    }
}

fn ip(meta: &RequestMeta) -> Option<String> {
    Some(meta.ip.to_string())
}

#[async_trait]
impl PartnersApi for PartnersPortal {
    async fn page(&self, meta: &RequestMeta) -> Result<SubAccountsPage, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.partners.sub_accounts_page(&caller).await?)
    }

    async fn create(&self, meta: &RequestMeta, form: SubAccountForm) -> Result<i32, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .partners
            .create_sub_account(&caller, &form, meta.lang, ip(meta))
            .await?)
    }

    async fn set_suspended(
        &self,
        meta: &RequestMeta,
        sub_account_id: i32,
        suspend: bool,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.partners
            .set_sub_account_suspended(&caller, sub_account_id, suspend, ip(meta))
            .await?;
        Ok(())
    }

    async fn create_price_list(&self, meta: &RequestMeta, name: String) -> Result<i32, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .partners
            .create_price_list(&caller, &name, ip(meta))
            .await?)
    }

    async fn price_list(
        &self,
        meta: &RequestMeta,
        list_id: i32,
    ) -> Result<PriceListView, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.partners.price_list(&caller, list_id).await?)
    }

    async fn set_list_price(
        &self,
        meta: &RequestMeta,
        list_id: i32,
        form: ListPriceForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .partners
            .set_list_price(&caller, list_id, &form, ip(meta))
            .await?)
    }

    async fn assign_price_list(
        &self,
        meta: &RequestMeta,
        sub_account_id: i32,
        list_id: Option<i32>,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .partners
            .assign_price_list(&caller, sub_account_id, list_id, ip(meta))
            .await?)
    }

    async fn act_for(&self, meta: &RequestMeta, sub_account_id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .partners
            .act_for(&caller, sub_account_id, ip(meta))
            .await?)
    }

    async fn order_for_choices(
        &self,
        meta: &RequestMeta,
    ) -> Result<Option<app::model::sub_accounts::OrderForChoices>, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.partners.order_for_choices(&caller).await?)
    }

    async fn order_for(
        &self,
        meta: &RequestMeta,
        account_id: i32,
    ) -> Result<Option<app::ports::SecondFactorStep>, AppError> {
        let caller = self.caller(meta).await?;
        self.partners
            .order_for(&caller, account_id, ip(meta))
            .await?;
        if account_id == caller.account.id {
            return Ok(None);
        }
        let owed = self
            .identity
            .switch_account(&caller, account_id, ip(meta))
            .await?;
        Ok(owed.map(super::second_factor_step))
    }

    async fn answer_order(
        &self,
        meta: &RequestMeta,
        order_id: i32,
        approve: bool,
        reason: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        if approve {
            self.orders
                .approve_for_sub_account(&caller, order_id)
                .await?;
        } else {
            self.orders
                .reject_for_sub_account(&caller, order_id, &reason)
                .await?;
        }
        Ok(())
    }
}

//! `CatalogApi` for the portal: public products and prices (operator console), private CAs and
//! private products (account settings), and the order wizard's offers.

use std::sync::Arc;

use app::{
    error::AppError,
    model::{
        price_list::{PriceListQuery, PriceListRow},
        products::{
            Offer, PriceForm, PrivateCaView, PrivateProductForm, PrivateProductsPage,
            PublicProductForm, PublicProductsPage,
        },
    },
    ports::{CatalogApi, RequestMeta},
};
use async_trait::async_trait;

use super::caller;
use crate::services::{
    catalog::CatalogService,
    identity::{Caller, IdentityService},
};

pub struct CatalogPortal {
    pub identity: Arc<IdentityService>,
    pub catalog: Arc<CatalogService>,
}

impl CatalogPortal {
    async fn caller(&self, meta: &RequestMeta) -> Result<Caller, AppError> {
        caller(&self.identity, meta).await
    }
}

fn ip(meta: &RequestMeta) -> Option<String> {
    Some(meta.ip.to_string())
}

#[async_trait]
impl CatalogApi for CatalogPortal {
    async fn public_products(&self, meta: &RequestMeta) -> Result<PublicProductsPage, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.catalog.public_products(&caller).await?)
    }

    async fn add_public_product(
        &self,
        meta: &RequestMeta,
        form: PublicProductForm,
    ) -> Result<i32, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .catalog
            .add_public_product(&caller, &form, ip(meta))
            .await?)
    }

    async fn update_public_product(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: PublicProductForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .catalog
            .update_public_product(&caller, id, &form, ip(meta))
            .await?)
    }

    async fn set_public_product_active(
        &self,
        meta: &RequestMeta,
        id: i32,
        active: bool,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .catalog
            .set_public_product_active(&caller, id, active, ip(meta))
            .await?)
    }

    async fn set_public_price(
        &self,
        meta: &RequestMeta,
        product_id: i32,
        form: PriceForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .catalog
            .set_public_price(&caller, product_id, &form, ip(meta))
            .await?)
    }

    async fn private_cas(&self, meta: &RequestMeta) -> Result<Vec<PrivateCaView>, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.catalog.private_cas(&caller).await?)
    }

    async fn create_private_ca(
        &self,
        meta: &RequestMeta,
        name: String,
    ) -> Result<String, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .catalog
            .create_private_ca(&caller, &name, ip(meta))
            .await?)
    }

    async fn private_products(&self, meta: &RequestMeta) -> Result<PrivateProductsPage, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.catalog.private_products(&caller).await?)
    }

    async fn add_private_product(
        &self,
        meta: &RequestMeta,
        form: PrivateProductForm,
    ) -> Result<i32, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .catalog
            .add_private_product(&caller, &form, ip(meta))
            .await?)
    }

    async fn update_private_product(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: PrivateProductForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .catalog
            .update_private_product(&caller, id, &form, ip(meta))
            .await?)
    }

    async fn set_private_product_active(
        &self,
        meta: &RequestMeta,
        id: i32,
        active: bool,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .catalog
            .set_private_product_active(&caller, id, active, ip(meta))
            .await?)
    }

    async fn offers(&self, meta: &RequestMeta, currency: String) -> Result<Vec<Offer>, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.catalog.offers(&caller, currency.trim()).await?)
    }

    async fn price_list(
        &self,
        meta: &RequestMeta,
        query: PriceListQuery,
    ) -> Result<Vec<PriceListRow>, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.catalog.price_list(&caller, &query).await?)
    }
}

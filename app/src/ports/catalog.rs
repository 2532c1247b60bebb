//! Products, prices and private CAs.

use async_trait::async_trait;

use crate::{error::AppError, ports::request::RequestMeta};

/// Products and prices (ORD-1): the operator's public products, an account's private CAs and
/// private products, and what an account may order. Every call checks the caller's rule.
#[async_trait]
pub trait CatalogApi: Send + Sync {
    /// Operator users only.
    async fn public_products(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::products::PublicProductsPage, AppError>;
    async fn add_public_product(
        &self,
        meta: &RequestMeta,
        form: crate::model::products::PublicProductForm,
    ) -> Result<i32, AppError>;
    async fn update_public_product(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: crate::model::products::PublicProductForm,
    ) -> Result<(), AppError>;
    async fn set_public_product_active(
        &self,
        meta: &RequestMeta,
        id: i32,
        active: bool,
    ) -> Result<(), AppError>;
    async fn set_public_price(
        &self,
        meta: &RequestMeta,
        product_id: i32,
        form: crate::model::products::PriceForm,
    ) -> Result<(), AppError>;
    /// `ManageCas`.
    async fn private_cas(
        &self,
        meta: &RequestMeta,
    ) -> Result<Vec<crate::model::products::PrivateCaView>, AppError>;
    /// Returns the new CA's name.
    async fn create_private_ca(&self, meta: &RequestMeta, name: String)
    -> Result<String, AppError>;
    /// `ManageProducts`.
    async fn private_products(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::products::PrivateProductsPage, AppError>;
    async fn add_private_product(
        &self,
        meta: &RequestMeta,
        form: crate::model::products::PrivateProductForm,
    ) -> Result<i32, AppError>;
    async fn update_private_product(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: crate::model::products::PrivateProductForm,
    ) -> Result<(), AppError>;
    async fn set_private_product_active(
        &self,
        meta: &RequestMeta,
        id: i32,
        active: bool,
    ) -> Result<(), AppError>;
    /// What the caller's account may order, priced in `currency`. `RequestCertificates`.
    async fn offers(
        &self,
        meta: &RequestMeta,
        currency: String,
    ) -> Result<Vec<crate::model::products::Offer>, AppError>;
    /// The caller's account's price list (what it pays per product, validity and currency),
    /// narrowed by the filters. `ViewFinance`.
    async fn price_list(
        &self,
        meta: &RequestMeta,
        query: crate::model::price_list::PriceListQuery,
    ) -> Result<Vec<crate::model::price_list::PriceListRow>, AppError>;
}

//! `CatalogApi` for the portal: public products and prices (operator console), private CAs and
//! private products (account settings), and the order wizard's offers.

use std::sync::Arc;

use app::{
    error::AppError,
    model::products::{
        Offer, PriceForm, PrivateCaView, PrivateProductForm, PrivateProductsPage,
        PublicProductForm, PublicProductsPage,
    },
    ports::{CatalogApi, RequestMeta},
};
use async_trait::async_trait;

use super::portal::{identity_error, incident};
use crate::services::{
    catalog::{CatalogError, CatalogService},
    identity::{Caller, IdentityService},
};

pub struct CatalogPortal {
    pub identity: Arc<IdentityService>,
    pub catalog: Arc<CatalogService>,
}

pub(super) fn catalog_error(e: CatalogError) -> AppError {
    match e {
        CatalogError::Forbidden(_) | CatalogError::OperatorOnly => AppError::Forbidden,
        CatalogError::NotFound => AppError::NotFound,
        CatalogError::Invalid(errors) => AppError::Validation(errors),
        CatalogError::NotOffered(reason) => AppError::Conflict(reason),
        other @ (CatalogError::Corrupt { .. } | CatalogError::Ca(_) | CatalogError::Store(_)) => {
            incident(&other)
        }
    }
}

impl CatalogPortal {
    /// The signed-in caller; the service checks their permission or operator status.
    async fn caller(&self, meta: &RequestMeta) -> Result<Caller, AppError> {
        let token = meta
            .session_token
            .as_deref()
            .ok_or(AppError::Unauthenticated)?;
        self.identity
            .caller(token)
            .await
            .map_err(identity_error)?
            .ok_or(AppError::Unauthenticated)
    }
}

fn ip(meta: &RequestMeta) -> Option<String> {
    Some(meta.ip.to_string())
}

#[async_trait]
impl CatalogApi for CatalogPortal {
    async fn public_products(&self, meta: &RequestMeta) -> Result<PublicProductsPage, AppError> {
        let caller = self.caller(meta).await?;
        self.catalog
            .public_products(&caller)
            .await
            .map_err(catalog_error)
    }

    async fn add_public_product(
        &self,
        meta: &RequestMeta,
        form: PublicProductForm,
    ) -> Result<i32, AppError> {
        let caller = self.caller(meta).await?;
        self.catalog
            .add_public_product(&caller, &form, ip(meta))
            .await
            .map_err(catalog_error)
    }

    async fn update_public_product(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: PublicProductForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.catalog
            .update_public_product(&caller, id, &form, ip(meta))
            .await
            .map_err(catalog_error)
    }

    async fn set_public_product_active(
        &self,
        meta: &RequestMeta,
        id: i32,
        active: bool,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.catalog
            .set_public_product_active(&caller, id, active, ip(meta))
            .await
            .map_err(catalog_error)
    }

    async fn set_public_price(
        &self,
        meta: &RequestMeta,
        product_id: i32,
        form: PriceForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.catalog
            .set_public_price(&caller, product_id, &form, ip(meta))
            .await
            .map_err(catalog_error)
    }

    async fn private_cas(&self, meta: &RequestMeta) -> Result<Vec<PrivateCaView>, AppError> {
        let caller = self.caller(meta).await?;
        self.catalog
            .private_cas(&caller)
            .await
            .map_err(catalog_error)
    }

    async fn create_private_ca(
        &self,
        meta: &RequestMeta,
        name: String,
    ) -> Result<String, AppError> {
        let caller = self.caller(meta).await?;
        self.catalog
            .create_private_ca(&caller, &name, ip(meta))
            .await
            .map_err(catalog_error)
    }

    async fn private_products(&self, meta: &RequestMeta) -> Result<PrivateProductsPage, AppError> {
        let caller = self.caller(meta).await?;
        self.catalog
            .private_products(&caller)
            .await
            .map_err(catalog_error)
    }

    async fn add_private_product(
        &self,
        meta: &RequestMeta,
        form: PrivateProductForm,
    ) -> Result<i32, AppError> {
        let caller = self.caller(meta).await?;
        self.catalog
            .add_private_product(&caller, &form, ip(meta))
            .await
            .map_err(catalog_error)
    }

    async fn update_private_product(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: PrivateProductForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.catalog
            .update_private_product(&caller, id, &form, ip(meta))
            .await
            .map_err(catalog_error)
    }

    async fn set_private_product_active(
        &self,
        meta: &RequestMeta,
        id: i32,
        active: bool,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.catalog
            .set_private_product_active(&caller, id, active, ip(meta))
            .await
            .map_err(catalog_error)
    }

    async fn offers(&self, meta: &RequestMeta, currency: String) -> Result<Vec<Offer>, AppError> {
        let caller = self.caller(meta).await?;
        self.catalog
            .offers(&caller, currency.trim())
            .await
            .map_err(catalog_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_and_faults_map_to_what_a_user_may_see() {
        assert_eq!(
            catalog_error(CatalogError::OperatorOnly),
            AppError::Forbidden
        );
        assert_eq!(catalog_error(CatalogError::NotFound), AppError::NotFound);
        let fault = catalog_error(CatalogError::Corrupt {
            id: 1,
            reason: "secret detail".into(),
        });
        assert!(matches!(fault, AppError::Internal { .. }));
        assert!(!fault.to_string().contains("secret detail"));
    }
}

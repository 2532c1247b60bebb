//! `SmimeApi` for the portal: S/MIME orders, their mailbox verification (the link's button is
//! public: the mailed value is the proof) and their activation.

use app::{
    error::AppError,
    model::smime::{ActivationForm, SmimeNewData, SmimeOrderForm, SmimeView},
    ports::{RequestMeta, SmimeApi},
};
use async_trait::async_trait;

use super::Portal;

#[async_trait]
impl SmimeApi for Portal {
    async fn new_data(&self, meta: &RequestMeta) -> Result<SmimeNewData, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.smime_new_data(&caller).await?)
    }

    async fn place(&self, meta: &RequestMeta, form: SmimeOrderForm) -> Result<i32, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.smime_place(&caller, &form).await?)
    }

    async fn view(&self, meta: &RequestMeta, id: i32) -> Result<SmimeView, AppError> {
        // Like the order page: anyone signed in sees their own orders (the service decides).
        let caller = self.caller(meta).await?;
        Ok(self.orders.smime_view(&caller, id).await?)
    }

    async fn provide_email(
        &self,
        meta: &RequestMeta,
        id: i32,
        email: String,
    ) -> Result<String, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.smime_provide_email(&caller, id, &email).await?)
    }

    async fn resend(&self, meta: &RequestMeta, id: i32) -> Result<String, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.smime_resend(&caller, id).await?)
    }

    async fn activate(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: ActivationForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.smime_activate(&caller, id, &form).await?)
    }

    async fn verify(&self, value: String) -> Result<String, AppError> {
        Ok(self.orders.smime_verify(&value).await?)
    }
}

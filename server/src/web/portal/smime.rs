//! `SmimeApi` for the portal: S/MIME orders, their mailbox verification (the link's button is
//! public: the mailed value is the proof) and their activation.

use app::{
    error::AppError,
    model::{
        order_form_post::FormToken,
        smime::{ActivationForm, SmimeNewData, SmimeOrderForm, SmimeView},
        smime_form_post::SmimeOrderPost,
    },
    ports::{RequestMeta, SmimeApi},
};
use async_trait::async_trait;

use super::Portal;

#[async_trait]
impl SmimeApi for Portal {
    async fn new_data(
        &self,
        meta: &RequestMeta,
        token: Option<FormToken>,
    ) -> Result<SmimeNewData, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.smime_new_data(&caller, token.as_ref()).await?)
    }

    async fn place(
        &self,
        meta: &RequestMeta,
        form: SmimeOrderForm,
        token: Option<FormToken>,
    ) -> Result<i32, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .orders
            .smime_place_with(&caller, &form, token.as_ref())
            .await?)
    }

    async fn place_post(
        &self,
        meta: &RequestMeta,
        post: SmimeOrderPost,
    ) -> Result<String, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.smime_form_post(&caller, post).await?)
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

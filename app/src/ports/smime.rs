//! S/MIME mailbox-validated certificates.

use async_trait::async_trait;

use crate::{error::AppError, ports::request::RequestMeta};

/// S/MIME mailbox-validated certificates (VAL-5): the order, the mailbox verification (its
/// link is public: the mailed value is the proof) and the activation that issues.
#[async_trait]
pub trait SmimeApi: Send + Sync {
    /// What the "New S/MIME order" page offers, with what a refused post left under `token`.
    /// `RequestCertificates`.
    async fn new_data(
        &self,
        meta: &RequestMeta,
        token: Option<crate::model::order_form_post::FormToken>,
    ) -> Result<crate::model::smime::SmimeNewData, AppError>;
    /// Places and pays (or submits for approval) an S/MIME order; its id. A `token` places at
    /// most one order however often it posts.
    async fn place(
        &self,
        meta: &RequestMeta,
        form: crate::model::smime::SmimeOrderForm,
        token: Option<crate::model::order_form_post::FormToken>,
    ) -> Result<i32, AppError>;
    /// The form posted without JavaScript; returns the path to send the browser to.
    async fn place_post(
        &self,
        meta: &RequestMeta,
        post: crate::model::smime_form_post::SmimeOrderPost,
    ) -> Result<String, AppError>;
    /// An S/MIME order of the caller's account the caller may see.
    async fn view(
        &self,
        meta: &RequestMeta,
        id: i32,
    ) -> Result<crate::model::smime::SmimeView, AppError>;
    /// Provides (or corrects, before it is verified) the address; what happened, in words.
    async fn provide_email(
        &self,
        meta: &RequestMeta,
        id: i32,
        email: String,
    ) -> Result<String, AppError>;
    /// Sends a new verification link; what happened, in words.
    async fn resend(&self, meta: &RequestMeta, id: i32) -> Result<String, AppError>;
    async fn activate(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: crate::model::smime::ActivationForm,
    ) -> Result<(), AppError>;
    /// The mailed link's button (public); the verified address.
    async fn verify(&self, value: String) -> Result<String, AppError>;
}

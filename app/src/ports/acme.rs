//! ACME External Account Binding credentials.

use async_trait::async_trait;

use crate::{error::AppError, ports::request::RequestMeta};

/// The "ACME APIs" settings page (INT-2): External Account Binding credentials of the
/// caller's account. `ManageSettings`.
#[async_trait]
pub trait AcmeApi: Send + Sync {
    async fn credentials(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::acme::AcmeCredentialsPage, AppError>;
    /// Makes a credential; the answer is the only time its HMAC key is shown.
    async fn create_credential(
        &self,
        meta: &RequestMeta,
        form: crate::model::acme::AcmeCredentialForm,
    ) -> Result<crate::model::acme::AcmeCredentialCreated, AppError>;
    async fn revoke_credential(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError>;
    /// Marks an ACME order's certificate for early renewal (RFC 9773): its suggested renewal
    /// window moves to now. `ApproveOrders`.
    async fn renew_early(&self, meta: &RequestMeta, order_id: i32) -> Result<(), AppError>;
}

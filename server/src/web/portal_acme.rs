//! `AcmeApi` for the portal: the "ACME APIs" settings page's External Account Binding
//! credentials, and "Renew early (ARI)" on an ACME order's page. The caller is authorized
//! here (session, IP rules, the permission) and again by the service.

use std::sync::Arc;

use app::{
    error::AppError,
    model::{
        FieldErrors, Permission,
        acme::{AcmeCredentialCreated, AcmeCredentialForm, AcmeCredentialsPage},
    },
    ports::{AcmeApi, RequestMeta},
};
use async_trait::async_trait;

use super::portal::{access_error, incident};
use crate::services::{
    access::AccessService,
    acme::{AcmeError, AcmeService, NewCredential},
    identity::Caller,
};

pub struct AcmePortal {
    pub access: Arc<AccessService>,
    pub acme: Arc<AcmeService>,
    /// `…/acme/directory` as clients reach it.
    pub directory_url: String,
}

fn acme_error(e: AcmeError) -> AppError {
    match e {
        AcmeError::InvalidField { field, message } => {
            AppError::Validation(FieldErrors::single(field, message))
        }
        AcmeError::Unauthorized(_) => AppError::Forbidden,
        AcmeError::NotFound => AppError::NotFound,
        AcmeError::Malformed(m) => AppError::Conflict(m),
        other => incident(&other),
    }
}

/// A form id: empty is `None` when `optional`; anything else that is not a number is a field
/// error naming the field.
fn id_field(
    value: &str,
    field: &'static str,
    what: &str,
    optional: bool,
) -> Result<Option<i32>, AppError> {
    let value = value.trim();
    if value.is_empty() && optional {
        return Ok(None);
    }
    value
        .parse()
        .map(Some)
        .map_err(|_| AppError::Validation(FieldErrors::single(field, format!("Choose {what}."))))
}

impl AcmePortal {
    async fn caller(&self, meta: &RequestMeta) -> Result<Caller, AppError> {
        self.caller_with(meta, Permission::ManageSettings).await
    }

    async fn caller_with(
        &self,
        meta: &RequestMeta,
        permission: Permission,
    ) -> Result<Caller, AppError> {
        self.access
            .authorize(meta.session_token.as_deref(), permission)
            .await
            .map_err(access_error)
    }
}

#[async_trait]
impl AcmeApi for AcmePortal {
    async fn credentials(&self, meta: &RequestMeta) -> Result<AcmeCredentialsPage, AppError> {
        let caller = self.caller(meta).await?;
        self.acme
            .credentials_page(&caller, &self.directory_url)
            .await
            .map_err(acme_error)
    }

    async fn create_credential(
        &self,
        meta: &RequestMeta,
        form: AcmeCredentialForm,
    ) -> Result<AcmeCredentialCreated, AppError> {
        let caller = self.caller(meta).await?;
        let group_id = id_field(&form.group, "group", "a group", true)?;
        let product_id = id_field(&form.product, "product", "a product", false)?
            .ok_or_else(|| FieldErrors::single("product", "Choose a product."))?;
        let made = self
            .acme
            .create_eab(
                &caller,
                &NewCredential {
                    user_email: form.user.trim(),
                    group_id,
                    product_id,
                    tags: &form.tags,
                },
            )
            .await
            .map_err(acme_error)?;
        Ok(AcmeCredentialCreated {
            key_id: made.key_id,
            hmac_key: made.hmac_key,
            directory_url: self.directory_url.clone(),
        })
    }

    async fn revoke_credential(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.acme.revoke_eab(&caller, id).await.map_err(acme_error)
    }

    async fn renew_early(&self, meta: &RequestMeta, order_id: i32) -> Result<(), AppError> {
        let caller = self.caller_with(meta, Permission::ApproveOrders).await?;
        // Marking twice is no error: the first mark stands, and the page says so.
        self.acme
            .renew_early(&caller, order_id)
            .await
            .map(|_| ())
            .map_err(acme_error)
    }
}

//! `AcmeApi` for the portal: the "ACME APIs" settings page's External Account Binding
//! credentials, and "Renew early (ARI)" on an ACME order's page. The ACME service checks the
//! caller's permission.

use app::i18n::Msg;
use std::sync::Arc;

use app::{
    error::AppError,
    model::{
        FieldErrors,
        acme::{AcmeCredentialCreated, AcmeCredentialForm, AcmeCredentialsPage},
    },
    ports::{AcmeApi, RequestMeta},
};
use async_trait::async_trait;

use super::caller;
use crate::services::{
    acme::{AcmeService, NewCredential},
    identity::{Caller, IdentityService},
};

pub struct AcmePortal {
    pub identity: Arc<IdentityService>,
    pub acme: Arc<AcmeService>,
    /// `…/acme/directory` as clients reach it.
    pub directory_url: String,
}

/// A form id: empty is `None` when `optional`; anything else that is not a number is a field
/// error naming the field.
fn id_field(
    value: &str,
    field: &'static str,
    what: Msg,
    optional: bool,
) -> Result<Option<i32>, AppError> {
    let value = value.trim();
    if value.is_empty() && optional {
        return Ok(None);
    }
    value
        .parse()
        .map(Some)
        .map_err(|_| AppError::Validation(FieldErrors::single(field, what)))
}

impl AcmePortal {
    async fn caller(&self, meta: &RequestMeta) -> Result<Caller, AppError> {
        caller(&self.identity, meta).await
    }
}

#[async_trait]
impl AcmeApi for AcmePortal {
    async fn credentials(&self, meta: &RequestMeta) -> Result<AcmeCredentialsPage, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .acme
            .credentials_page(&caller, &self.directory_url)
            .await?)
    }

    async fn create_credential(
        &self,
        meta: &RequestMeta,
        form: AcmeCredentialForm,
    ) -> Result<AcmeCredentialCreated, AppError> {
        let caller = self.caller(meta).await?;
        let group_id = id_field(&form.group, "group", Msg::new("err-choose-group"), true)?;
        let product_id = id_field(
            &form.product,
            "product",
            Msg::new("err-choose-product"),
            false,
        )?
        .ok_or_else(|| FieldErrors::single("product", Msg::new("err-choose-product")))?;
        let organization_id = id_field(
            &form.organization,
            "organization",
            Msg::new("err-choose-one-account-s-organizations"),
            true,
        )?
        .map(app::model::OrganizationId);
        let made = self
            .acme
            .create_eab(
                &caller,
                &NewCredential {
                    user_email: form.user.trim(),
                    group_id,
                    product_id,
                    tags: &form.tags,
                    organization_id,
                },
            )
            .await?;
        Ok(AcmeCredentialCreated {
            key_id: made.key_id,
            hmac_key: made.hmac_key,
            directory_url: self.directory_url.clone(),
        })
    }

    async fn revoke_credential(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.acme.revoke_eab(&caller, id).await?)
    }

    async fn renew_early(&self, meta: &RequestMeta, order_id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        // Marking twice is no error: the first mark stands, and the page says so.
        self.acme.renew_early(&caller, order_id).await?;
        Ok(())
    }
}

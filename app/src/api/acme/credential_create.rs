use leptos::prelude::*;

use crate::{error::AppError, model::acme::AcmeCredentialCreated};

/// Makes an ACME credential for a user, group and product of the account (and, for an OV
/// product, a verified organization). The answer is the
/// only time the HMAC key leaves the server, so this does not redirect. Needs `ManageSettings`.
#[server(endpoint = "settings/acme/create")]
pub async fn acme_credential_create(
    user: String,
    group: String,
    product: String,
    tags: String,
    #[server(default)] organization: String,
) -> Result<AcmeCredentialCreated, AppError> {
    crate::api::call(|backend, meta| async move {
        let form = crate::model::acme::AcmeCredentialForm {
            user,
            group,
            product,
            tags,
            organization,
        };
        backend.acme.create_credential(&meta, form).await
    })
    .await
}

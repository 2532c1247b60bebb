use leptos::prelude::*;

use crate::{
    error::AppError,
    model::{order_form_post::FormToken, orders::WizardData},
};

/// What the new-request wizard offers the caller, with the form kept under `form` (the token
/// a browser without JavaScript carries from step to step), or a new token. Needs
/// `RequestCertificates`. A partner's user also gets whom they may order for.
#[server(endpoint = "orders/wizard")]
pub async fn order_wizard(
    #[server(default)] form: Option<FormToken>,
) -> Result<WizardData, AppError> {
    crate::api::call(|backend, meta| async move {
        let mut data = backend.orders.wizard(&meta, form).await?;
        data.order_for = backend.partners.order_for_choices(&meta).await?;
        Ok(data)
    })
    .await
}

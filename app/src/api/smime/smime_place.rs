use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use crate::{
    error::AppError,
    model::{order_form_post::FormToken, smime::SmimeOrderForm},
};

/// Places an S/MIME order (paid now, or sent for approval); the order's id. The page's
/// one-use `token` makes a second post find the first order instead of placing and charging
/// again. Needs `RequestCertificates`.
#[server(endpoint = "smime/place")]
pub async fn smime_place(
    form: SmimeOrderForm,
    #[server(default)] token: Option<FormToken>,
) -> Result<i32, AppError> {
    crate::api::call(|backend, meta| async move { backend.smime.place(&meta, form, token).await })
        .await
}

/// The "New S/MIME order" form posted without JavaScript (multipart: a CSR file may come with
/// it): the browser goes on to the order it placed, or back to the form with its errors.
/// Needs `RequestCertificates`.
#[server(endpoint = "smime/order", input = MultipartFormData)]
pub async fn smime_order(data: MultipartData) -> Result<(), AppError> {
    let fields = crate::api::multipart::read_fields(data).await?;
    let post = crate::model::smime_form_post::SmimeOrderPost::from_fields(fields)
        .map_err(AppError::Validation)?;
    crate::api::call(|backend, meta| async move {
        let next = backend.smime.place_post(&meta, post).await?;
        leptos_axum::redirect(&next);
        Ok(())
    })
    .await
}

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::{order_form_post::FormToken, smime::SmimeNewData},
};

/// What the "New S/MIME order" page offers, with what a refused post without JavaScript left
/// under `form` (the page's one-use token), or a new token. Needs `RequestCertificates`.
#[server(endpoint = "smime/new")]
pub async fn smime_new(
    #[server(default)] form: Option<FormToken>,
) -> Result<SmimeNewData, AppError> {
    crate::api::call(|backend, meta| async move { backend.smime.new_data(&meta, form).await }).await
}

use leptos::prelude::*;

use crate::{error::AppError, model::smime::SmimeView};

/// An S/MIME order's steps and certificate; another account's order answers "not found".
#[server(endpoint = "smime/get")]
pub async fn smime_get(id: i32) -> Result<SmimeView, AppError> {
    crate::api::call(|backend, meta| async move { backend.smime.view(&meta, id).await }).await
}

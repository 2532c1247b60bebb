use leptos::prelude::*;

use crate::{error::AppError, model::SessionView};

#[server(endpoint = "auth/current-session")]
pub async fn current_session() -> Result<Option<SessionView>, AppError> {
    crate::api::call(|backend, meta| async move { backend.identity.current_session(&meta).await })
        .await
}

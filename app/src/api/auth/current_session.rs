use leptos::prelude::*;

use crate::{error::AppError, model::SessionView};

#[server(endpoint = "auth/current-session")]
pub async fn current_session() -> Result<Option<SessionView>, AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.identity.current_session(&meta).await
        }
        .await,
    )
}

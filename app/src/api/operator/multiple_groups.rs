use leptos::prelude::*;

use crate::error::AppError;

/// Lets an account create more groups than its default one (`enabled` = `yes`), or stops it.
/// Operator users only.
#[server(endpoint = "operator/multiple-groups")]
pub async fn set_multiple_groups(account_id: i32, enabled: String) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend
                .operator
                .set_multiple_groups(&meta, account_id, enabled == "yes")
                .await?;
            leptos_axum::redirect("/operator/accounts?saved=1");
            Ok(())
        }
        .await,
    )
}

use leptos::prelude::*;

use crate::error::AppError;

/// Lets an account create more groups than its default one (`enabled` = `yes`), or stops it.
/// Operator users only.
#[server(endpoint = "operator/multiple-groups")]
pub async fn set_multiple_groups(account_id: i32, enabled: String) -> Result<(), AppError> {
    crate::api::call_then_redirect("/operator/accounts?saved=1", |backend, meta| async move {
        backend
            .operator
            .set_multiple_groups(&meta, account_id, enabled == "yes")
            .await
    })
    .await
}

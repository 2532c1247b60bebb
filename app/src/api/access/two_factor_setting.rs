use leptos::prelude::*;

use crate::error::AppError;

/// Whether the account enforces two-factor sign-in. Needs `ManageSettings`.
#[server(endpoint = "settings/two-factor")]
pub async fn two_factor_setting() -> Result<bool, AppError> {
    crate::api::call(|backend, meta| async move { backend.access.two_factor_enforced(&meta).await })
        .await
}

/// Enforces (`enforce` = `yes`) or stops enforcing two-factor sign-in for every user of the
/// account. Needs `ManageSettings`.
#[server(endpoint = "settings/two-factor/set")]
pub async fn set_two_factor(enforce: Option<String>) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/two-factor?saved=1", |backend, meta| async move {
        backend
            .access
            .set_two_factor_enforced(&meta, enforce.as_deref() == Some("yes"))
            .await
    })
    .await
}

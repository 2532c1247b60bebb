use leptos::prelude::*;

use crate::{error::AppError, model::ip_rules::IpRulesPage};

/// The account's IP restriction rules. Needs `ManageSettings`.
#[server(endpoint = "settings/ip-rules")]
pub async fn ip_rules() -> Result<IpRulesPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.access.ip_rules(&meta).await }).await
}

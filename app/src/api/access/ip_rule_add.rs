use leptos::prelude::*;

use crate::{error::AppError, model::ip_rules::IpRuleForm};

/// Adds a rule for all users (empty `user`) or one user. Needs `ManageSettings`.
#[server(endpoint = "settings/ip-rules/add")]
pub async fn ip_rule_add(#[server(flatten)] form: IpRuleForm) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/ip-rules?saved=1", |backend, meta| async move {
        backend.access.add_ip_rule(&meta, form).await
    })
    .await
}

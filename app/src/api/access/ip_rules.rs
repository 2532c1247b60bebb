use leptos::prelude::*;

use crate::{error::AppError, model::ip_rules::IpRulesPage};

/// The account's IP restriction rules. Needs `ManageSettings`.
#[server(endpoint = "settings/ip-rules")]
pub async fn ip_rules() -> Result<IpRulesPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.access.ip_rules(&meta).await }).await
}

/// Adds a rule for all users (empty `user`) or one user. Needs `ManageSettings`.
#[server(endpoint = "settings/ip-rules/add")]
pub async fn ip_rule_add(
    user: String,
    start: String,
    end: String,
    description: String,
    confirm_lockout: Option<String>,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/ip-rules?saved=1", |backend, meta| async move {
        let form = crate::model::ip_rules::IpRuleForm {
            user,
            start,
            end,
            description,
            confirm_lockout: confirm_lockout.is_some(),
        };
        backend.access.add_ip_rule(&meta, form).await
    })
    .await
}

/// `action` is `enable`, `disable` or `delete`. Needs `ManageSettings`.
#[server(endpoint = "settings/ip-rules/change")]
pub async fn ip_rule_change(
    id: i32,
    action: String,
    confirm_lockout: Option<String>,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/ip-rules?saved=1", |backend, meta| async move {
        let enabled = match action.as_str() {
            "enable" => Some(true),
            "disable" => Some(false),
            "delete" => None,
            _ => {
                return Err(AppError::Validation(crate::model::FieldErrors::single(
                    "action",
                    "Choose enable, disable or delete.",
                )));
            }
        };
        backend
            .access
            .change_ip_rule(&meta, id, enabled, confirm_lockout.is_some())
            .await
    })
    .await
}

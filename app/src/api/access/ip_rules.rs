use leptos::prelude::*;

use crate::{error::AppError, model::ip_rules::IpRulesPage};

/// The account's IP restriction rules. Needs `ManageSettings`.
#[server(endpoint = "settings/ip-rules")]
pub async fn ip_rules() -> Result<IpRulesPage, AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.access.ip_rules(&meta).await
        }
        .await,
    )
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
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            let form = crate::model::ip_rules::IpRuleForm {
                user,
                start,
                end,
                description,
                confirm_lockout: confirm_lockout.is_some(),
            };
            backend.access.add_ip_rule(&meta, form).await?;
            leptos_axum::redirect("/settings/ip-rules?saved=1");
            Ok(())
        }
        .await,
    )
}

/// `action` is `enable`, `disable` or `delete`. Needs `ManageSettings`.
#[server(endpoint = "settings/ip-rules/change")]
pub async fn ip_rule_change(
    id: i32,
    action: String,
    confirm_lockout: Option<String>,
) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
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
                .await?;
            leptos_axum::redirect("/settings/ip-rules?saved=1");
            Ok(())
        }
        .await,
    )
}

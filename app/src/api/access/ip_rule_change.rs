use leptos::prelude::*;

use crate::error::AppError;

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
                    crate::i18n::Msg::new("err-choose-enable-disable-delete"),
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

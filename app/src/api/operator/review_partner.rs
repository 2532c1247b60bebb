use leptos::prelude::*;

use crate::error::AppError;

/// Approves or rejects a waiting Partner application. `decision` is `approve` or `reject`;
/// a rejection needs a `reason`. Operator users only.
#[server(endpoint = "operator/review-partner")]
pub async fn review_partner(
    account_id: i32,
    decision: String,
    reason: Option<String>,
) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let approve = match decision.as_str() {
            "approve" => true,
            "reject" => false,
            _ => {
                return Err(AppError::Validation(crate::model::FieldErrors::single(
                    "decision",
                    crate::i18n::Msg::new("err-choose-approve-reject"),
                )));
            }
        };
        backend
            .operator
            .review_partner(&meta, account_id, approve, reason.unwrap_or_default())
            .await?;
        leptos_axum::redirect(if approve {
            "/operator/accounts?approved=1"
        } else {
            "/operator/accounts?rejected=1"
        });
        Ok(())
    })
    .await
}

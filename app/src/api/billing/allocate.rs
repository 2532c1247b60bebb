use leptos::prelude::*;

use crate::error::AppError;

/// Allocates credits from the account balance to a group (`direction` = `allocate`) or
/// de-allocates them back (`deallocate`). Needs `AllocateCredits`.
#[server(endpoint = "billing/allocate")]
pub async fn allocate_credits(
    group_id: i32,
    direction: String,
    amount: String,
    remarks: String,
) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let direction = crate::model::billing::Allocation::parse(&direction).ok_or_else(|| {
            AppError::Validation(crate::model::FieldErrors::single(
                "direction",
                crate::i18n::Msg::new("err-choose-allocate-deallocate"),
            ))
        })?;
        backend
            .billing
            .allocate(
                &meta,
                group_id,
                direction,
                crate::model::billing::CreditForm { amount, remarks },
            )
            .await?;
        leptos_axum::redirect(&format!(
            "/groups/{group_id}?credits={}",
            direction.as_str()
        ));
        Ok(())
    })
    .await
}

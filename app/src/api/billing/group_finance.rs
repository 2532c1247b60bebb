use leptos::prelude::*;

use crate::{error::AppError, model::billing::GroupFinance};

/// A group's balance, spend limit and history. Needs `ViewFinance`.
#[server(endpoint = "billing/group")]
pub async fn group_credits(group_id: i32, page: Option<u64>) -> Result<GroupFinance, AppError> {
    crate::api::call(|backend, meta| async move {
        backend.billing.group_finance(&meta, group_id, page).await
    })
    .await
}

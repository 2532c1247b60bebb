use leptos::prelude::*;

use crate::{
    error::AppError,
    model::operator::{AccountsPage, AccountsQuery},
};

/// Customer accounts, newest first. Operator users only.
#[server(endpoint = "operator/accounts")]
pub async fn operator_accounts(query: AccountsQuery) -> Result<AccountsPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.operator.accounts(&meta, query).await })
        .await
}

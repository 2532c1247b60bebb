use leptos::prelude::*;

use crate::{
    error::AppError,
    model::operator::{AccountsPage, AccountsQuery},
};

/// Customer accounts, newest first. Operator users only.
#[server(endpoint = "operator/accounts")]
pub async fn operator_accounts(query: AccountsQuery) -> Result<AccountsPage, AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.operator.accounts(&meta, query).await
        }
        .await,
    )
}

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::statement::{StatementQuery, StatementView},
};

/// The ledger statement the page's filters select (the caller's account's, or one of a
/// partner's sub-accounts'). Needs `ViewFinance`.
#[server(endpoint = "billing/statement")]
pub async fn ledger_statement(query: StatementQuery) -> Result<StatementView, AppError> {
    crate::api::call(
        |backend, meta| async move { backend.billing.ledger_statement(&meta, query).await },
    )
    .await
}

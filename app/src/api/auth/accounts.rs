use leptos::prelude::*;

use crate::{error::AppError, model::account_choice::AccountChoice};

/// The accounts the signed-in user belongs to. Any signed-in user.
#[server(endpoint = "auth/accounts")]
pub async fn my_accounts() -> Result<Vec<AccountChoice>, AppError> {
    crate::api::call(|backend, meta| async move { backend.identity.accounts(&meta).await }).await
}

/// Works in another of the user's accounts from now on; an account that enforces two-factor
/// sign-in first has the user enrol. Any signed-in user.
#[server(endpoint = "auth/switch-account")]
pub async fn switch_account(account_id: i32) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let owed = backend.identity.switch_account(&meta, account_id).await?;
        leptos_axum::redirect(match owed {
            Some(crate::ports::SecondFactorStep::Enrol) => "/sign-in/two-factor/enrol",
            Some(crate::ports::SecondFactorStep::Code) => "/sign-in/two-factor",
            None => "/",
        });
        Ok(())
    })
    .await
}

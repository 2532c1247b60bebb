use leptos::prelude::*;

use crate::{
    error::AppError,
    model::{UsersPage, UsersQuery},
};

/// One page of the account's users. Needs `ManageUsers`.
#[server(endpoint = "users/list")]
pub async fn users_list(query: UsersQuery) -> Result<UsersPage, AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            backend.access.users(&meta, query).await
        }
        .await,
    )
}

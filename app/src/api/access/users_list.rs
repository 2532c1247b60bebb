use leptos::prelude::*;

use crate::{
    error::AppError,
    model::{UsersPage, UsersQuery},
};

/// One page of the account's users. Needs `ManageUsers`.
#[server(endpoint = "users/list")]
pub async fn users_list(query: UsersQuery) -> Result<UsersPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.access.users(&meta, query).await }).await
}

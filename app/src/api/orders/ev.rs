//! Server functions of the EV workflow: the one-use links the requester, contract signer and
//! certificate approver answer (public: the link's token is the key), and the account's EV
//! Request Approvals page.

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::ev::{EvApprovalRow, EvLinkView},
};

/// What an EV link asks.
#[server(endpoint = "ev/link")]
pub async fn ev_link_get(token: String) -> Result<EvLinkView, AppError> {
    crate::api::call(|backend, meta| async move { backend.orders.ev_link(&meta, token).await })
        .await
}

/// The answer through an EV link; the browser comes back to the link's page, which says how
/// it was answered. `agreement_version` is the subscriber agreement the page showed (0 for
/// the other steps).
#[server(endpoint = "ev/answer")]
pub async fn ev_link_answer(
    token: String,
    answer: String,
    #[server(default)] reason: String,
    #[server(default)] agreement_version: i32,
) -> Result<(), AppError> {
    // Only a token that opened a step reaches the redirect, so it is safe in a path.
    let page = format!("/ev/{token}");
    crate::api::call_then_redirect(&page, |backend, meta| async move {
        backend
            .orders
            .ev_answer(&meta, token, answer, reason, agreement_version)
            .await
    })
    .await
}

/// The account's EV requests and their approvers' answers.
#[server(endpoint = "orders/ev-approvals")]
pub async fn ev_approvals_list() -> Result<Vec<EvApprovalRow>, AppError> {
    crate::api::call(|backend, meta| async move { backend.orders.ev_approvals(&meta).await }).await
}

/// The certificate approver's answer on the EV Request Approvals page.
#[server(endpoint = "orders/ev-approval-answer")]
pub async fn ev_approval_answer(
    step_id: i32,
    answer: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    crate::api::call_then_redirect("/ev-approvals?done=1", |backend, meta| async move {
        backend
            .orders
            .ev_approval_answer(&meta, step_id, answer, reason)
            .await
    })
    .await
}

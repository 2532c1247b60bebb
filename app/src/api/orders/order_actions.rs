//! The actions of the order page. Each redirects back to the order, so they work as plain
//! form posts too.

use leptos::prelude::*;

use crate::error::AppError;

/// Approves an order waiting for approval, which pays for it. Needs `ApproveOrders`.
#[server(endpoint = "orders/approve")]
pub async fn order_approve(id: i32) -> Result<(), AppError> {
    crate::api::call_then_order(
        id,
        crate::model::order_done::OrderDone::Approved,
        |backend, meta| async move { backend.orders.approve(&meta, id).await },
    )
    .await
}

/// Rejects an order waiting for approval, or a draft, with a reason. Needs `ApproveOrders`.
#[server(endpoint = "orders/reject")]
pub async fn order_reject(id: i32, reason: String) -> Result<(), AppError> {
    crate::api::call_then_order(
        id,
        crate::model::order_done::OrderDone::Rejected,
        |backend, meta| async move { backend.orders.reject(&meta, id, reason).await },
    )
    .await
}

/// Pays a draft (or sends it for approval). Needs `RequestCertificates`.
#[server(endpoint = "orders/pay")]
pub async fn order_pay(id: i32) -> Result<(), AppError> {
    crate::api::call_then_order(
        id,
        crate::model::order_done::OrderDone::Paid,
        |backend, meta| async move { backend.orders.pay_draft(&meta, id).await },
    )
    .await
}

/// Cancels an order not issued yet, refunding what was paid. The requester or an approver.
#[server(endpoint = "orders/cancel")]
pub async fn order_cancel(id: i32, remarks: String) -> Result<(), AppError> {
    crate::api::call_then_order(
        id,
        crate::model::order_done::OrderDone::Cancelled,
        |backend, meta| async move { backend.orders.cancel(&meta, id, remarks).await },
    )
    .await
}

/// Submits (or replaces) the order's CSR.
#[server(endpoint = "orders/csr")]
pub async fn order_csr(id: i32, csr: String) -> Result<(), AppError> {
    crate::api::call_then_order(
        id,
        crate::model::order_done::OrderDone::Csr,
        |backend, meta| async move { backend.orders.submit_csr(&meta, id, csr).await },
    )
    .await
}

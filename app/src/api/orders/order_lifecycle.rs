//! The post-order actions of the order page (ORD-8): revoke, reissue, renew, change names
//! and edit. Each redirects to the order it leaves the user on, so they work as plain form
//! posts too.

use leptos::prelude::*;

use crate::error::AppError;

/// Revokes the order's certificate. The requester or an approver.
#[server(endpoint = "orders/revoke")]
pub async fn order_revoke(order_id: i32, reason: String, remarks: String) -> Result<(), AppError> {
    crate::api::call_then_order(order_id, "revoked", |backend, meta| async move {
        let form = crate::model::order_actions::RevokeForm {
            order_id,
            reason,
            remarks,
        };
        backend.orders.revoke(&meta, form).await
    })
    .await
}

/// Reissues the order's certificate with a new CSR, as a new linked order. Needs
/// `RequestCertificates`; the requester or an approver.
#[server(endpoint = "orders/reissue")]
pub async fn order_reissue(
    order_id: i32,
    reason: String,
    remarks: String,
    csr_pem: String,
) -> Result<(), AppError> {
    crate::api::call_then_new_order("reissued", |backend, meta| async move {
        let form = crate::model::order_actions::ReissueForm {
            order_id,
            reason,
            remarks,
            csr_pem,
        };
        backend.orders.reissue(&meta, form).await
    })
    .await
}

/// Adds and removes names of a UCC order's certificate with a new CSR, as a new linked order
/// paid for the added names. Needs `RequestCertificates`; the requester or an approver.
#[server(endpoint = "orders/names")]
pub async fn order_change_names(
    order_id: i32,
    reason: String,
    names: String,
    csr_pem: String,
    remarks: String,
) -> Result<(), AppError> {
    crate::api::call_then_new_order("names", |backend, meta| async move {
        let form = crate::model::order_actions::ChangeNamesForm {
            order_id,
            reason,
            names,
            csr_pem,
            remarks,
        };
        backend.orders.change_names(&meta, form).await
    })
    .await
}

/// Renews the order as a new linked order, from 60 days before expiry. Needs
/// `RequestCertificates`; the requester or an approver.
#[server(endpoint = "orders/renew")]
pub async fn order_renew(
    order_id: i32,
    csr_pem: String,
    #[server(default)] draft: Option<String>,
) -> Result<(), AppError> {
    crate::api::call_then_new_order("renewed", |backend, meta| async move {
        let form = crate::model::order_actions::RenewForm {
            order_id,
            csr_pem,
            draft: draft.is_some(),
        };
        backend.orders.renew(&meta, form).await
    })
    .await
}

/// Edits tags, remarks, additional recipients and auto-renew. The requester or an approver.
#[server(endpoint = "orders/edit")]
pub async fn order_edit(
    order_id: i32,
    tags: String,
    remarks: String,
    extra_emails: String,
    #[server(default)] auto_renew: Option<String>,
) -> Result<(), AppError> {
    crate::api::call_then_order(order_id, "edited", |backend, meta| async move {
        let form = crate::model::order_actions::EditOrderForm {
            order_id,
            tags,
            remarks,
            extra_emails,
            auto_renew: auto_renew.is_some(),
        };
        backend.orders.edit(&meta, form).await
    })
    .await
}

//! The post-order actions of the order page (ORD-8): revoke, reissue, renew, change names
//! and edit. Each redirects to the order it leaves the user on, so they work as plain form
//! posts too.

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::order_actions::{ChangeNamesForm, EditOrderForm, ReissueForm, RenewForm, RevokeForm},
};

/// Takes the interim DV certificate of an OV or EV order waiting for vetting or its EV
/// answers. The requester or an approver.
#[server(endpoint = "orders/interim-dv")]
pub async fn order_interim_dv(id: i32) -> Result<(), AppError> {
    crate::api::call_then_order(
        id,
        crate::model::order_done::OrderDone::InterimDv,
        |backend, meta| async move { backend.orders.interim_dv(&meta, id).await },
    )
    .await
}

/// Revokes the order's certificate. The requester or an approver.
#[server(endpoint = "orders/revoke")]
pub async fn order_revoke(#[server(flatten)] form: RevokeForm) -> Result<(), AppError> {
    crate::api::call_then_order(
        form.order_id,
        crate::model::order_done::OrderDone::Revoked,
        |backend, meta| async move { backend.orders.revoke(&meta, form).await },
    )
    .await
}

/// Reissues the order's certificate with a new CSR, as a new linked order. Needs
/// `RequestCertificates`; the requester or an approver.
#[server(endpoint = "orders/reissue")]
pub async fn order_reissue(#[server(flatten)] form: ReissueForm) -> Result<(), AppError> {
    crate::api::call_then_new_order(
        crate::model::order_done::OrderDone::Reissued,
        |backend, meta| async move { backend.orders.reissue(&meta, form).await },
    )
    .await
}

/// Adds and removes names of a UCC order's certificate with a new CSR, as a new linked order
/// paid for the added names. Needs `RequestCertificates`; the requester or an approver.
#[server(endpoint = "orders/names")]
pub async fn order_change_names(#[server(flatten)] form: ChangeNamesForm) -> Result<(), AppError> {
    crate::api::call_then_new_order(
        crate::model::order_done::OrderDone::Names,
        |backend, meta| async move { backend.orders.change_names(&meta, form).await },
    )
    .await
}

/// Renews the order as a new linked order, from 60 days before expiry (`draft` ticked: saved
/// On Hold instead of paid). Needs `RequestCertificates`; the requester or an approver.
#[server(endpoint = "orders/renew")]
pub async fn order_renew(#[server(flatten)] form: RenewForm) -> Result<(), AppError> {
    crate::api::call_then_new_order(
        crate::model::order_done::OrderDone::Renewed,
        |backend, meta| async move { backend.orders.renew(&meta, form).await },
    )
    .await
}

/// Edits tags, remarks, additional recipients and auto-renew. The requester or an approver.
#[server(endpoint = "orders/edit")]
pub async fn order_edit(#[server(flatten)] form: EditOrderForm) -> Result<(), AppError> {
    crate::api::call_then_order(
        form.order_id,
        crate::model::order_done::OrderDone::Edited,
        |backend, meta| async move { backend.orders.edit(&meta, form).await },
    )
    .await
}

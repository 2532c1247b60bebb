use leptos::prelude::*;

use crate::{error::AppError, model::orders::TrackingView};

/// The order behind a tracking link.
#[server(endpoint = "track/get")]
pub async fn tracking_get(token: String) -> Result<TrackingView, AppError> {
    crate::api::call(|backend, meta| async move { backend.orders.tracking(&meta, token).await })
        .await
}

/// Chooses the validation method of one of the order's domains.
#[server(endpoint = "track/method")]
pub async fn tracking_method(token: String, domain: i32, method: String) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        backend
            .orders
            .tracking_method(&meta, token, domain, method)
            .await
    })
    .await
}

/// Verify Now (or send the validation e-mail again). Done, the browser goes back to the
/// tracking page, which says what happened (`?done=`), with or without script; a domain whose
/// record or file is not there yet is an error that says what was found.
#[server(endpoint = "track/verify")]
pub async fn tracking_verify(
    token: String,
    domain: i32,
) -> Result<crate::model::domains::CheckResult, AppError> {
    use crate::model::domains::CheckResult;
    crate::api::call(|backend, meta| async move {
        let result = backend
            .orders
            .tracking_verify(&meta, token.clone(), domain)
            .await?;
        use crate::model::order_done::OrderDone;
        let done = match &result {
            CheckResult::NotYet(why) => return Err(AppError::Conflict(why.clone())),
            CheckResult::Verified(_) => OrderDone::Verified,
            CheckResult::EmailSent(_) => OrderDone::Mailed,
        };
        // The token opened an order just now, so it is one of ours and safe in a path.
        leptos_axum::redirect(&done.tracking_page(&token));
        Ok(result)
    })
    .await
}

/// Submits the order's CSR through the link.
#[server(endpoint = "track/csr")]
pub async fn tracking_csr(token: String, csr: String) -> Result<(), AppError> {
    // Refused, the page comes back with the CSR as pasted (it is plain HTML).
    let page = crate::model::orders::tracking_path(&token);
    let pasted = csr.clone();
    let result = crate::api::call(|backend, meta| async move {
        backend.orders.tracking_csr(&meta, token, csr).await
    })
    .await;
    crate::api::refill::keep_if_refused(result, &page, &[("csr", pasted.as_str())])
}

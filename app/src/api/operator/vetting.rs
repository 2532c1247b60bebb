use leptos::prelude::*;

use crate::{
    error::AppError,
    model::vetting::{CheckForm, VettingCase, VettingQueue},
};

#[cfg(feature = "ssr")]
fn case_page(id: i32, what: &str) -> String {
    format!("/operator/vetting/{id}?{what}")
}

/// Organizations waiting for vetting, the longest waiting first. Operator users only.
#[server(endpoint = "operator/vetting/queue")]
pub async fn desk_queue() -> Result<VettingQueue, AppError> {
    crate::api::call(|backend, meta| async move { backend.vetting.queue(&meta).await }).await
}

/// One organization on the desk: record, documents, checklist, history. Operator users only.
#[server(endpoint = "operator/vetting/case")]
pub async fn desk_case(id: i32) -> Result<VettingCase, AppError> {
    crate::api::call(|backend, meta| async move {
        backend
            .vetting
            .case(&meta, crate::model::OrganizationId(id))
            .await
    })
    .await
}

/// Records an item of the checklist as checked, with its source and a note. Operator users
/// only.
#[server(endpoint = "operator/vetting/check")]
pub async fn vetting_check(id: i32, #[server(flatten)] form: CheckForm) -> Result<(), AppError> {
    crate::api::call_then_redirect(&case_page(id, "checked=1"), |backend, meta| async move {
        backend
            .vetting
            .check(&meta, crate::model::OrganizationId(id), form)
            .await
    })
    .await
}

/// Mails the representative a new authentication code; the page shows it once, to read out
/// on a call. Operator users only.
#[server(endpoint = "operator/vetting/send-code")]
pub async fn vetting_send_code(id: i32) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let code = backend
            .vetting
            .send_code(&meta, crate::model::OrganizationId(id))
            .await?;
        leptos_axum::redirect(&case_page(id, &format!("code={code}")));
        Ok(())
    })
    .await
}

/// Verifies the organization at `level` (`ov` or `ev`). Operator users only.
#[server(endpoint = "operator/vetting/approve")]
pub async fn vetting_approve(id: i32, level: String) -> Result<(), AppError> {
    crate::api::call_then_redirect(&case_page(id, "approved=1"), |backend, meta| async move {
        backend
            .vetting
            .approve(&meta, crate::model::OrganizationId(id), level)
            .await
    })
    .await
}

/// Refuses the organization with a reason the customer reads. Operator users only.
#[server(endpoint = "operator/vetting/reject")]
pub async fn vetting_reject(id: i32, reason: String) -> Result<(), AppError> {
    crate::api::call_then_redirect(&case_page(id, "rejected=1"), |backend, meta| async move {
        backend
            .vetting
            .reject(&meta, crate::model::OrganizationId(id), reason)
            .await
    })
    .await
}

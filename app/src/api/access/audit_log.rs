use leptos::prelude::*;

use crate::{
    error::AppError,
    model::{AuditPage, AuditQuery},
};

/// One page of the caller's account's audit log, filtered. Needs `ViewAuditLog`.
#[server(endpoint = "access/audit-log")]
pub async fn audit_log(query: AuditQuery) -> Result<AuditPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.access.audit_log(&meta, query).await })
        .await
}

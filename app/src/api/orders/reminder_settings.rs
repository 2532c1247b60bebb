use leptos::prelude::*;

use crate::{error::AppError, model::order_actions::ReminderSettings};

/// The account's renewal reminder days. Needs `ManageSettings`.
#[server(endpoint = "settings/renewal-reminders")]
pub async fn renewal_reminder_settings() -> Result<ReminderSettings, AppError> {
    crate::api::call(|backend, meta| async move { backend.orders.reminder_settings(&meta).await })
        .await
}

/// Sets the days before (positive) and after (negative) expiry that reminders go out on.
/// Needs `ManageSettings`.
#[server(endpoint = "settings/renewal-reminders/save")]
pub async fn set_reminder_days(days: String) -> Result<(), AppError> {
    crate::api::call_then_redirect("/settings/renewals?saved=1", |backend, meta| async move {
        backend.orders.set_reminder_days(&meta, days).await
    })
    .await
}

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::model::low_balance::SETTINGS_PATH;
use crate::{
    error::AppError,
    model::low_balance::{LowBalanceAlerts, LowBalanceForm},
};

/// The account's low-balance alerts. Needs `ManageSettings`.
#[server(endpoint = "billing/low-balance-alerts")]
pub async fn low_balance_settings() -> Result<LowBalanceAlerts, AppError> {
    crate::api::call(|backend, meta| async move { backend.billing.low_balance_alerts(&meta).await })
        .await
}

/// Saves the low-balance alert of one balance; saving it again changes nothing more. Needs
/// `ManageSettings`. A refused plain post comes back to the page filled in.
#[server(endpoint = "billing/low-balance-alert-set")]
pub async fn low_balance_alert_set(
    #[server(flatten)] form: LowBalanceForm,
) -> Result<(), AppError> {
    let kept = form.clone();
    let result = crate::api::call_then_redirect(
        &format!("{SETTINGS_PATH}?saved=1"),
        |backend, meta| async move { backend.billing.set_low_balance_alert(&meta, form).await },
    )
    .await;
    crate::api::refill::keep_if_refused(
        result,
        SETTINGS_PATH,
        &[
            ("group", kept.group.as_str()),
            ("enabled", if kept.enabled { "on" } else { "" }),
            ("threshold", kept.threshold.as_str()),
            ("addresses", kept.addresses.as_str()),
        ],
    )
}

/// Removes the low-balance alert of one balance (`group` empty: the account's); removing it
/// again changes nothing. Needs `ManageSettings`.
#[server(endpoint = "billing/low-balance-alert-remove")]
pub async fn low_balance_alert_remove(group: String) -> Result<(), AppError> {
    crate::api::call_then_redirect(
        &format!("{SETTINGS_PATH}?removed=1"),
        |backend, meta| async move { backend.billing.remove_low_balance_alert(&meta, group).await },
    )
    .await
}

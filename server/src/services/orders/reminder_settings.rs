//! The account's renewal reminder days (seeds: "Certificate Renewal Notification Frequency":
//! reminders before and after expiry). Needs `ManageSettings`.

use app::model::{
    FieldErrors, Permission,
    order_actions::{ReminderSettings, reminder_days},
};

use super::{OrderError, OrderService, renewals};
use crate::{services::identity::Caller, store::accounts};

fn shown(days: &[i32]) -> String {
    days.iter()
        .rev()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl OrderService {
    pub async fn reminder_settings(&self, caller: &Caller) -> Result<ReminderSettings, OrderError> {
        caller.require(Permission::ManageSettings)?;
        // Read afresh: the caller's copy of the account is from the start of the request.
        let account = accounts::find(&self.store, caller.account.id)
            .await?
            .ok_or(OrderError::NotFound)?;
        Ok(ReminderSettings {
            days: shown(&renewals::reminder_days(&account.renewal_reminder_days)),
        })
    }

    pub async fn set_reminder_days(&self, caller: &Caller, raw: &str) -> Result<(), OrderError> {
        caller.require(Permission::ManageSettings)?;
        let days =
            reminder_days(raw).map_err(|e| OrderError::Invalid(FieldErrors::single("days", e)))?;
        let stored = days
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        accounts::set_renewal_reminder_days(&tx, caller.account.id, &stored).await?;
        crate::services::audit::record(
            &tx,
            now,
            crate::services::audit::AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip: None,
                module: "settings",
                action: "renewal_reminders_changed",
                summary: format!("Renewal reminder days set to {}", shown(&days)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

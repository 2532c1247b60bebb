use super::{AccessError, AccessService};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::accounts,
};
use app::model::Permission;

impl AccessService {
    /// Whether the caller's account makes every user sign in with an authenticator code.
    pub async fn two_factor_enforced(&self, caller: &Caller) -> Result<bool, AccessError> {
        caller.require(Permission::ManageSettings)?;
        Ok(caller.account.enforce_totp)
    }

    /// Makes every user of the caller's account sign in with an authenticator code (they
    /// enrol at their next sign-in), or stops requiring it for those who have not enrolled.
    pub async fn set_two_factor_enforced(
        &self,
        caller: &Caller,
        enforce: bool,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        caller.require(Permission::ManageSettings)?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        accounts::set_enforce_totp(&tx, caller.account.id, enforce).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "security",
                action: if enforce {
                    "two_factor_enforced"
                } else {
                    "two_factor_optional"
                },
                summary: format!(
                    "Two-factor sign-in {} for {}",
                    if enforce {
                        "enforced"
                    } else {
                        "no longer enforced"
                    },
                    caller.account.name
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

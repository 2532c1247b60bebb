//! A partner suspends a sub-account (nobody acts for it: sessions, REST keys and ACME accounts
//! stop at their next request) or reactivates it.

use app::i18n::Msg;
use app::model::{AccountStatus, Permission};

use super::{PartnerError, PartnerService, require_partner};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::sub_accounts,
};

impl PartnerService {
    /// `suspend`: active → suspended; otherwise suspended → active. Another partner's
    /// sub-account (or any other account) is "not found"; one in another state is refused.
    /// Needs `CreateSubAccounts`.
    pub async fn set_sub_account_suspended(
        &self,
        caller: &Caller,
        sub_account_id: i32,
        suspend: bool,
        ip: Option<String>,
    ) -> Result<AccountStatus, PartnerError> {
        caller.require(Permission::CreateSubAccounts)?;
        require_partner(caller)?;
        let sub = self.reachable_one(caller, sub_account_id).await?;
        let (from, to, action) = if suspend {
            (
                AccountStatus::Active,
                AccountStatus::Suspended,
                "sub_account_suspended",
            )
        } else {
            (
                AccountStatus::Suspended,
                AccountStatus::Active,
                "sub_account_reactivated",
            )
        };
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        if !sub_accounts::set_status(&tx, caller.account.id, sub.id, from, to).await? {
            return Err(PartnerError::Refused(
                Msg::new("err-sub-account-not-in-state")
                    .arg("name", sub.name.clone())
                    .arg("state", Msg::new(sub.status.key())),
            ));
        }
        let summary = format!(
            "Sub-account {} (#{}) {} by {}",
            sub.name,
            sub.id,
            if suspend { "suspended" } else { "reactivated" },
            caller.user.email
        );
        for account_id in [caller.account.id, sub.id] {
            audit::record(
                &tx,
                now,
                AuditEntry {
                    account_id: Some(account_id),
                    user_id: Some(caller.user.id),
                    ip: ip.clone(),
                    module: "sub_accounts",
                    action,
                    summary: summary.clone(),
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(to)
    }
}

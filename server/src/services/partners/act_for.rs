//! A partner's user orders for a sub-account ("Order for Sub-accounts"): they work in the
//! sub-account as a Sub Account User member of it, which the sub-account's administrators see
//! in their users list and may deactivate. Their orders there are the partner's own, paid from
//! the partner's balance at the partner price without waiting for approval.

use app::i18n::Msg;
use app::model::{AccountStatus, Permission, Role, roles::AssignedRole, users::GroupAccess};

use super::{PartnerError, PartnerService, require_partner};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::memberships,
};

impl PartnerService {
    /// Makes the caller a member of one of the sub-accounts they look after (once), so the
    /// session can move there. Needs `ManageSubAccounts` and `RequestCertificates`; a
    /// sub-account that is not active, or whose administrators removed the caller, refuses.
    pub async fn act_for(
        &self,
        caller: &Caller,
        sub_account_id: i32,
        ip: Option<String>,
    ) -> Result<(), PartnerError> {
        caller.require(Permission::ManageSubAccounts)?;
        caller.require(Permission::RequestCertificates)?;
        require_partner(caller)?;
        let sub = self.reachable_one(caller, sub_account_id).await?;
        if *sub.status != AccountStatus::Active {
            return Err(PartnerError::Refused(
                Msg::new("err-sub-account-not-in-state")
                    .arg("name", sub.name.clone())
                    .arg("state", Msg::new(sub.status.key())),
            ));
        }
        match memberships::find(&self.store, caller.user.id, sub.id).await? {
            Some(m) if m.status == memberships::DEACTIVATED => {
                return Err(PartnerError::Refused(
                    Msg::new("err-sub-account-removed-you").arg("name", sub.name.clone()),
                ));
            }
            Some(_) => return Ok(()),
            None => {}
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        memberships::insert(
            &tx,
            caller.user.id,
            sub.id,
            AssignedRole::BuiltIn(Role::SubAccountUser),
            GroupAccess::All,
            now,
        )
        .await?;
        let summary = format!(
            "{} of partner {} now orders for sub-account {} as a Sub Account User",
            caller.user.email, caller.account.name, sub.name
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
                    action: "acting_for_sub_account",
                    summary: summary.clone(),
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

//! Suspending an organization: orders may no longer name it. Lifting a suspension is the
//! operator's, after a look at why.

use app::model::{OrganizationId, Permission, organizations::OrganizationStatus};

use super::{OrganizationError, OrganizationService, account};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::organizations,
};

impl OrganizationService {
    pub async fn suspend_organization(
        &self,
        caller: &Caller,
        id: OrganizationId,
        ip: Option<String>,
    ) -> Result<(), OrganizationError> {
        caller.require(Permission::ManageOrganizations)?;
        let existing = self.owned(caller, id).await?;
        let status = *existing.status;
        if !status.customer_may_suspend() {
            // Suspended already: a retried post changes nothing.
            return Ok(());
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        organizations::set_status(
            &tx,
            account(caller),
            id,
            OrganizationStatus::Suspended,
            None,
            now,
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "organizations",
                action: "organization_suspended",
                summary: format!(
                    "Organization {} (#{id}) suspended (was {})",
                    existing.legal_name,
                    status.as_str()
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

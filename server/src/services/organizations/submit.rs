//! Sending an organization for vetting: it joins the vetting desk's queue, oldest first.

use app::i18n::Msg;
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
    pub async fn submit_organization(
        &self,
        caller: &Caller,
        id: OrganizationId,
        ip: Option<String>,
    ) -> Result<(), OrganizationError> {
        caller.require(Permission::ManageOrganizations)?;
        let existing = self.owned(caller, id).await?;
        let status = *existing.status;
        if status == OrganizationStatus::Submitted {
            // Sent already (a second click, a retried post): nothing more to do.
            return Ok(());
        }
        if !status.customer_may_submit() {
            return Err(OrganizationError::Refused(
                Msg::new("err-organization-not-submittable")
                    .arg("status", Msg::new(status.label_key())),
            ));
        }
        // The vetting agent reads the registration from a document; none, nothing to vet.
        if organizations::documents(&self.store, account(caller), id)
            .await?
            .is_empty()
        {
            return Err(OrganizationError::Refused(Msg::new(
                "err-organization-needs-document",
            )));
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        organizations::set_status(
            &tx,
            account(caller),
            id,
            OrganizationStatus::Submitted,
            Some(now),
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
                action: "organization_submitted",
                summary: format!(
                    "Organization {} (#{id}) sent for vetting",
                    existing.legal_name
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

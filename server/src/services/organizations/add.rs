//! Adding an organization: a draft the account completes (documents, alternates) and then sends
//! for vetting.

use app::model::{OrganizationId, Permission, organization_form::OrganizationForm};

use super::{OrganizationError, OrganizationService, account, user};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::organizations,
};

impl OrganizationService {
    pub async fn add_organization(
        &self,
        caller: &Caller,
        form: &OrganizationForm,
        ip: Option<String>,
    ) -> Result<OrganizationId, OrganizationError> {
        caller.require(Permission::ManageOrganizations)?;
        let valid = form.validate().map_err(OrganizationError::Invalid)?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let row = organizations::insert(&tx, account(caller), &valid, user(caller), now).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "organizations",
                action: "organization_added",
                summary: format!("Organization {} added (#{})", valid.legal_name, row.id),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(OrganizationId(row.id))
    }
}

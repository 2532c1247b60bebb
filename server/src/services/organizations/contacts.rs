//! Alternate representatives: people who may act for the organization when its representative
//! cannot. The representative itself is part of the record (and changes with it).

use app::i18n::Msg;
use app::model::{
    ContactId, OrganizationId, Permission,
    organization_form::ContactForm,
    organizations::{ALTERNATES_MAX, ContactRole},
};

use super::{OrganizationError, OrganizationService, account};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::organizations,
};

impl OrganizationService {
    pub async fn add_alternate(
        &self,
        caller: &Caller,
        id: OrganizationId,
        form: &ContactForm,
        ip: Option<String>,
    ) -> Result<ContactId, OrganizationError> {
        caller.require(Permission::ManageOrganizations)?;
        let org = self.owned(caller, id).await?;
        let valid = form.validate().map_err(OrganizationError::Invalid)?;
        let contacts = organizations::contacts(&self.store, account(caller), id).await?;
        if let Some(same) = contacts.iter().find(|c| c.email == valid.email.as_str()) {
            // The same person again (a retried post): what is there already answers it.
            return Ok(ContactId(same.id));
        }
        let alternates = contacts
            .iter()
            .filter(|c| *c.role == ContactRole::Alternate)
            .count();
        if alternates >= ALTERNATES_MAX {
            return Err(OrganizationError::Refused(
                Msg::new("err-organization-alternates-max").arg("max", ALTERNATES_MAX),
            ));
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let row = organizations::add_contact(
            &tx,
            account(caller),
            id,
            ContactRole::Alternate,
            &valid,
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
                action: "organization_alternate_added",
                summary: format!(
                    "Alternate representative {} <{}> added to organization {} (#{id})",
                    valid.name, valid.email, org.legal_name
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(ContactId(row.id))
    }

    pub async fn remove_alternate(
        &self,
        caller: &Caller,
        id: OrganizationId,
        contact: ContactId,
        ip: Option<String>,
    ) -> Result<(), OrganizationError> {
        caller.require(Permission::ManageOrganizations)?;
        let org = self.owned(caller, id).await?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        if !organizations::remove_alternate(&tx, account(caller), id, contact).await? {
            return Err(OrganizationError::NotFound);
        }
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "organizations",
                action: "organization_alternate_removed",
                summary: format!(
                    "Alternate representative #{contact} removed from organization {} (#{id})",
                    org.legal_name
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

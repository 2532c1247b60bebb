//! Changing an organization's record. A draft or a refused one changes in place; a verified one
//! changes through a modification request: the new record goes back to the vetting desk and
//! names no certificate until it is vetted again.

use app::i18n::Msg;
use app::model::organizations::OrganizationStatus;
use app::model::{OrganizationId, Permission, organization_form::OrganizationForm};

use super::{OrganizationError, OrganizationService, account};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::organizations,
};

/// What an edit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edited {
    /// Changed in place.
    Saved,
    /// Sent back for vetting as a modification request.
    ModificationRequested,
}

impl OrganizationService {
    pub async fn update_organization(
        &self,
        caller: &Caller,
        id: OrganizationId,
        form: &OrganizationForm,
        ip: Option<String>,
    ) -> Result<Edited, OrganizationError> {
        caller.require(Permission::ManageOrganizations)?;
        let existing = self.owned(caller, id).await?;
        let status = *existing.status;
        let (next, edited) = if status.customer_may_edit() {
            (status, Edited::Saved)
        } else if status.edit_requests_modification() {
            (OrganizationStatus::Submitted, Edited::ModificationRequested)
        } else {
            return Err(OrganizationError::Refused(
                Msg::new("err-organization-not-editable")
                    .arg("status", Msg::new(status.label_key())),
            ));
        };
        let valid = form.validate().map_err(OrganizationError::Invalid)?;
        let now = self.clock.now();
        let sent = (edited == Edited::ModificationRequested).then_some(now);
        let tx = self.store.begin().await?;
        organizations::update(&tx, account(caller), id, &valid, next, sent, now).await?;
        let (action, summary) = match edited {
            Edited::Saved => (
                "organization_updated",
                format!("Organization {} updated (#{id})", valid.legal_name),
            ),
            Edited::ModificationRequested => (
                "organization_modification_requested",
                format!(
                    "Modification of verified organization {} requested (#{id}); it goes back to vetting",
                    valid.legal_name
                ),
            ),
        };
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "organizations",
                action,
                summary,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(edited)
    }
}

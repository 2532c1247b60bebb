//! One organization with its representatives and documents.

use app::model::{
    AccountId, Day, OrganizationId, Permission,
    organizations::{ContactRole, OrganizationDetail},
};
use chrono::{DateTime, Utc};

use super::{
    OrganizationError, OrganizationService, account, contact_view, document_view, expired, form_of,
};
use crate::{
    services::identity::Caller,
    store::{Store, StoreError, organizations},
};

/// The account's organization as its page (and the vetting desk) shows it; `NotFound` when the
/// account has no such organization.
pub(crate) async fn detail_of(
    store: &Store,
    account: AccountId,
    id: OrganizationId,
    now: DateTime<Utc>,
    can_manage: bool,
) -> Result<OrganizationDetail, OrganizationError> {
    let row = organizations::get(store, account, id)
        .await?
        .ok_or(OrganizationError::NotFound)?;
    let contacts = organizations::contacts(store, account, id).await?;
    let documents = organizations::documents(store, account, id).await?;
    let Some(rep) = contacts
        .iter()
        .find(|c| *c.role == ContactRole::Representative)
    else {
        return Err(
            StoreError::Inconsistent(format!("organization {id} has no representative")).into(),
        );
    };
    Ok(OrganizationDetail {
        id,
        form: form_of(&row, Some(rep)),
        org_type: *row.org_type,
        status: *row.status,
        expired: expired(&row, now),
        rejection_reason: row.rejection_reason.clone(),
        verified_until: row.verified_until.map(Day::from),
        representative: contact_view(rep),
        alternates: contacts
            .iter()
            .filter(|c| *c.role == ContactRole::Alternate)
            .map(contact_view)
            .collect(),
        documents: documents.iter().map(document_view).collect(),
        created: Day::from(row.created_at),
        submitted: row.submitted_at.map(Day::from),
        can_manage,
    })
}

impl OrganizationService {
    pub async fn organization_detail(
        &self,
        caller: &Caller,
        id: OrganizationId,
    ) -> Result<OrganizationDetail, OrganizationError> {
        caller.require(Permission::RequestCertificates)?;
        detail_of(
            &self.store,
            account(caller),
            id,
            self.clock.now(),
            caller.can(Permission::ManageOrganizations),
        )
        .await
    }
}

//! Organizations (VAL-3): the records an account keeps of the organizations its OV and EV
//! certificates name, their representatives and registration documents, and sending them for
//! vetting. Reading needs `RequestCertificates` (a requester picks the organization when
//! ordering); every change needs `ManageOrganizations`.

mod add;
mod consent;
mod contacts;
pub(crate) mod detail;
mod documents;
pub mod edit;
mod export;
mod list;
mod reminders;
mod submit;
mod suspend;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use app::i18n::Msg;
use app::model::{
    ContactId, Day, FieldErrors, OrganizationDocumentId, OrganizationId, Permission,
    organization_form::OrganizationForm,
    organizations::{ContactView, DocumentView, OrganizationSummary, organization_page},
};
use chrono::{DateTime, Utc};

pub use consent::CONSENT_LINK_DAYS;
pub use documents::{DocumentFile, Upload};
pub use export::ORGANIZATIONS_XLSX;
pub use reminders::VETTING_REMINDER_DAYS;

use crate::{
    ports::Clock,
    services::identity::Caller,
    store::{
        Store, StoreError,
        organizations::{ContactRow, DocumentRow, OrganizationRow},
    },
};

pub struct OrganizationService {
    store: Store,
    clock: Arc<dyn Clock>,
    /// Woken when mail is queued (the desk is told of an organization waiting for it).
    mail: crate::services::notifications::MailWaker,
    /// Where the portal is reached, for links in mail.
    public_url: String,
    /// The tokens of consent links.
    random: Arc<dyn crate::ports::Random>,
}

#[derive(Debug, thiserror::Error)]
pub enum OrganizationError {
    #[error("the role lacks {0:?}")]
    Forbidden(Permission),
    /// Another account's organization, or none at all: the same answer for both.
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    /// Not possible in the organization's present state, with the reason.
    #[error("{0}")]
    Refused(Msg),
    #[error("export: {0}")]
    Export(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<crate::services::identity::Forbidden> for OrganizationError {
    fn from(f: crate::services::identity::Forbidden) -> Self {
        Self::Forbidden(f.0)
    }
}

impl OrganizationService {
    pub fn new(
        store: Store,
        clock: Arc<dyn Clock>,
        mail: crate::services::notifications::MailWaker,
        public_url: String,
        random: Arc<dyn crate::ports::Random>,
    ) -> Self {
        Self {
            store,
            clock,
            mail,
            public_url,
            random,
        }
    }

    #[cfg(test)]
    pub(crate) fn for_harness(h: &crate::services::identity::test_support::Harness) -> Self {
        Self::new(
            h.store.clone(),
            h.clock.clone(),
            crate::services::notifications::MailWaker::default(),
            "http://portal.test".into(),
            Arc::new(crate::adapters::random::OsRandom),
        )
    }

    /// The caller's account's organization, or `NotFound`.
    async fn owned(
        &self,
        caller: &Caller,
        id: OrganizationId,
    ) -> Result<OrganizationRow, OrganizationError> {
        crate::store::organizations::get(&self.store, account(caller), id)
            .await?
            .ok_or(OrganizationError::NotFound)
    }
}

fn account(caller: &Caller) -> app::model::AccountId {
    app::model::AccountId(caller.account.id)
}

fn user(caller: &Caller) -> app::model::UserId {
    app::model::UserId(caller.user.id)
}

/// Whether the vetting has aged out at `now`.
fn expired(row: &OrganizationRow, now: DateTime<Utc>) -> bool {
    row.status.verified_level().is_some() && row.verified_until.is_some_and(|until| until < now)
}

fn summary(row: OrganizationRow, now: DateTime<Utc>) -> OrganizationSummary {
    OrganizationSummary {
        id: OrganizationId(row.id),
        expired: expired(&row, now),
        legal_name: row.legal_name,
        trade_name: row.trade_name,
        org_type: *row.org_type,
        jurisdiction_country: row.jurisdiction_country,
        status: *row.status,
        verified_until: row.verified_until.map(Day::from),
        updated: Day::from(row.updated_at),
    }
}

/// The record as the form shows it, representative included.
fn form_of(row: &OrganizationRow, representative: Option<&ContactRow>) -> OrganizationForm {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    OrganizationForm {
        legal_name: row.legal_name.clone(),
        trade_name: text(&row.trade_name),
        org_type: row.org_type.as_str().to_owned(),
        registration_number: text(&row.registration_number),
        registration_agency: text(&row.registration_agency),
        jurisdiction_country: row.jurisdiction_country.clone(),
        jurisdiction_state: text(&row.jurisdiction_state),
        jurisdiction_locality: text(&row.jurisdiction_locality),
        street: row.street.clone(),
        city: row.city.clone(),
        state: text(&row.state_province),
        postal_code: text(&row.postal_code),
        country: row.country.clone(),
        phone: row.phone.clone(),
        rep_name: representative.map(|c| c.name.clone()).unwrap_or_default(),
        rep_email: representative.map(|c| c.email.clone()).unwrap_or_default(),
        rep_phone: representative.map(|c| c.phone.clone()).unwrap_or_default(),
        rep_designation: representative
            .map(|c| c.designation.clone())
            .unwrap_or_default(),
    }
}

fn contact_view(c: &ContactRow) -> ContactView {
    ContactView {
        id: ContactId(c.id),
        name: c.name.clone(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        designation: c.designation.clone(),
    }
}

fn document_view(d: &DocumentRow) -> DocumentView {
    DocumentView {
        id: OrganizationDocumentId(d.id),
        file_name: d.file_name.clone(),
        kind: d.content_type.label().to_owned(),
        size_bytes: u64::try_from(d.size_bytes).unwrap_or(0),
        uploaded: Day::from(d.uploaded_at),
        href: format!(
            "{}/documents/{}",
            organization_page(OrganizationId(d.organization_id)),
            d.id
        ),
    }
}

//! The organization an OV order names: the account's own, verified at the product's level and
//! not aged out (BR 4.2.1's 398 days, counted by the desk from each item's check). It is
//! checked when the order is placed and again when it issues, and its vetted record is the
//! certificate's subject: what the CSR says of the subscriber is never certified.

use app::i18n::Msg;
use app::model::{AccountId, Day, OrganizationId, organizations::VettingLevel};

use chrono::{DateTime, Utc};

use super::{OrderError, OrderService};
use crate::{
    ca::{EvSubject, VettedSubject},
    store::{
        Db, StoreError,
        organizations::{self, OrganizationRow},
    },
};

/// What the vetted record of `row` puts in a certificate at `level`.
fn subject_of(row: &OrganizationRow, level: VettingLevel) -> VettedSubject {
    VettedSubject {
        organization: row.legal_name.clone(),
        country: row.country.clone(),
        state: row.state_province.clone(),
        locality: Some(row.city.clone()).filter(|c| !c.trim().is_empty()),
        ev: (level == VettingLevel::Ev).then(|| EvSubject {
            business_category: row.org_type.business_category(),
            jurisdiction_country: row.jurisdiction_country.clone(),
            jurisdiction_state: row.jurisdiction_state.clone(),
            jurisdiction_locality: row.jurisdiction_locality.clone(),
            serial_number: row
                .registration_number
                .clone()
                .unwrap_or_else(|| "Government Entity".to_owned()),
        }),
    }
}

/// The subject of `id` for a certificate at `level` at `now`, or why the organization cannot
/// be named (for the customer). Another account's organization is not found. ACME credentials
/// bound to an organization are checked by the same rule.
pub(crate) async fn vetted_subject_at(
    db: &impl Db,
    now: DateTime<Utc>,
    account: AccountId,
    id: OrganizationId,
    level: VettingLevel,
) -> Result<Result<VettedSubject, Msg>, StoreError> {
    let Some(row) = organizations::get(db, account, id).await? else {
        return Ok(Err(Msg::new("err-order-organization-not-found")));
    };
    let name = row.legal_name.as_str();
    let level_name = match level {
        VettingLevel::Ov => "OV",
        VettingLevel::Ev => "EV",
    };
    if !row.status.satisfies(level) {
        return Ok(Err(Msg::new("err-order-organization-not-verified")
            .arg("name", name)
            .arg("level", level_name)));
    }
    match row.verified_until {
        Some(until) if until > now => Ok(Ok(subject_of(&row, level))),
        until => Ok(Err(Msg::new("err-order-organization-vetting-expired")
            .arg("name", name)
            .arg("date", Day::from(until.unwrap_or(now))))),
    }
}

impl OrderService {
    /// `vetted_subject_at` now, in the order service's store.
    pub(super) async fn vetted_subject(
        &self,
        account: AccountId,
        id: OrganizationId,
        level: VettingLevel,
    ) -> Result<Result<VettedSubject, Msg>, OrderError> {
        Ok(vetted_subject_at(&self.store, self.clock.now(), account, id, level).await?)
    }
}

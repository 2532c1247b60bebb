//! The organization an OV order names: the account's own, verified at the product's level and
//! not aged out (BR 4.2.1's 398 days, counted by the desk from each item's check), or sent for
//! vetting (the order then waits for the desk). It is checked when the order is placed and
//! again when it issues, and its vetted record is the certificate's subject: what the CSR says
//! of the subscriber is never certified.

use app::i18n::Msg;
use app::model::{
    AccountId, Day, OrganizationId,
    organizations::{OrganizationStatus, VettingLevel},
};

use chrono::{DateTime, Utc};

use super::{OrderError, OrderService};
use crate::{
    ca::{EvSubject, VettedSubject},
    store::{
        Db, StoreError, orders,
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

/// Where an organization stands for a certificate at a level.
#[derive(Debug)]
pub(crate) enum Readiness {
    /// Verified at the level and not aged out: its record is the subject.
    Ready(VettedSubject),
    /// Sent for vetting and not decided yet: an order may name it and waits for the desk.
    InVetting,
    /// It cannot be named, and why (for the customer).
    Refused(Msg),
}

/// Where `id` stands for a certificate at `level` at `now`. Another account's organization is
/// not found. ACME credentials bound to an organization are checked by the same rule.
pub(crate) async fn readiness_at(
    db: &impl Db,
    now: DateTime<Utc>,
    account: AccountId,
    id: OrganizationId,
    level: VettingLevel,
) -> Result<Readiness, StoreError> {
    let Some(row) = organizations::get_usable(db, account, id).await? else {
        return Ok(Readiness::Refused(Msg::new(
            "err-order-organization-not-found",
        )));
    };
    let name = row.legal_name.as_str();
    if row.status.in_vetting() {
        return Ok(Readiness::InVetting);
    }
    if *row.status == OrganizationStatus::Suspended {
        return Ok(Readiness::Refused(
            Msg::new("err-order-organization-suspended").arg("name", name),
        ));
    }
    if !row.status.satisfies(level) {
        return Ok(Readiness::Refused(
            Msg::new("err-order-organization-not-verified")
                .arg("name", name)
                .arg("level", level.code()),
        ));
    }
    Ok(match row.verified_until {
        Some(until) if until > now => Readiness::Ready(subject_of(&row, level)),
        until => Readiness::Refused(
            Msg::new("err-order-organization-vetting-expired")
                .arg("name", name)
                .arg("date", Day::from(until.unwrap_or(now))),
        ),
    })
}

impl OrderService {
    /// `readiness_at` now, in the order service's store.
    pub(super) async fn organization_readiness(
        &self,
        account: AccountId,
        id: OrganizationId,
        level: VettingLevel,
    ) -> Result<Readiness, OrderError> {
        Ok(readiness_at(&self.store, self.clock.now(), account, id, level).await?)
    }

    /// Whether the organization `order` names is with the vetting desk.
    pub(super) async fn organization_in_vetting(
        &self,
        order: &crate::store::OrderRow,
    ) -> Result<bool, OrderError> {
        Ok(match order.organization_id {
            Some(id) => organizations::get_usable(&self.store, order.account_id.into(), id.into())
                .await?
                .is_some_and(|row| row.status.in_vetting()),
            None => false,
        })
    }

    /// Issues the account's orders that waited for the vetting of `organization`, now that
    /// the desk has decided; how many it looked at. An order still missing something else
    /// (its CSR, a domain) goes on waiting for that.
    pub async fn issue_after_vetting(
        &self,
        account: AccountId,
        organization: OrganizationId,
    ) -> Result<usize, OrderError> {
        let waiting = orders::waiting_for_organization(&self.store, account, organization).await?;
        for id in &waiting {
            self.try_issue(account.get(), *id, "Vetting desk").await?;
        }
        Ok(waiting.len())
    }
}

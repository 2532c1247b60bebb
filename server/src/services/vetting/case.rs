//! One organization on the desk: its record, its checklist with who checked what and until
//! when each check may be reused, and its history.

use app::model::{
    AccountId, Day, Moment, OrganizationId,
    organizations::VettingLevel,
    vetting::{CheckView, ChecklistRow, HistoryEntry, VettingCase, VettingItem, required_items},
};
use chrono::{DateTime, Utc};

use super::{VettingError, VettingService};
use crate::{
    domain::vetting_reuse,
    services::{identity::Caller, organizations::detail::detail_of},
    store::{
        accounts, users,
        vetting::{self, CheckRow},
    },
};

/// Whether the checks cover every item `level` needs, none aged out at `now`.
pub(super) fn ready(
    checks: &[CheckRow],
    level: VettingLevel,
    has_trade_name: bool,
    now: DateTime<Utc>,
) -> bool {
    required_items(level, has_trade_name).iter().all(|item| {
        checks
            .iter()
            .find(|c| *c.item == *item)
            .is_some_and(|c| vetting_reuse::is_reusable(level, c.checked_at, now))
    })
}

/// The last instant the checks `level` needs all back a certificate.
pub(super) fn verified_until(
    checks: &[CheckRow],
    level: VettingLevel,
    has_trade_name: bool,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    required_items(level, has_trade_name)
        .iter()
        .map(|item| {
            checks
                .iter()
                .find(|c| *c.item == *item)
                .map(|c| vetting_reuse::reusable_until(level, c.checked_at, now))
        })
        .collect::<Option<Vec<_>>>()?
        .into_iter()
        .min()
}

impl VettingService {
    pub async fn vetting_case(
        &self,
        caller: &Caller,
        id: OrganizationId,
    ) -> Result<VettingCase, VettingError> {
        let row = self.case_row(caller, id).await?;
        let now = self.clock.now();
        let mut organization =
            detail_of(&self.store, AccountId(row.account_id), id, now, false).await?;
        // The desk opens documents through its own route.
        for d in &mut organization.documents {
            d.href = format!("/operator/vetting/{id}/documents/{}", d.id);
        }
        let account = accounts::find(&self.store, row.account_id)
            .await?
            .map(|a| a.name)
            .unwrap_or_default();
        let checks = vetting::checks(&self.store, id).await?;
        let has_trade_name = row.trade_name.is_some();
        let events = vetting::events(&self.store, id).await?;
        // Everyone the checks and the history name, read in one query.
        let mut ids: Vec<i32> = checks
            .iter()
            .filter_map(|c| c.checked_by)
            .chain(events.iter().filter_map(|e| e.user_id))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let people = users::find_many(&self.store, &ids).await?;
        let name_of = |user: Option<i32>| match user {
            Some(id) => people
                .iter()
                .find(|u| u.id == id)
                .map(|u| u.name.clone())
                .unwrap_or_default(),
            None => app::i18n::tr(app::i18n::Lang::En, "vetting-by-representative"),
        };
        let mut checklist = Vec::new();
        for item in VettingItem::ALL {
            if item == VettingItem::TradeName && !has_trade_name {
                continue;
            }
            let level = item.level();
            let checked = checks.iter().find(|c| *c.item == item).map(|c| CheckView {
                by: name_of(c.checked_by),
                at: Moment::from(c.checked_at),
                source: c.source.clone(),
                note: c.note.clone(),
                aged_out: !vetting_reuse::is_reusable(level, c.checked_at, now),
                reusable_until: Day::from(vetting_reuse::reusable_until(level, c.checked_at, now)),
            });
            checklist.push(ChecklistRow {
                item,
                level,
                checked,
            });
        }
        let history = events
            .into_iter()
            .map(|e| HistoryEntry {
                at: Moment::from(e.at),
                by: name_of(e.user_id),
                summary: e.summary,
            })
            .collect();
        let code_sent_to = vetting::waiting_code(&self.store, id, now)
            .await?
            .map(|c| c.sent_to);
        Ok(VettingCase {
            organization,
            account,
            ready_ov: ready(&checks, VettingLevel::Ov, has_trade_name, now),
            ready_ev: ready(&checks, VettingLevel::Ev, has_trade_name, now),
            checklist,
            code_sent_to,
            history,
        })
    }
}

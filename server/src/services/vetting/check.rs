//! Recording that an item of the checklist was verified, with its source.

use app::i18n::Msg;
use app::model::{
    OrganizationId, UserId,
    vetting::{CheckForm, VettingItem},
};

use super::{VettingError, VettingService, invalid};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::vetting::{self, NewCheck},
};

/// The longest source and note kept.
const SOURCE_MAX: usize = 500;
const NOTE_MAX: usize = 2_000;

impl VettingService {
    pub async fn record_check(
        &self,
        caller: &Caller,
        id: OrganizationId,
        form: &CheckForm,
        ip: Option<String>,
    ) -> Result<(), VettingError> {
        let org = self.case_row(caller, id).await?;
        if !matches!(
            *org.status,
            app::model::organizations::OrganizationStatus::Submitted
                | app::model::organizations::OrganizationStatus::InValidation
        ) {
            return Err(VettingError::Refused(
                Msg::new("err-vetting-not-waiting").arg("status", Msg::new(org.status.label_key())),
            ));
        }
        let item = VettingItem::parse(form.item.trim())
            .ok_or_else(|| invalid("item", Msg::new("err-vetting-no-such-item")))?;
        if item.by_code() {
            return Err(invalid("item", Msg::new("err-vetting-item-by-code")));
        }
        if item == VettingItem::TradeName && org.trade_name.is_none() {
            return Err(invalid("item", Msg::new("err-vetting-no-trade-name")));
        }
        let source = form.source.trim();
        if source.is_empty() {
            return Err(invalid("source", Msg::new("err-vetting-enter-source")));
        }
        if source.chars().count() > SOURCE_MAX {
            return Err(invalid(
                "source",
                Msg::new("err-organization-field-too-long").arg("max", SOURCE_MAX),
            ));
        }
        let note = form.note.trim();
        if note.chars().count() > NOTE_MAX {
            return Err(invalid(
                "note",
                Msg::new("err-organization-field-too-long").arg("max", NOTE_MAX),
            ));
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        vetting::take(&tx, id, now).await?;
        vetting::put_check(
            &tx,
            id,
            NewCheck {
                item,
                by: Some(UserId(caller.user.id)),
                source,
                note,
            },
            now,
        )
        .await?;
        let summary = format!(
            "{} checked ({}): source {source}{}",
            app::i18n::tr(app::i18n::Lang::En, item.label_key()),
            item.as_str(),
            if note.is_empty() {
                String::new()
            } else {
                format!("; note {note}")
            }
        );
        vetting::add_event(&tx, id, Some(UserId(caller.user.id)), &summary, now).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(org.account_id),
                user_id: Some(caller.user.id),
                ip,
                module: "vetting",
                action: "vetting_item_checked",
                summary: format!("Organization {} (#{id}): {summary}", org.legal_name),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

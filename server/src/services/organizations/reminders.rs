//! Reminders that an organization's vetting is about to age out (BR 4.2.1: an item is reused
//! for 398 days from its check): whoever added the organization is told 30 and 7 days before,
//! so it is sent for vetting again before OV orders stop issuing. Scheduled work: no caller.

use app::i18n::{Lang, tr, tr_args};
use app::model::{Day, OrganizationId, organizations::organization_page};
use chrono::Duration;

use super::{OrganizationError, OrganizationService};
use crate::{
    ports::Mail,
    services::notifications,
    store::{organizations, users},
};

/// Days before the vetting ages out that a reminder goes, the earliest first.
pub const VETTING_REMINDER_DAYS: [i32; 2] = [30, 7];

impl OrganizationService {
    /// Sends the reminders that are due; how many went out. Each goes once, whichever server
    /// claims it first.
    pub async fn send_vetting_reminders(&self) -> Result<u32, OrganizationError> {
        let now = self.clock.now();
        let widest = VETTING_REMINDER_DAYS.iter().copied().max().unwrap_or(0);
        let expiring = organizations::expiring_for_all_accounts(
            &self.store,
            now,
            now + Duration::days(i64::from(widest)),
        )
        .await?;
        let mut sent = 0;
        for org in expiring {
            let Some(until) = org.verified_until else {
                continue;
            };
            // The nearest offset whose day has come; the earlier ones go unsent when a
            // vetting was approved already inside their window.
            let Some(offset) = VETTING_REMINDER_DAYS
                .iter()
                .copied()
                .filter(|d| now >= until - Duration::days(i64::from(*d)))
                .min()
            else {
                continue;
            };
            let Some(to) = users::find(&self.store, org.created_by).await? else {
                continue;
            };
            let tx = self.store.begin().await?;
            if !organizations::claim_reminder(&tx, OrganizationId(org.id), until, offset, now)
                .await?
            {
                continue;
            }
            let link = format!(
                "{}{}",
                self.public_url.trim_end_matches('/'),
                organization_page(OrganizationId(org.id))
            );
            let mail = reminder_mail(to.mail_lang(), &to, &org.legal_name, until, &link);
            notifications::queue(&tx, &mail, now).await?;
            tx.commit().await?;
            sent += 1;
        }
        if sent > 0 {
            self.mail.wake();
        }
        Ok(sent)
    }
}

fn reminder_mail(
    lang: Lang,
    to: &crate::store::UserRow,
    organization: &str,
    until: chrono::DateTime<chrono::Utc>,
    link: &str,
) -> Mail {
    let args = [
        ("organization", organization.into()),
        ("date", Day::from(until).text(lang).into()),
        ("link", link.into()),
    ];
    Mail {
        to: to.email.clone(),
        to_name: Some(to.name.clone()),
        subject: tr_args(lang, "mail-vetting-reminder-subject", &args),
        text: format!(
            "{}\n\n{}\n\n{}\n",
            tr(lang, "mail-hello"),
            tr_args(lang, "mail-vetting-reminder-body", &args),
            tr(lang, "mail-signature")
        ),
    }
}

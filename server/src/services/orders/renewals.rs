//! Renewal reminders and auto-renew (seeds: "Certificate Renewal Notification Frequency",
//! "Auto-Renew Certificates"): each round mails the reminder whose day has come, at the days
//! before and after expiry the account configured, and lists the auto-renew orders that are
//! due. Safe on several servers at once: a reminder is claimed by a unique row before it is
//! queued, and an order is renewed at most once (the renewal link is unique).

use app::model::Permission;
use app::model::order_actions::DEFAULT_REMINDER_DAYS;
use chrono::{DateTime, Duration, Utc};

use super::{OrderError, OrderService, mails};
use crate::{
    services::identity::Caller,
    store::{CertificateRow, OrderRow, accounts, groups, order_links, orders, reminders},
};

/// Auto-renew places the renewal this many days before expiry.
pub const AUTO_RENEW_DAYS: i64 = 30;

/// The account's reminder days; the defaults when the stored setting cannot be read.
pub fn reminder_days(setting: &str) -> Vec<i32> {
    app::model::order_actions::reminder_days(setting).unwrap_or_else(|_| {
        let mut days = DEFAULT_REMINDER_DAYS.to_vec();
        days.sort_unstable();
        days
    })
}

/// The reminder due now, if any: the latest of the days whose moment has passed, as long as
/// that moment fell within the certificate's life (a certificate issued 20 days before
/// expiry gets no "30 days" reminder).
pub fn due_reminder(days: &[i32], cert: &CertificateRow, now: DateTime<Utc>) -> Option<i32> {
    days.iter()
        .copied()
        .filter(|d| {
            let moment = cert.not_after - Duration::days(i64::from(*d));
            moment <= now && moment >= cert.not_before
        })
        .min()
}

/// An order waiting to be renewed automatically, and who renews it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueRenewal {
    pub order_id: i32,
    pub account_id: i32,
    pub user_id: i32,
}

/// What a round did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RemindersSent {
    pub reminders: usize,
}

impl OrderService {
    async fn has_live_renewal(&self, order_id: i32) -> Result<bool, OrderError> {
        Ok(order_links::successors(&self.store, order_id)
            .await?
            .iter()
            .any(|l| l.renewal_of.is_some()))
    }

    async fn candidates(&self) -> Result<Vec<(OrderRow, CertificateRow)>, OrderError> {
        let now = self.clock.now();
        Ok(orders::renewal_candidates_all_accounts(
            &self.store,
            now - Duration::days(91),
            now + Duration::days(366),
        )
        .await?)
    }

    /// Sends the renewal reminders that are due.
    pub async fn send_renewal_reminders(&self) -> Result<RemindersSent, OrderError> {
        let now = self.clock.now();
        let mut sent = RemindersSent::default();
        let mut settings: Vec<(i32, Vec<i32>)> = Vec::new();
        for (order, cert) in self.candidates().await? {
            let days = match settings.iter().find(|(a, _)| *a == order.account_id) {
                Some((_, d)) => d.clone(),
                None => {
                    let d = accounts::find(&self.store, order.account_id)
                        .await?
                        .map(|a| reminder_days(&a.renewal_reminder_days))
                        .unwrap_or_else(|| DEFAULT_REMINDER_DAYS.to_vec());
                    settings.push((order.account_id, d.clone()));
                    d
                }
            };
            let Some(day) = due_reminder(&days, &cert, now) else {
                continue;
            };
            if self.has_live_renewal(order.id).await? {
                continue;
            }
            let tx = self.store.begin().await?;
            if !reminders::claim(&tx, order.id, day, now).await? {
                continue;
            }
            let names = orders::names(&tx, order.id).await?;
            let days_left = (cert.not_after - now).num_days();
            let lang = super::mail_lang::order_lang(&tx, &order).await?;
            let mail = mails::renewal_reminder(lang, &order, &names, days_left);
            mails::queue_all(&tx, &order, &mail, now).await?;
            let group_addresses = groups::for_account(&tx, order.account_id)
                .await?
                .into_iter()
                .find(|g| g.id == order.group_id)
                .map(|g| g.renewal_emails)
                .unwrap_or_default();
            for address in group_addresses
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .filter(|a| {
                    !mails::recipients(&order)
                        .iter()
                        .any(|r| r.eq_ignore_ascii_case(a))
                })
            {
                crate::services::notifications::queue(&tx, &mails::to(&mail, address), now).await?;
            }
            orders::add_event(
                &tx,
                order.id,
                "Rootline",
                "Renewal reminder sent",
                &mail.subject,
                now,
            )
            .await?;
            self.commit_and_send(tx).await?;
            sent.reminders += 1;
        }
        Ok(sent)
    }

    /// The auto-renew orders due now: within `AUTO_RENEW_DAYS` of expiry and not renewed.
    pub async fn due_auto_renewals(&self) -> Result<Vec<DueRenewal>, OrderError> {
        let now = self.clock.now();
        let mut due = Vec::new();
        for (order, cert) in self.candidates().await? {
            if order.auto_renew
                && !super::is_smime(&order)
                && cert.not_after > now
                && cert.not_after - Duration::days(AUTO_RENEW_DAYS) <= now
                && !self.has_live_renewal(order.id).await?
            {
                due.push(DueRenewal {
                    order_id: order.id,
                    account_id: order.account_id,
                    user_id: order.placed_by,
                });
            }
        }
        Ok(due)
    }

    /// Renews an auto-renew order as the user who placed it, paid and approved as their own
    /// order would be; the renewal asks for its CSR like an order placed without one.
    pub async fn auto_renew(&self, caller: &Caller, order_id: i32) -> Result<i32, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let original = self.visible(caller, order_id).await?;
        let form = self.renewal_form(&original, None).await?;
        let placed = self
            .place_linked(
                caller,
                &form,
                Some(original.id),
                false,
                app::model::orders::OrderSource::Portal,
            )
            .await?;
        Ok(placed.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cert(not_before: DateTime<Utc>, not_after: DateTime<Utc>) -> CertificateRow {
        CertificateRow {
            id: 1,
            serial_hex: "01".into(),
            ca_id: 1,
            profile: "tls-dv".into(),
            status: crate::store::certificates::ISSUED.into(),
            subject: String::new(),
            names: String::new(),
            not_before,
            not_after,
            tbs_der: Vec::new(),
            cert_der: Some(Vec::new()),
            created_at: not_before,
            signing_at: None,
            issued_at: None,
            revoked_at: None,
            revocation_reason: None,
            crl_shard: 1,
            precert_der: None,
        }
    }

    #[test]
    fn reminder_days_are_parsed_sorted_and_default_when_unreadable() {
        assert_eq!(reminder_days("30, 7,1,-1 ,-7"), [-7, -1, 1, 7, 30]);
        assert_eq!(reminder_days("90,junk,90"), [-7, -1, 1, 7, 30]);
        assert_eq!(reminder_days(""), [-7, -1, 1, 7, 30]);
    }

    #[test]
    fn the_due_reminder_is_the_latest_passed_day_within_the_certificates_life() {
        let start = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let c = cert(start, start + Duration::days(200));
        let days = reminder_days("30,7,1,-1,-7");
        let at = |d: i64| start + Duration::days(d);
        assert_eq!(due_reminder(&days, &c, at(100)), None);
        assert_eq!(due_reminder(&days, &c, at(170)), Some(30));
        assert_eq!(due_reminder(&days, &c, at(194)), Some(7));
        assert_eq!(due_reminder(&days, &c, at(200)), Some(1));
        assert_eq!(due_reminder(&days, &c, at(208)), Some(-7));
        // Issued 20 days before expiry: no 30-day reminder, the 7-day one when it comes.
        let short = cert(start, start + Duration::days(20));
        assert_eq!(due_reminder(&days, &short, at(1)), None);
        assert_eq!(due_reminder(&days, &short, at(13)), Some(7));
    }
}

use app::model::Permission;
use std::collections::HashMap;

use app::model::{
    AuditEntryView, AuditPage, AuditQuery,
    audit::{AUDIT_PAGE_SIZE, ValidAuditQuery},
};
use chrono::{NaiveDate, TimeZone, Utc};

use super::{AccessError, AccessService};
use crate::{
    services::identity::Caller,
    store::{audit, users},
};

fn day_start(d: (i32, u32, u32)) -> Option<chrono::DateTime<Utc>> {
    NaiveDate::from_ymd_opt(d.0, d.1, d.2)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| Utc.from_utc_datetime(&t))
}

impl AccessService {
    /// One page of the caller's account's audit log, newest first. Only the account's own
    /// entries: an account never sees another's.
    pub async fn audit_page(
        &self,
        caller: &Caller,
        query: &AuditQuery,
    ) -> Result<AuditPage, AccessError> {
        caller.require(Permission::ViewAuditLog)?;
        let q = query.validate().map_err(AccessError::Invalid)?;
        let offset = (q.page - 1) * AUDIT_PAGE_SIZE;
        let (entries, total) = self
            .audit_entries(caller, &q, offset, AUDIT_PAGE_SIZE)
            .await?;
        Ok(AuditPage {
            entries,
            page: q.page,
            total,
            modules: audit::modules_of_account(&self.store, caller.account.id).await?,
        })
    }

    /// Entries of the caller's account matching checked filters, newest first, with the total.
    pub(super) async fn audit_entries(
        &self,
        caller: &Caller,
        q: &ValidAuditQuery,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<AuditEntryView>, u64), AccessError> {
        let filter = audit::AuditFilter {
            account_id: caller.account.id,
            module: q.module.as_deref(),
            user: q.user.as_deref(),
            from: q.from.and_then(day_start),
            // The end date is inclusive: everything before the next day.
            before: q
                .to
                .and_then(day_start)
                .map(|t| t + chrono::Duration::days(1)),
        };
        let (rows, total) = audit::page(&self.store, &filter, offset, limit).await?;
        let mut emails: HashMap<i32, String> = HashMap::new();
        for id in rows.iter().filter_map(|r| r.user_id) {
            if let std::collections::hash_map::Entry::Vacant(slot) = emails.entry(id)
                && let Some(user) = users::find(&self.store, id).await?
            {
                slot.insert(user.email);
            }
        }
        let entries = rows
            .into_iter()
            .map(|r| AuditEntryView {
                id: i64::from(r.id),
                at: r.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                user: r.user_id.and_then(|id| emails.get(&id).cloned()),
                module: r.module,
                action: r.action,
                ip: r.ip,
                summary: r.summary,
            })
            .collect();
        Ok((entries, total))
    }
}

#[cfg(test)]
mod tests {
    use app::model::{AuditQuery, Permission};
    use chrono::Duration;

    use super::*;
    use crate::services::identity::test_support::harness;

    fn filter(module: &str, user: &str, from: &str, to: &str) -> AuditQuery {
        AuditQuery {
            module: module.into(),
            user: user.into(),
            from: from.into(),
            to: to.into(),
            page: None,
        }
    }

    #[tokio::test]
    async fn an_administrator_sees_only_their_accounts_entries_filtered_and_paged() {
        let h = harness().await;
        h.signed_in("asha@example.com").await;
        h.signed_in("ravi@other.example").await;
        // Twelve more sign-ins a day later make two pages.
        h.clock.advance(Duration::days(1));
        for _ in 0..11 {
            h.sign_in("asha@example.com").await;
        }
        let asha = h.sign_in("asha@example.com").await;
        let access = AccessService::for_harness(&h);
        let caller = access
            .authorize(Some(&asha), Permission::ViewAuditLog)
            .await
            .unwrap();
        let all = access
            .audit_page(&caller, &AuditQuery::default())
            .await
            .unwrap();
        assert_eq!(all.entries.len(), 10);
        assert!(all.total >= 15, "{}", all.total);
        assert!(
            all.entries
                .iter()
                .all(|e| e.user.as_deref() == Some("asha@example.com")),
            "another account's entries leaked: {:?}",
            all.entries
        );
        assert!(all.modules.contains(&"identity".to_owned()));
        let second = access
            .audit_page(
                &caller,
                &AuditQuery {
                    page: Some(2),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(second.entries.len() as u64, all.total - 10);
        assert!(second.entries.first().unwrap().id < all.entries.last().unwrap().id);

        // The first day holds the sign-up, activation and first sign-in only.
        let first_day = access
            .audit_page(&caller, &filter("", "", "2026-11-21", "2026-11-21"))
            .await
            .unwrap();
        assert_eq!(first_day.total, all.total - 12);
        let by_user = access
            .audit_page(&caller, &filter("identity", "ASHA@", "", ""))
            .await
            .unwrap();
        assert_eq!(by_user.total, all.total);
        let nobody = access
            .audit_page(&caller, &filter("", "ravi", "", ""))
            .await
            .unwrap();
        assert_eq!(nobody.total, 0, "ravi belongs to another account");
        let wildcard = access
            .audit_page(&caller, &filter("", "%", "", ""))
            .await
            .unwrap();
        assert_eq!(wildcard.total, 0, "% is matched literally");

        let bad = access
            .audit_page(&caller, &filter("", "", "2026-11-22", "2026-11-01"))
            .await;
        assert!(matches!(bad, Err(AccessError::Invalid(e)) if e.get("to").is_some()));
    }

    #[tokio::test]
    async fn roles_without_the_permission_and_visitors_are_refused() {
        let h = harness().await;
        let token = h.signed_in("asha@example.com").await;
        let access = AccessService::for_harness(&h);
        assert!(matches!(
            access.authorize(None, Permission::ViewAuditLog).await,
            Err(AccessError::Unauthenticated)
        ));
        assert!(matches!(
            access
                .authorize(Some("not-a-session"), Permission::ViewAuditLog)
                .await,
            Err(AccessError::Unauthenticated)
        ));
        h.store
            .execute_raw("UPDATE memberships SET role = 'basic_user'")
            .await
            .unwrap();
        assert!(matches!(
            access
                .authorize(Some(&token), Permission::ViewAuditLog)
                .await,
            Err(AccessError::Forbidden(Permission::ViewAuditLog))
        ));
    }
}

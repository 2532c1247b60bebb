//! The operator console: customer accounts, Partner applications, account options. Only
//! operator users (members of the operator's own account) get here.

use app::i18n::Msg;
use app::model::{
    AccountKind, AccountStatus,
    operator::{ACCOUNTS_PAGE_SIZE, AccountView, AccountsPage, AccountsQuery, rejection_reason},
};

use super::{AccessError, AccessService};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::{Caller, Decision},
    },
    store::{accounts, memberships, users},
};

impl AccessService {
    pub async fn accounts_page(
        &self,
        operator: &Caller,
        query: &AccountsQuery,
    ) -> Result<AccountsPage, AccessError> {
        operator.require_operator()?;
        let status = match query.status.trim() {
            "" => None,
            s => Some(AccountStatus::parse(s).ok_or_else(|| {
                AccessError::Invalid(app::model::FieldErrors::single(
                    "status",
                    Msg::new("err-choose-status-list"),
                ))
            })?),
        };
        let page = app::model::field_errors::page_number(query.page)
            .map_err(|m| AccessError::Invalid(app::model::FieldErrors::single("page", m)))?;
        let (rows, total) = accounts::page_for_operator(
            &self.store,
            status.map(AccountStatus::as_str),
            (page - 1) * ACCOUNTS_PAGE_SIZE,
            ACCOUNTS_PAGE_SIZE,
        )
        .await?;
        let mut views = Vec::with_capacity(rows.len());
        for a in rows {
            let administrator = match memberships::first_administrator(&self.store, a.id).await? {
                Some(m) => users::find(&self.store, m.user_id)
                    .await?
                    .map(|u| u.email)
                    .unwrap_or_default(),
                None => String::new(),
            };
            let (kind, status) = (*a.kind, *a.status);
            views.push(AccountView {
                id: a.id,
                name: a.name,
                kind,
                status,
                country: a.country,
                created: app::model::Day::from(a.created_at),
                administrator,
                multiple_groups: a.multiple_groups,
            });
        }
        Ok(AccountsPage {
            accounts: views,
            page,
            total,
        })
    }

    /// Approves a waiting Partner application (the applicant gets the activation e-mail) or
    /// rejects it with a reason the applicant reads.
    pub async fn review_partner(
        &self,
        operator: &Caller,
        account_id: i32,
        approve: bool,
        reason: &str,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        operator.require_operator()?;
        let decision = if approve {
            Decision::Approve
        } else {
            Decision::Reject {
                reason: rejection_reason(reason).map_err(AccessError::Invalid)?,
            }
        };
        let account = accounts::find(&self.store, account_id)
            .await?
            .filter(|a| *a.kind != AccountKind::Operator)
            .ok_or(AccessError::NotFound)?;
        Ok(self
            .identity
            .review_partner(account.id, operator.user.id, decision, ip)
            .await?)
    }

    /// Lets an account create groups beyond its default one, or stops it.
    pub async fn set_multiple_groups(
        &self,
        operator: &Caller,
        account_id: i32,
        enabled: bool,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        operator.require_operator()?;
        let account = accounts::find(&self.store, account_id)
            .await?
            .filter(|a| *a.kind != AccountKind::Operator)
            .ok_or(AccessError::NotFound)?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        accounts::set_multiple_groups(&tx, account.id, enabled).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(account.id),
                user_id: Some(operator.user.id),
                ip,
                module: "operator",
                action: "multiple_groups",
                summary: format!(
                    "Multiple groups {} for {}",
                    if enabled { "enabled" } else { "disabled" },
                    account.name
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

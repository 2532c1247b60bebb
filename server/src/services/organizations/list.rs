//! The organizations list: search by name or registration number, filter by status, page.

use app::model::{
    FieldErrors, Permission,
    field_errors::page_number,
    organizations::{ORGANIZATIONS_PER_PAGE, OrganizationsPage, OrganizationsQuery, StatusFilter},
};

use super::{OrganizationError, OrganizationService, account, summary};
use crate::{services::identity::Caller, store::organizations};

/// The list's search, checked.
pub(super) struct ValidQuery {
    pub text: String,
    pub status: Option<StatusFilter>,
    pub page: u64,
}

pub(super) fn validate(q: &OrganizationsQuery) -> Result<ValidQuery, OrganizationError> {
    let mut e = FieldErrors::new();
    let status = e.check("status", StatusFilter::parse(&q.status));
    let page = e.check("page", page_number(q.page));
    let text = q.search.trim();
    if text.chars().count() > 100 {
        e.add("search", app::i18n::Msg::new("err-search-too-long"));
    }
    match (status, page) {
        (Some(status), Some(page)) if e.is_empty() => Ok(ValidQuery {
            text: text.to_owned(),
            status,
            page,
        }),
        _ => Err(OrganizationError::Invalid(e)),
    }
}

impl OrganizationService {
    pub async fn organizations_page(
        &self,
        caller: &Caller,
        query: &OrganizationsQuery,
    ) -> Result<OrganizationsPage, OrganizationError> {
        caller.require(Permission::RequestCertificates)?;
        let q = validate(query)?;
        let now = self.clock.now();
        let (rows, total) = organizations::search(
            &self.store,
            &organizations::Search {
                account: account(caller),
                text: Some(&q.text),
                status: q.status,
                now,
            },
            q.page,
            ORGANIZATIONS_PER_PAGE,
        )
        .await?;
        Ok(OrganizationsPage {
            organizations: rows.into_iter().map(|r| summary(r, now)).collect(),
            page: q.page,
            total,
            can_manage: caller.can(Permission::ManageOrganizations),
        })
    }
}

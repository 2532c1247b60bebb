//! The domains page: the account's domains with their standing.

use crate::services::identity::Caller;
use app::model::Permission;
use app::model::domains::{DomainNeed, DomainsPage};

use super::{ValidationError, ValidationService, view};
use crate::store::domains;

impl ValidationService {
    /// The caller's account's domains, for a user who manages them; with `needs`, only those.
    pub async fn domains_page_for(
        &self,
        caller: &Caller,
        needs: Option<DomainNeed>,
    ) -> Result<DomainsPage, ValidationError> {
        caller.require(Permission::ManageDomains)?;
        let mut page = self.domains_page(caller.account.id, true).await?;
        if let Some(need) = needs {
            page.domains.retain(|d| need.includes(d.status));
            page.only_to_validate = true;
        }
        Ok(page)
    }

    pub async fn domains_page(
        &self,
        account_id: i32,
        can_manage: bool,
    ) -> Result<DomainsPage, ValidationError> {
        let now = self.clock.now();
        let rows = domains::for_account(&self.store, account_id).await?;
        Ok(DomainsPage {
            domains: rows.iter().map(|d| view(d, now)).collect(),
            can_manage,
            only_to_validate: false,
        })
    }
}

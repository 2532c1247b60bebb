//! The domains page: the account's domains with their standing.

use crate::services::identity::Caller;
use app::model::Permission;
use app::model::domains::DomainsPage;

use super::{ValidationError, ValidationService, view};
use crate::store::domains;

impl ValidationService {
    /// The caller's account's domains, for a user who manages them.
    pub async fn domains_page_for(&self, caller: &Caller) -> Result<DomainsPage, ValidationError> {
        caller.require(Permission::ManageDomains)?;
        self.domains_page(caller.account.id, true).await
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
        })
    }
}

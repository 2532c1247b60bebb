//! The domains page: the account's domains with their standing.

use crate::services::identity::Caller;
use app::model::Permission;
use app::model::domains::{DomainNeed, DomainsPage};

use super::{ValidationError, ValidationService};
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
        let names: Vec<String> = rows.iter().map(|d| d.name.clone()).collect();
        let mut rounds = self.corroboration_views(account_id, &names).await?;
        Ok(DomainsPage {
            domains: rows
                .iter()
                .map(|d| {
                    let mut v = self.view_of(d, now);
                    v.corroboration = rounds.remove(&d.name.to_ascii_lowercase());
                    v
                })
                .collect(),
            can_manage,
            only_to_validate: false,
            methods: self.offered_methods(now),
            email_discouraged: self.email_sunset(now),
            persist: Some(self.persist_help(account_id)),
        })
    }
}

//! The domains page: the account's domains with their standing.

use app::model::domains::DomainsPage;

use super::{ValidationError, ValidationService, view};
use crate::store::domains;

impl ValidationService {
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

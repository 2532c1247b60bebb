//! What the order wizard starts from (ORD-2).

use app::model::{Permission, billing::format_money, domains::DomainStatus, orders::WizardData};

use super::{OrderError, OrderService};
use crate::services::{billing, identity::Caller, validation};

impl OrderService {
    pub async fn wizard(&self, caller: &Caller) -> Result<WizardData, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let offers = self
            .catalog
            .offers(caller, caller.account.currency.as_str())
            .await?
            .into_iter()
            // S/MIME products have their own order page (a mailbox, not domain names).
            .filter(|o| !o.kind.is_smime())
            .collect();
        let mut groups = Vec::new();
        for g in self.usable_groups(caller).await? {
            let balance = billing::payer_balance(&self.store, caller.account.id, g.id).await?;
            let source = if balance.from_group {
                "group balance"
            } else {
                "account balance"
            };
            groups.push((
                g.id,
                format!(
                    "{} — {} {}",
                    g.name,
                    source,
                    format_money(balance.balance_minor, &balance.currency)
                ),
            ));
        }
        let now = self.clock.now();
        let verified_domains = crate::store::domains::for_account(&self.store, caller.account.id)
            .await?
            .iter()
            .filter(|d| validation::status(d, now) == DomainStatus::Verified)
            .map(|d| d.name.clone())
            .collect();
        Ok(WizardData {
            offers,
            groups,
            requester_name: caller.user.name.clone(),
            requester_email: caller.user.email.clone(),
            needs_approval: !caller.can(Permission::ApproveOrders),
            verified_domains,
        })
    }
}

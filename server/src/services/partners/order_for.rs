//! The order wizard's "Order for" choice: a partner's user picks the partner or one of the
//! sub-accounts they look after, and the session moves there before the order is placed
//! ("Order for Sub-accounts"). The session may already be in one of the partner's
//! sub-accounts, so the question is asked of the user's membership of the partner.

use app::model::{
    AccountStatus, Permission,
    sub_accounts::{OrderForChoices, OrderForOption},
};

use super::{PartnerError, PartnerService, require_partner};
use crate::services::identity::Caller;

impl PartnerService {
    /// The caller as a member of the partner they may order for sub-accounts of: themselves
    /// when the session is in the partner, their membership of the parent when it is in one of
    /// its sub-accounts. `None` for anyone who may not order for sub-accounts.
    async fn ordering_partner(&self, caller: &Caller) -> Result<Option<Caller>, PartnerError> {
        let partner = match caller.account.parent_account_id {
            None => Some(caller.clone()),
            Some(parent) => self.identity.acting_for(caller.user.id, parent).await?,
        };
        Ok(partner.filter(|p| {
            require_partner(p).is_ok()
                && p.can(Permission::ManageSubAccounts)
                && p.can(Permission::RequestCertificates)
        }))
    }

    /// The partner and the active sub-accounts the caller may order for, or `None` when
    /// there is nothing to choose (not a partner's user, or no active sub-account).
    pub async fn order_for_choices(
        &self,
        caller: &Caller,
    ) -> Result<Option<OrderForChoices>, PartnerError> {
        let Some(partner) = self.ordering_partner(caller).await? else {
            return Ok(None);
        };
        let mut subs: Vec<OrderForOption> = self
            .reachable(&partner)
            .await?
            .into_iter()
            .filter(|a| *a.status == AccountStatus::Active)
            .map(|a| OrderForOption {
                id: a.id,
                name: a.name,
                partner: false,
            })
            .collect();
        if subs.is_empty() {
            return Ok(None);
        }
        subs.sort_by_key(|a| a.name.to_lowercase());
        let mut options = vec![OrderForOption {
            id: partner.account.id,
            name: partner.account.name.clone(),
            partner: true,
        }];
        options.extend(subs);
        Ok(Some(OrderForChoices {
            current: caller.account.id,
            options,
        }))
    }

    /// Readies the account the caller chose to order for: the partner and the account the
    /// session is in need nothing; a sub-account gets the caller as a Sub Account User member
    /// (`act_for`). The caller's session then switches there. Anything else is "not found".
    pub async fn order_for(
        &self,
        caller: &Caller,
        account_id: i32,
        ip: Option<String>,
    ) -> Result<(), PartnerError> {
        let partner = self
            .ordering_partner(caller)
            .await?
            .ok_or(PartnerError::NotFound)?;
        if account_id == caller.account.id || account_id == partner.account.id {
            return Ok(());
        }
        self.act_for(&partner, account_id, ip).await
    }
}

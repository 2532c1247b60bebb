//! Which of the account's orders a caller reaches (ID-9 group access): users without the
//! group's orders see only their own; users limited to some groups see their own and those
//! groups' orders; administrators and users who work in every group see all.
//! Every order use case loads through `visible`, and the list and its export search with the
//! same reach, so an order outside it answers "not found" everywhere, like another account's.

use app::model::{Permission, Role, group_members::can_use, users::GroupAccess};

use super::{OrderError, OrderService};
use crate::{
    services::identity::Caller,
    store::{GroupRow, OrderRow, group_members, groups, memberships, orders, orders::Reach},
};

impl OrderService {
    /// Of `account_groups`, those the caller works in: added to them, or there through access
    /// to all groups (which a restricted group does not give).
    pub(super) async fn groups_worked_in(
        &self,
        caller: &Caller,
        account_groups: Vec<GroupRow>,
    ) -> Result<Vec<GroupRow>, OrderError> {
        // Read afresh: an administrator may have just changed the user's groups.
        let membership = memberships::find(&self.store, caller.user.id, caller.account.id)
            .await?
            .ok_or(OrderError::NotFound)?;
        let all = *membership.group_access == GroupAccess::All;
        let mut out = Vec::new();
        for g in account_groups {
            let member = group_members::of_group(
                &self.store,
                app::model::AccountId(g.account_id),
                app::model::GroupId(g.id),
            )
            .await?
            .contains(&membership.id);
            if can_use(g.restricted, all, member) {
                out.push(g);
            }
        }
        Ok(out)
    }

    /// The orders of the account the caller reaches.
    pub(super) async fn reach(&self, caller: &Caller) -> Result<Reach, OrderError> {
        if !caller.can(Permission::ViewGroupOrders) {
            return Ok(Reach::Own(caller.user.id));
        }
        // Administrators hold every permission of the account and answer for all of it.
        if caller.role == Role::Administrator {
            return Ok(Reach::All);
        }
        let account_groups = groups::for_account(&self.store, caller.account.id).await?;
        let total = account_groups.len();
        let worked_in = self.groups_worked_in(caller, account_groups).await?;
        if worked_in.len() == total {
            return Ok(Reach::All);
        }
        Ok(Reach::OwnAndGroups {
            user_id: caller.user.id,
            group_ids: worked_in.iter().map(|g| g.id).collect(),
        })
    }

    /// `visible` for the services that act on an order besides this one (ACME's "Renew
    /// early"), so they follow the same reach.
    pub async fn order_in_reach(&self, caller: &Caller, id: i32) -> Result<OrderRow, OrderError> {
        // Self-service: reach is the check itself; callers add their permission.
        self.visible(caller, id).await
    }

    /// An order of the caller's account within the caller's reach; any other answers
    /// "not found", the same as another account's.
    pub(super) async fn visible(&self, caller: &Caller, id: i32) -> Result<OrderRow, OrderError> {
        let o = orders::get(&self.store, caller.account.id, id)
            .await?
            .ok_or(OrderError::NotFound)?;
        if !self.reach(caller).await?.includes(&o) {
            return Err(OrderError::NotFound);
        }
        Ok(o)
    }
}

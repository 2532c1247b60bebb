//! Telling the account's approvers at once that an order waits for them: every active user
//! of the account who may approve orders and reaches the order gets a mail with a link to the
//! order's page, queued in the transaction that made the order wait.

use app::model::{
    AccountId, GroupId, Permission, Role,
    group_members::can_use,
    roles::{AssignedRole, load_permissions},
    user_status::UserStatus,
    users::GroupAccess,
};
use chrono::{DateTime, Utc};

use super::{OrderError, OrderService, mails};
use crate::store::{
    MembershipRow, OrderRow, Tx, custom_roles, group_members, groups, memberships, users,
};

impl OrderService {
    /// Queues the "waits for your approval" mail in `tx` to each approver of `order`.
    pub(super) async fn notify_approvers(
        &self,
        tx: &Tx,
        order: &OrderRow,
        names: &[String],
        now: DateTime<Utc>,
    ) -> Result<(), OrderError> {
        let link = format!("{}/orders/{}", self.public_url, order.id);
        for m in memberships::active_for_account(tx, order.account_id).await? {
            if !self.approves(tx, order, &m).await? {
                continue;
            }
            let Some(user) = users::find(tx, m.user_id).await? else {
                continue;
            };
            if *user.status != UserStatus::Active {
                continue;
            }
            // An approver is a user: they read it in their own language.
            let lang = user.lang.map(|l| l.into_inner()).unwrap_or_default();
            let mail = mails::awaits_approval(lang, order, names, &user.name, &user.email, &link);
            crate::services::notifications::queue(tx, &mail, now).await?;
        }
        Ok(())
    }

    /// Whether the member may approve orders and reaches `order` (the same reach as the
    /// order list's: administrators all, others their own and the groups they work in).
    async fn approves(
        &self,
        tx: &Tx,
        order: &OrderRow,
        m: &MembershipRow,
    ) -> Result<bool, OrderError> {
        let (role, permissions) = match *m.role {
            AssignedRole::BuiltIn(r) => (r, r.permissions().to_vec()),
            AssignedRole::Custom(id) => (
                Role::Custom,
                custom_roles::find(tx, order.account_id, id)
                    .await?
                    .map(|c| load_permissions(&c.permissions))
                    .unwrap_or_default(),
            ),
        };
        if !permissions.contains(&Permission::ApproveOrders) {
            return Ok(false);
        }
        if role == Role::Administrator || m.user_id == order.placed_by {
            return Ok(true);
        }
        if !permissions.contains(&Permission::ViewGroupOrders) {
            return Ok(false);
        }
        let Some(group) = groups::for_account(tx, order.account_id)
            .await?
            .into_iter()
            .find(|g| g.id == order.group_id)
        else {
            return Ok(false);
        };
        let member = group_members::of_group(tx, AccountId(order.account_id), GroupId(group.id))
            .await?
            .contains(&m.id);
        Ok(can_use(
            group.restricted,
            *m.group_access == GroupAccess::All,
            member,
        ))
    }
}

//! A sub-account's order waits for its partner ("Order pending for parent approval"): the
//! partner's approvers are mailed; an approver of the partner approves it, which charges the
//! partner's balance the partner's price, or rejects it with a reason the requester is mailed.

use app::model::{
    AccountKind, Permission, Role,
    order_status::{OrderEvent, OrderStatus},
    roles::{AssignedRole, load_permissions},
    user_status::UserStatus,
};
use chrono::{DateTime, Utc};

use super::{OrderError, OrderService, approve::reason_of, mails, step};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{OrderRow, Tx, custom_roles, memberships, orders, users},
};

/// Only a partner's approvers answer for its sub-accounts; any other caller finds nothing.
fn require_partner_approver(caller: &Caller) -> Result<(), OrderError> {
    caller.require(Permission::ApproveOrders)?;
    if caller.kind != AccountKind::Partner
        || caller.account.parent_account_id.is_some()
        || caller.role == Role::SubAccountUser
    {
        return Err(OrderError::NotFound);
    }
    Ok(())
}

impl OrderService {
    /// The partner approves its sub-account's order and pays the partner price from its
    /// balance (its default group, as the seeds say); the order then goes on as any paid one.
    pub async fn approve_for_sub_account(
        &self,
        caller: &Caller,
        order_id: i32,
    ) -> Result<OrderStatus, OrderError> {
        require_partner_approver(caller)?;
        let order = orders::partner::find(&self.store, caller.account.id, order_id)
            .await?
            .ok_or(OrderError::NotFound)?;
        let actor = format!("{} ({})", caller.user.name, caller.account.name);
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        step(
            &tx,
            &order,
            OrderEvent::ApproveAndPay,
            &actor,
            "Approved and paid by the partner",
            None,
            now,
        )
        .await?;
        self.charge(&tx, caller, &order, order.group_id, now)
            .await?;
        self.record_for_both(
            &tx,
            caller,
            &order,
            "sub_account_order_approved",
            format!(
                "Order #{} of a sub-account approved and paid by the partner",
                order.id
            ),
            now,
        )
        .await?;
        let names = orders::names(&tx, order.id).await?;
        if order.private_ca.is_none() && !super::is_smime(&order) {
            self.validation
                .cover(&tx, order.account_id, &names, now)
                .await?;
        }
        if super::is_smime(&order) {
            self.smime_paid(&tx, &order, now).await?;
        }
        self.commit_and_send(tx).await?;
        self.try_issue(order.account_id, order.id, &actor).await
    }

    /// The partner rejects its sub-account's order with a reason; the requester is mailed it.
    pub async fn reject_for_sub_account(
        &self,
        caller: &Caller,
        order_id: i32,
        reason: &str,
    ) -> Result<OrderStatus, OrderError> {
        require_partner_approver(caller)?;
        let reason = reason_of(reason)?;
        let order = orders::partner::find(&self.store, caller.account.id, order_id)
            .await?
            .ok_or(OrderError::NotFound)?;
        if *order.status != OrderStatus::PendingParentApproval {
            return Err(OrderError::Refused(
                app::i18n::Msg::new("err-order-cannot-done-now")
                    .arg("from", app::i18n::Msg::new(order.status.key())),
            ));
        }
        let actor = format!("{} ({})", caller.user.name, caller.account.name);
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let to = step(
            &tx,
            &order,
            OrderEvent::Reject,
            &actor,
            &reason,
            Some(&reason),
            now,
        )
        .await?;
        self.record_for_both(
            &tx,
            caller,
            &order,
            "sub_account_order_rejected",
            format!(
                "Order #{} of a sub-account rejected by the partner: {reason}",
                order.id
            ),
            now,
        )
        .await?;
        crate::store::order_links::release_renewal(&tx, order.id).await?;
        let names = orders::names(&tx, order.id).await?;
        let lang = super::mail_lang::order_lang(&tx, &order).await?;
        let mail = mails::rejected_by_partner(lang, &order, &names, &caller.account.name, &reason);
        crate::services::notifications::queue(&tx, &mail, now).await?;
        self.commit_and_send(tx).await?;
        Ok(to)
    }

    /// The audit entry in the partner's log and in the sub-account's.
    async fn record_for_both(
        &self,
        tx: &Tx,
        caller: &Caller,
        order: &OrderRow,
        action: &str,
        summary: String,
        now: DateTime<Utc>,
    ) -> Result<(), OrderError> {
        for account_id in [caller.account.id, order.account_id] {
            audit::record(
                tx,
                now,
                AuditEntry {
                    account_id: Some(account_id),
                    user_id: Some(caller.user.id),
                    ip: None,
                    module: "orders",
                    action,
                    summary: summary.clone(),
                },
            )
            .await?;
        }
        Ok(())
    }

    /// Queues the "waits for your approval" mail to each active approver of the partner, with
    /// a link to the partner's sub-accounts page where they answer.
    pub(super) async fn notify_partner(
        &self,
        tx: &Tx,
        partner_account_id: i32,
        order: &OrderRow,
        names: &[String],
        now: DateTime<Utc>,
    ) -> Result<(), OrderError> {
        let link = format!("{}/sub-accounts#waiting", self.public_url);
        for m in memberships::active_for_account(tx, partner_account_id).await? {
            let approves = match *m.role {
                AssignedRole::BuiltIn(r) => {
                    r != Role::SubAccountUser && r.can(Permission::ApproveOrders)
                }
                AssignedRole::Custom(id) => custom_roles::find(tx, partner_account_id, id)
                    .await?
                    .is_some_and(|c| {
                        load_permissions(&c.permissions).contains(&Permission::ApproveOrders)
                    }),
            };
            if !approves {
                continue;
            }
            let Some(user) = users::find(tx, m.user_id).await? else {
                continue;
            };
            if *user.status != UserStatus::Active {
                continue;
            }
            let lang = user.lang.map(|l| l.into_inner()).unwrap_or_default();
            let mail = mails::awaits_approval(lang, order, names, &user.name, &user.email, &link);
            crate::services::notifications::queue(tx, &mail, now).await?;
        }
        Ok(())
    }
}

//! An administrator approves a pending order (which pays for it) or rejects it with a
//! reason (ORD-4).

use app::i18n::Msg;
use app::model::{
    FieldErrors, Permission,
    order_status::{OrderEvent, OrderStatus},
};

use super::{OrderError, OrderService, step};
use crate::{services::identity::Caller, store::orders};

pub(super) fn reason_of(raw: &str) -> Result<String, OrderError> {
    let reason = raw.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(OrderError::Invalid(FieldErrors::single(
            "reason",
            Msg::new("err-give-reason-up-500-characters"),
        )));
    }
    Ok(reason.to_owned())
}

impl OrderService {
    pub async fn approve(&self, caller: &Caller, order_id: i32) -> Result<OrderStatus, OrderError> {
        caller.require(Permission::ApproveOrders)?;
        let order = self.visible(caller, order_id).await?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        step(
            &tx,
            &order,
            OrderEvent::ApproveAndPay,
            &caller.user.name,
            "Approved and paid",
            None,
            now,
        )
        .await?;
        self.charge(&tx, caller, &order, order.group_id, now)
            .await?;
        super::audit_order(
            &tx,
            caller,
            "order_approved",
            format!("Order #{} approved and paid", order.id),
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
        self.try_issue(order.account_id, order.id, &caller.user.name)
            .await
    }

    /// Rejects an order waiting for approval, or a draft.
    pub async fn reject(
        &self,
        caller: &Caller,
        order_id: i32,
        reason: &str,
    ) -> Result<OrderStatus, OrderError> {
        caller.require(Permission::ApproveOrders)?;
        let reason = reason_of(reason)?;
        let order = self.visible(caller, order_id).await?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let to = step(
            &tx,
            &order,
            OrderEvent::Reject,
            &caller.user.name,
            &reason,
            Some(&reason),
            now,
        )
        .await?;
        super::audit_order(
            &tx,
            caller,
            "order_rejected",
            format!("Order #{} rejected: {reason}", order.id),
            now,
        )
        .await?;
        crate::store::order_links::release_renewal(&tx, order.id).await?;
        tx.commit().await?;
        Ok(to)
    }
}

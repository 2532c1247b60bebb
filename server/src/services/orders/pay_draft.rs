//! "Proceed to pay" on a draft (On Hold): it is paid and placed, or goes for approval when
//! the caller's orders need it (ORD-4).

use app::model::{
    Permission,
    order_status::{OrderEvent, OrderStatus},
};

use super::{OrderError, OrderService, place::submission, step};
use crate::{services::identity::Caller, store::orders};

impl OrderService {
    pub async fn pay_draft(
        &self,
        caller: &Caller,
        order_id: i32,
    ) -> Result<OrderStatus, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let order = self.visible(caller, order_id).await?;
        let product = self
            .catalog
            .product_for_order(caller.account.id, order.product_id, order.currency.as_str())
            .await?;
        self.check_issuable(&product).await?;
        let event = submission(caller, &product, false).unwrap_or(OrderEvent::SubmitForApproval);
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let to = step(
            &tx,
            &order,
            event,
            &caller.user.name,
            "Submitted from the draft",
            None,
            now,
        )
        .await?;
        if to == OrderStatus::Accepted {
            self.charge(&tx, caller, &order, order.group_id, now)
                .await?;
        }
        super::audit_order(
            &tx,
            caller,
            "order_submitted",
            format!("Draft order #{} submitted: {}", order.id, to.label()),
            now,
        )
        .await?;
        let names = orders::names(&tx, order.id).await?;
        if order.private_ca.is_none() {
            self.validation
                .cover(&tx, order.account_id, &names, now)
                .await?;
        }
        if to == OrderStatus::PendingApproval {
            self.notify_approvers(&tx, &order, &names, now).await?;
        }
        self.commit_and_send(tx).await?;
        if to == OrderStatus::Accepted {
            return self
                .try_issue(order.account_id, order.id, &caller.user.name)
                .await;
        }
        Ok(to)
    }
}

//! Editing what may change on a placed order (ORD-8): reporting tags and remarks, the
//! additional e-mail recipients and auto-renew. Later e-mails go to the new recipients.

use app::i18n::Msg;
use app::model::{order_actions::EditOrderForm, order_status::OrderStatus};

use super::{OrderError, OrderService, certificate::may_manage};
use crate::{services::identity::Caller, store::orders};

impl OrderService {
    pub async fn edit(&self, caller: &Caller, form: &EditOrderForm) -> Result<(), OrderError> {
        // Self-service: the order's own reach and the edit rules decide (any signed-in user).
        let order = self.visible(caller, form.order_id).await?;
        may_manage(caller, &order)?;
        let valid = form.validate().map_err(OrderError::Invalid)?;
        let status = *order.status;
        if matches!(status, OrderStatus::Cancelled | OrderStatus::Rejected) {
            return Err(OrderError::Refused(
                Msg::new("err-order-status-can-no-longer").arg("status", Msg::new(status.key())),
            ));
        }
        let now = self.clock.now();
        let tags = valid.tags.join(",");
        let extra = valid.extra_emails.join(",");
        let tx = self.store.begin().await?;
        orders::set_details(
            &tx,
            order.account_id,
            order.id,
            orders::Details {
                tags: &tags,
                remarks: &valid.remarks,
                extra_emails: &extra,
                auto_renew: valid.auto_renew,
            },
            now,
        )
        .await?;
        let mut changed = Vec::new();
        if tags != order.tags {
            changed.push(format!(
                "tags: {}",
                if tags.is_empty() { "none" } else { &tags }
            ));
        }
        if valid.remarks != order.remarks {
            changed.push("remarks".to_owned());
        }
        if extra != order.extra_emails {
            changed.push(format!(
                "additional recipients: {}",
                if extra.is_empty() { "none" } else { &extra }
            ));
        }
        if valid.auto_renew != order.auto_renew {
            changed.push(format!(
                "auto-renew {}",
                if valid.auto_renew { "on" } else { "off" }
            ));
        }
        if changed.is_empty() {
            return Ok(());
        }
        let summary = changed.join("; ");
        orders::add_event(&tx, order.id, &caller.user.name, "Edited", &summary, now).await?;
        super::audit_order(
            &tx,
            caller,
            "order_edited",
            format!("Order #{} edited: {summary}", order.id),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

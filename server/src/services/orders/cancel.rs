//! Cancelling an order that is not issued yet, with remarks; a paid one is refunded to where
//! the money came from, in the same transaction (ORD-8, FIN-2).

use app::model::Permission;
use app::model::order_status::{OrderEvent, OrderStatus};

use super::{OrderError, OrderService, approve::reason_of as checked_reason, step};
use crate::services::{billing, identity::Caller};

impl OrderService {
    pub async fn cancel(
        &self,
        caller: &Caller,
        order_id: i32,
        remarks: &str,
    ) -> Result<OrderStatus, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let order = self.visible(caller, order_id).await?;
        super::certificate::may_manage(caller, &order)?;
        let remarks = checked_reason(remarks)?;
        let was_paid = order.status.is_paid();
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let to = step(
            &tx,
            &order,
            OrderEvent::Cancel,
            &caller.user.name,
            &remarks,
            Some(&remarks),
            now,
        )
        .await?;
        super::audit_order(
            &tx,
            caller,
            "order_cancelled",
            format!("Order #{} cancelled: {remarks}", order.id),
            now,
        )
        .await?;
        if was_paid {
            // A sub-account's order was paid by its partner: the partner gets the money back.
            let (payer, currency) = match order.partner_account_id {
                Some(partner) => (
                    partner,
                    *crate::store::accounts::find(&tx, partner)
                        .await?
                        .ok_or(OrderError::NotFound)?
                        .currency,
                ),
                None => (order.account_id, *order.currency),
            };
            let refunded = billing::refund_order(
                &tx,
                payer,
                order.id,
                Some(caller.user.id),
                now,
                &self.public_url,
            )
            .await?;
            if refunded > 0 {
                let note = crate::store::credit_notes::insert(
                    &tx, payer, order.id, refunded, currency, &remarks, now,
                )
                .await?;
                crate::store::orders::add_event(
                    &tx,
                    order.id,
                    &caller.user.name,
                    "Refunded",
                    &format!(
                        "{} returned; credit note {}",
                        app::model::billing::format_money(refunded, currency.as_str()),
                        app::model::order_actions::credit_note_number(note.id)
                    ),
                    now,
                )
                .await?;
            }
        }
        // A cancelled renewal frees its original for another renewal.
        crate::store::order_links::release_renewal(&tx, order.id).await?;
        tx.commit().await?;
        Ok(to)
    }
}

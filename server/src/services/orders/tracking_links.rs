//! Handing out tracking links: each recipient's own, derived from the tracking key and stored
//! (as the hash of its token) the first time it is mailed or shown.

use app::model::orders::TrackingScope;
use chrono::{DateTime, Utc};

use super::{
    OrderError, OrderService,
    mails::{self, Recipient},
};
use crate::{
    ports::Mail,
    services::notifications,
    store::{Db, OrderRow, Tx, tracking_links},
};

impl OrderService {
    /// The token of `recipient`'s link to `order` with `scope`, stored in `db` if it is not yet.
    pub(super) async fn tracking_token(
        &self,
        db: &impl Db,
        order: &OrderRow,
        recipient: &str,
        scope: TrackingScope,
    ) -> Result<String, OrderError> {
        let recipient = recipient.trim().to_lowercase();
        let token = self.tracking_key.token(order.id, &recipient, scope);
        tracking_links::add(
            db,
            tracking_links::NewLink {
                order_id: order.id,
                account_id: order.account_id,
                recipient: &recipient,
                scope,
                token_hash: &token.hash,
            },
            self.clock.now(),
        )
        .await?;
        Ok(token.plain)
    }

    /// The requester's link, which the order page, REST and a placed order show to a user
    /// who may see the order.
    pub(super) async fn requester_link(
        &self,
        db: &impl Db,
        order: &OrderRow,
    ) -> Result<String, OrderError> {
        let token = self
            .tracking_token(db, order, &order.requester_email, TrackingScope::Requester)
            .await?;
        Ok(self.tracking_url(&token))
    }

    /// Queues, in `tx`, the mail `write` makes for each recipient of the order with their own
    /// link.
    pub(super) async fn queue_tracked(
        &self,
        tx: &Tx,
        order: &OrderRow,
        at: DateTime<Utc>,
        write: impl Fn(&Recipient, &str) -> Mail,
    ) -> Result<(), OrderError> {
        for to in mails::addressed(order) {
            let token = self
                .tracking_token(tx, order, &to.address, to.scope())
                .await?;
            notifications::queue(tx, &write(&to, &self.tracking_url(&token)), at).await?;
        }
        Ok(())
    }
}

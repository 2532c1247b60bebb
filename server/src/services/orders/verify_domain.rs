//! Verify Now on one domain of an order: by the tracking link's holder, or by a user who may
//! see the order (the REST API). Issues the order when that was its last step.

use super::{OrderError, OrderService};
use crate::{
    services::{identity::Caller, validation::CheckOutcome},
    store::{OrderRow, orders},
};

impl OrderService {
    pub async fn verify_order_domain(
        &self,
        caller: &Caller,
        order_id: i32,
        domain_id: i32,
        via: &str,
    ) -> Result<CheckOutcome, OrderError> {
        // Self-service: anyone who reaches the order may check its domains, as its tracking link may.
        let o = self.visible(caller, order_id).await?;
        let actor = format!("{} ({via})", caller.user.name);
        self.verify_domain_of(&o, domain_id, &actor).await
    }

    pub(super) async fn verify_domain_of(
        &self,
        o: &OrderRow,
        domain_id: i32,
        actor: &str,
    ) -> Result<CheckOutcome, OrderError> {
        self.order_domain(o, domain_id).await?;
        let lang = super::mail_lang::order_lang(&self.store, o).await?;
        let outcome = self
            .validation
            .verify(o.account_id, domain_id, lang)
            .await?;
        let detail = match &outcome {
            CheckOutcome::Verified { .. } => "Domain control verified".to_owned(),
            CheckOutcome::NotYet(why) => format!("Not verified yet: {why}"),
            CheckOutcome::EmailSent(to) => format!("Validation e-mail sent to {to}"),
        };
        if matches!(outcome, CheckOutcome::Verified { .. }) {
            self.progressed(o, actor, &detail).await?;
            self.try_issue(o.account_id, o.id, actor).await?;
        } else {
            orders::add_event(
                &self.store,
                o.id,
                actor,
                "Validation",
                &detail,
                self.clock.now(),
            )
            .await?;
        }
        Ok(outcome)
    }
}

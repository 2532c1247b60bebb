//! The new-request wizard without JavaScript (ORD-2): each step is a post that the server
//! checks by the browser wizard's own rules, keeps under the page's one-use token and answers
//! with a redirect to the next page; the last step places the order once.

use app::model::{
    Permission,
    order_form_post::{WizardGo, WizardPost, name_rules, step_of},
    orders::WizardStep,
};

use super::{OrderError, OrderService, wizard::order_form_owner};
use crate::{services::identity::Caller, store::order_forms};

/// How long a form half-way through the wizard is kept, in days.
pub const ABANDONED_AFTER_DAYS: i64 = 7;

impl OrderService {
    /// Takes one post of the wizard and returns where the browser goes next: the wizard
    /// again (`/orders/new?form=…`, on the next step or with the errors to fix), or the order
    /// the form placed. A token that placed its order already goes to that order.
    pub async fn wizard_step(
        &self,
        caller: &Caller,
        mut post: WizardPost,
    ) -> Result<String, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let owner = order_form_owner(caller);
        let token = post.token.clone();
        let kept = order_forms::find(&self.store, token.as_str(), owner).await?;
        if let Some(id) = kept.and_then(|row| row.order_id) {
            return Ok(placed_page(id));
        }
        let offers = self
            .catalog
            .offers(caller, caller.account.currency.as_str())
            .await?;
        let offer = offers.iter().find(|o| o.id == post.form.product_id);
        // The browser counts a UCC order's domains as it goes; here the names decide.
        let (mut step, mut errors) = post.advance(name_rules(offer, u32::MAX));
        if let WizardGo::Place { draft } = post.go
            && errors.is_empty()
        {
            post.form.draft = draft;
            match self
                .place_once(caller, &post.form.to_command(), &token)
                .await
            {
                Ok(placed) => return Ok(placed_page(placed.id)),
                Err(OrderError::Invalid(refused)) => {
                    step = step_of(&refused);
                    errors = refused;
                }
                Err(OrderError::Refused(reason)) => errors.add("", reason),
                Err(other) => return Err(other),
            }
        }
        let index = WizardStep::ALL
            .iter()
            .position(|s| *s == step)
            .unwrap_or_default();
        self.keep_form(
            caller,
            &token,
            i32::try_from(index).unwrap_or_default(),
            &post.form,
            &errors,
        )
        .await?;
        Ok(format!("/orders/new?form={token}"))
    }

    /// Forgets the forms nobody finished within `ABANDONED_AFTER_DAYS` (a scheduled job); forms
    /// that placed an order stay, so an old page posted again still finds its order.
    pub async fn forget_abandoned_forms(&self) -> Result<u64, OrderError> {
        let before = self.clock.now() - chrono::Duration::days(ABANDONED_AFTER_DAYS);
        Ok(order_forms::sweep(&self.store, before).await?)
    }
}

/// The order page that says the order was placed.
fn placed_page(id: i32) -> String {
    app::model::order_done::OrderDone::Placed.order_page(id)
}

//! Reissuing a certificate (ORD-8): a reason from the list and a new CSR for the same names
//! make a new order, free and linked to the original, that ends when the original
//! certificate ends (a reissue replaces a key; it does not extend coverage).

use app::model::{
    FieldErrors,
    order_actions::ReissueForm,
    order_status::OrderStatus,
    orders::{KeySource, PlacedOrder},
};

use super::{OrderError, OrderService, certificate::may_manage, mails, place::check_csr};
use crate::{
    domain::secret_token::SecretToken,
    services::identity::Caller,
    store::{order_links, orders},
};

impl OrderService {
    pub async fn reissue(
        &self,
        caller: &Caller,
        form: &ReissueForm,
    ) -> Result<PlacedOrder, OrderError> {
        let original = self.visible(caller, form.order_id).await?;
        may_manage(caller, &original)?;
        let valid = form.validate().map_err(OrderError::Invalid)?;
        let cert = self
            .live_certificate(&original, super::certificate::CertificateAction::Reissue)
            .await?;
        let names = orders::names(&self.store, original.id).await?;
        let public = original.private_ca.is_none();
        check_csr(&valid.csr_pem, &names, public)
            .map_err(|e| OrderError::Invalid(FieldErrors::single("csr_pem", e)))?;

        let now = self.clock.now();
        let seconds_left = (cert.not_after - now).num_seconds();
        let days_left = i32::try_from((seconds_left + 86_399) / 86_400)
            .unwrap_or(original.validity_days)
            .clamp(1, original.validity_days.max(1));
        let mut bytes = [0u8; 32];
        self.random.fill(&mut bytes);
        let token = SecretToken::from_random(bytes).plain;
        let remarks = if valid.remarks.is_empty() {
            format!("Reissue of order #{}: {}", original.id, valid.reason)
        } else {
            valid.remarks.clone()
        };
        let tx = self.store.begin().await?;
        let order = orders::insert(
            &tx,
            orders::NewOrder {
                account_id: original.account_id,
                group_id: original.group_id,
                placed_by: caller.user.id,
                product_id: original.product_id,
                product_name: &original.product_name,
                product_kind: &original.product_kind,
                profile: &original.profile,
                private_ca: original.private_ca.as_deref(),
                validity_days: days_left,
                price_minor: 0,
                currency: &original.currency,
                status: OrderStatus::Accepted.code(),
                csr_pem: Some(&valid.csr_pem),
                key_source: KeySource::Paste.code(),
                requester_name: &original.requester_name,
                requester_email: &original.requester_email,
                requester_phone: &original.requester_phone,
                tags: &original.tags,
                remarks: &remarks,
                tech_name: &original.tech_name,
                tech_email: &original.tech_email,
                extra_emails: &original.extra_emails,
                auto_renew: original.auto_renew,
                template_values: &original.template_values,
                tracking_token: &token,
                names: &names,
            },
            now,
        )
        .await?;
        order_links::insert(
            &tx,
            order.id,
            original.id,
            order_links::REISSUE,
            &valid.reason,
            now,
        )
        .await?;
        let actor = caller.user.name.clone();
        orders::add_event(
            &tx,
            order.id,
            &actor,
            "Order placed",
            &format!("Reissue of order #{} ({})", original.id, valid.reason),
            now,
        )
        .await?;
        orders::add_event(
            &tx,
            original.id,
            &actor,
            "Reissue requested",
            &format!("Order #{} ({})", order.id, valid.reason),
            now,
        )
        .await?;
        super::audit_order(
            &tx,
            caller,
            "order_reissued",
            format!(
                "Order #{} reissued as order #{}: {}",
                original.id, order.id, valid.reason
            ),
            now,
        )
        .await?;
        if public {
            self.validation
                .cover(&tx, original.account_id, &names, now)
                .await?;
        }
        let mail = mails::reissue(&original, order.id, &valid.reason);
        mails::queue_all(&tx, &original, &mail, now).await?;
        if let Some(delegate) = crate::store::delegates::find(&tx, original.id).await? {
            crate::store::delegates::insert(&tx, order.id, &delegate.name, &delegate.email, now)
                .await?;
        }
        tx.commit().await?;
        let status = self.try_issue(order.account_id, order.id, &actor).await?;
        Ok(PlacedOrder {
            id: order.id,
            status,
            tracking_url: self.tracking_url(&token),
        })
    }
}

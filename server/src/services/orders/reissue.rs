//! Reissuing a certificate (ORD-8): a reason from the list and a new CSR for the same names
//! make a new order, free and linked to the original, that ends when the original
//! certificate ends (a reissue replaces a key; it does not extend coverage).

use app::model::Permission;
use app::model::{FieldErrors, order_actions::ReissueForm, orders::PlacedOrder};

use super::{
    OrderError, OrderService, certificate::may_manage, linked_order::LinkedOrder, mails,
    place::check_csr,
};
use crate::{
    services::identity::Caller,
    store::{order_links, orders},
};

impl OrderService {
    pub async fn reissue(
        &self,
        caller: &Caller,
        form: &ReissueForm,
    ) -> Result<PlacedOrder, OrderError> {
        caller.require(Permission::RequestCertificates)?;
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
        let remarks = if valid.remarks.is_empty() {
            format!("Reissue of order #{}: {}", original.id, valid.reason)
        } else {
            valid.remarks.clone()
        };
        let tx = self.store.begin().await?;
        let (order, token) = self
            .insert_linked(
                &tx,
                caller,
                &original,
                &cert,
                LinkedOrder {
                    csr_pem: &valid.csr_pem,
                    names: &names,
                    price_minor: 0,
                    remarks: &remarks,
                },
                now,
            )
            .await?;
        order_links::insert(
            &tx,
            order.id,
            original.id,
            app::model::order_actions::OrderLinkKind::Reissue,
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
        let lang = super::mail_lang::order_lang(&tx, &original).await?;
        let mail = mails::reissue(lang, &original, order.id, &valid.reason);
        mails::queue_all(&tx, &original, &mail, now).await?;
        self.commit_and_send(tx).await?;
        let status = self.try_issue(order.account_id, order.id, &actor).await?;
        Ok(PlacedOrder {
            id: order.id,
            status,
            tracking_url: self.tracking_url(&token),
        })
    }
}

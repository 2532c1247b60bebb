//! Submitting the CSR of an order placed without one (or replacing it before issuance),
//! from the order page or the tracking link.

use app::model::{FieldErrors, order_status::OrderStatus};

use super::{OrderError, OrderService, place::check_csr};
use crate::store::{OrderRow, orders};

impl OrderService {
    /// Stores the CSR after checking it names exactly the order's names; then issues if
    /// nothing else is pending.
    pub(super) async fn accept_csr(
        &self,
        order: &OrderRow,
        csr_pem: &str,
        actor: &str,
    ) -> Result<OrderStatus, OrderError> {
        let status = OrderStatus::parse(&order.status).ok_or(OrderError::NotFound)?;
        if super::is_smime(order) {
            return Err(OrderError::Refused(
                "Give the CSR of an S/MIME order in its certificate activation.".into(),
            ));
        }
        if status.is_final() {
            return Err(OrderError::Refused(format!(
                "This order is \"{}\"; its CSR cannot change.",
                status.label()
            )));
        }
        let csr = csr_pem.trim();
        if !csr.contains("-----BEGIN CERTIFICATE REQUEST-----") {
            return Err(OrderError::Invalid(FieldErrors::single(
                "csr_pem",
                "Paste a PEM certificate signing request (-----BEGIN CERTIFICATE REQUEST-----).",
            )));
        }
        let names = orders::names(&self.store, order.id).await?;
        check_csr(csr, &names, order.private_ca.is_none())
            .map_err(|e| OrderError::Invalid(FieldErrors::single("csr_pem", e)))?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        orders::set_csr(&tx, order.account_id, order.id, csr, "paste", now).await?;
        let mail = super::mails::csr_received(order, &self.tracking_url(&order.tracking_token));
        super::mails::queue_all(&tx, order, &mail, now).await?;
        tx.commit().await?;
        if status.is_paid() {
            self.progressed(order, actor, "CSR submitted").await?;
            return self.try_issue(order.account_id, order.id, actor).await;
        }
        orders::add_event(
            &self.store,
            order.id,
            actor,
            "Updated",
            "CSR submitted",
            now,
        )
        .await?;
        Ok(status)
    }

    pub async fn submit_csr(
        &self,
        caller: &crate::services::identity::Caller,
        order_id: i32,
        csr_pem: &str,
    ) -> Result<OrderStatus, OrderError> {
        let order = self.visible(caller, order_id).await?;
        self.accept_csr(&order, csr_pem, &caller.user.name).await
    }
}

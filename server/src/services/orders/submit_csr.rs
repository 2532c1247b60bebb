//! Submitting the CSR of an order placed without one, from the order page or the requester's
//! tracking link; and replacing it before issuance ("Replace the CSR"), which only a
//! signed-in user who may manage the order can do: a new CSR means the CA certifies another
//! key for names someone else validated.

use app::i18n::Msg;
use app::model::Permission;
use app::model::{FieldErrors, order_status::OrderStatus, orders::KeySource};

use super::{
    OrderError, OrderService,
    certificate::may_manage,
    place::{check_csr, names_differ},
};
use crate::{
    ca::CheckedCsr,
    services::identity::Caller,
    store::{OrderRow, orders},
};

/// Whether a submission may replace a CSR the order has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CsrChange {
    /// Only a missing CSR is taken (a tracking link, a user who may only see the order).
    OnlyIfMissing,
    /// A missing CSR or a replacement (whoever placed the order, or an approver).
    MayReplace,
}

fn keeps_csr() -> Msg {
    Msg::new("err-order-keeps-csr")
}

/// Whether the order takes a CSR now, and its status.
fn may_take_csr(order: &OrderRow, change: CsrChange) -> Result<OrderStatus, OrderError> {
    let status = *order.status;
    if super::is_smime(order) {
        return Err(OrderError::Refused(Msg::new("err-give-csr-s-mime-order")));
    }
    if status.is_final() {
        return Err(OrderError::Refused(
            Msg::new("err-order-status-csr-cannot-change").arg("status", Msg::new(status.key())),
        ));
    }
    if change == CsrChange::OnlyIfMissing && order.csr_pem.is_some() {
        return Err(OrderError::Refused(keeps_csr()));
    }
    Ok(status)
}

impl OrderService {
    /// Stores the CSR after checking it names exactly the order's names; then issues if
    /// nothing else is pending.
    pub(super) async fn accept_csr(
        &self,
        order: &OrderRow,
        csr_pem: &str,
        actor: &str,
        change: CsrChange,
    ) -> Result<OrderStatus, OrderError> {
        let status = may_take_csr(order, change)?;
        let csr = csr_pem.trim();
        if !csr.contains("-----BEGIN CERTIFICATE REQUEST-----") {
            return Err(OrderError::Invalid(FieldErrors::single(
                "csr_pem",
                Msg::new("err-paste-pem-certificate-signing-request"),
            )));
        }
        let names = orders::names(&self.store, order.id).await?;
        let checked = check_csr(csr, &names, order.private_ca.is_none())
            .map_err(|e| OrderError::Invalid(FieldErrors::single("csr_pem", e)))?;
        self.store_csr(order, status, csr, &checked, actor, change)
            .await
    }

    /// `accept_csr` for a request its edge has read already (ACME finalize).
    async fn accept_checked_csr(
        &self,
        order: &OrderRow,
        csr: &CheckedCsr,
        actor: &str,
        change: CsrChange,
    ) -> Result<OrderStatus, OrderError> {
        let status = may_take_csr(order, change)?;
        if order.private_ca.is_none() {
            let names = orders::names(&self.store, order.id).await?;
            csr.names_match(&names).map_err(|m| {
                OrderError::Invalid(FieldErrors::single("csr_pem", names_differ(&m)))
            })?;
        }
        self.store_csr(order, status, &csr.pem(), csr, actor, change)
            .await
    }

    /// Stores a checked CSR, tells the requester, and issues when the order is paid.
    async fn store_csr(
        &self,
        order: &OrderRow,
        status: OrderStatus,
        csr: &str,
        checked: &CheckedCsr,
        actor: &str,
        change: CsrChange,
    ) -> Result<OrderStatus, OrderError> {
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        match change {
            // Conditional, so a CSR stored a moment ago by someone else is not replaced either.
            CsrChange::OnlyIfMissing => {
                if !orders::set_missing_csr(
                    &tx,
                    order.account_id,
                    order.id,
                    csr,
                    KeySource::Paste,
                    now,
                )
                .await?
                {
                    return Err(OrderError::Refused(keeps_csr()));
                }
            }
            CsrChange::MayReplace => {
                orders::set_csr(&tx, order.account_id, order.id, csr, KeySource::Paste, now)
                    .await?;
            }
        }
        let lang = super::mail_lang::order_lang(&tx, order).await?;
        self.queue_tracked(&tx, order, now, |to, link| {
            super::mails::csr_received(lang, order, to, link)
        })
        .await?;
        self.commit_and_send(tx).await?;
        if status.is_paid() {
            self.progressed(order, actor, "CSR submitted").await?;
            return self
                .try_issue_with(order.account_id, order.id, actor, Some(checked))
                .await;
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

    /// From the order page (and REST, ACME finalization): a user who may see the order
    /// submits a missing CSR; replacing one needs a user who may manage the order.
    pub async fn submit_csr(
        &self,
        caller: &crate::services::identity::Caller,
        order_id: i32,
        csr_pem: &str,
    ) -> Result<OrderStatus, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let order = self.visible(caller, order_id).await?;
        let change = if may_manage(caller, &order).is_ok() {
            CsrChange::MayReplace
        } else {
            CsrChange::OnlyIfMissing
        };
        self.accept_csr(&order, csr_pem, &caller.user.name, change)
            .await
    }

    /// `submit_csr` for a request its edge has read already: ACME finalize, which reads the
    /// DER once and hands the checked request on.
    pub async fn submit_checked_csr(
        &self,
        caller: &Caller,
        order_id: i32,
        csr: &CheckedCsr,
    ) -> Result<OrderStatus, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let order = self.visible(caller, order_id).await?;
        let change = if may_manage(caller, &order).is_ok() {
            CsrChange::MayReplace
        } else {
            CsrChange::OnlyIfMissing
        };
        self.accept_checked_csr(&order, csr, &caller.user.name, change)
            .await
    }
}

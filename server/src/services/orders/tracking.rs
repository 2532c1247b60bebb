//! The public tracking links (ORD-7). Every recipient of an order has a link of their own. Each
//! shows the order's steps and downloads its certificate until the certificate expires (an
//! order that ended without one shows how it ended for `ENDED_LINK_DAYS` days), then answers
//! "not found". Only the requester's link acts, and only while the order is pending: choose a
//! method, Verify Now, resend the e-mail, submit a missing CSR. No link replaces a CSR. A link
//! reveals nothing beyond its order, and acts only on its domains.

use app::i18n::Msg;
use app::model::{
    order_status::OrderStatus,
    orders::{TrackingScope, TrackingView},
};
use chrono::{DateTime, Duration, Utc};

use super::{
    OrderError, OrderService, mails,
    submit_csr::CsrChange,
    view::{Download, DownloadFormat},
};
use crate::{
    domain::secret_token::{hash_token, looks_like_token},
    services::validation::CheckOutcome,
    store::{OrderRow, certificates, orders, tracking_links},
};

/// How long the links of an order that ended without a certificate (cancelled, rejected)
/// still show how it ended.
pub const ENDED_LINK_DAYS: i64 = 30;

/// Who acts through the link, in the order's history.
const REQUESTER: &str = "Requester (tracking link)";

fn read_only() -> Msg {
    Msg::new("err-tracking-read-only")
}

/// The order behind a link that still works, and what the link may do.
struct Tracked {
    order: OrderRow,
    scope: TrackingScope,
    until: Option<DateTime<Utc>>,
}

/// Whether the link's recipient is still named on the order as what the link was made for
/// (an additional recipient taken off the order loses their link).
fn still_named(order: &OrderRow, recipient: &str, scope: TrackingScope) -> bool {
    mails::addressed(order)
        .iter()
        .any(|r| r.scope() == scope && r.address.eq_ignore_ascii_case(recipient))
}

impl OrderService {
    async fn tracked(&self, token: &str) -> Result<Tracked, OrderError> {
        if !looks_like_token(token) {
            return Err(OrderError::NotFound);
        }
        let link = tracking_links::by_token_hash(&self.store, &hash_token(token))
            .await?
            .ok_or(OrderError::NotFound)?;
        let scope = *link.scope;
        let order = orders::get(&self.store, link.account_id, link.order_id)
            .await?
            .ok_or(OrderError::NotFound)?;
        if !still_named(&order, &link.recipient, scope) {
            return Err(OrderError::NotFound);
        }
        let until = self.links_end(&order).await?;
        if until.is_some_and(|end| self.clock.now() > end) {
            return Err(OrderError::NotFound);
        }
        Ok(Tracked {
            order,
            scope,
            until,
        })
    }

    /// When the order's links stop working: with the certificate (its notAfter), or
    /// `ENDED_LINK_DAYS` after an order ended without one; never while it is pending.
    async fn links_end(&self, o: &OrderRow) -> Result<Option<DateTime<Utc>>, OrderError> {
        if let Some(certificate) = o.certificate_id {
            let c = certificates::find_by_id(&self.store, certificate)
                .await?
                .ok_or(OrderError::NotFound)?;
            return Ok(Some(c.not_after));
        }
        let status = *o.status;
        Ok(status
            .is_final()
            .then(|| o.updated_at + Duration::days(ENDED_LINK_DAYS)))
    }

    /// The order behind a link that may act now: the requester's, on a pending order.
    async fn acting(&self, token: &str) -> Result<OrderRow, OrderError> {
        let t = self.tracked(token).await?;
        if t.scope != TrackingScope::Requester {
            return Err(OrderError::Refused(read_only()));
        }
        let status = *t.order.status;
        if status.is_final() {
            return Err(OrderError::Refused(
                Msg::new("err-order-status-tracking-link-shows")
                    .arg("status", Msg::new(status.key())),
            ));
        }
        Ok(t.order)
    }

    pub async fn tracking(&self, token: &str) -> Result<TrackingView, OrderError> {
        let Tracked {
            order: o,
            scope,
            until,
        } = self.tracked(token).await?;
        let status = *o.status;
        Ok(TrackingView {
            order_id: o.id,
            product: o.product_name.clone(),
            status,
            names: self.progress(&o).await?,
            needs_csr: o.csr_pem.is_none() && !status.is_final(),
            approval_pending: matches!(
                status,
                OrderStatus::OnHold
                    | OrderStatus::PendingApproval
                    | OrderStatus::PendingParentApproval
            ),
            issue_error: o.issue_error.clone(),
            issued: o.certificate_id.is_some(),
            scope,
            can_act: scope == TrackingScope::Requester && !status.is_final(),
            works_until: until.map(app::model::Day::from),
            organization_in_vetting: o.certificate_id.is_none()
                && !status.is_final()
                && self.organization_in_vetting(&o).await?,
            ev_steps: self.ev_steps_of(&self.store, &o).await?,
            methods: self.validation.offered_methods(self.clock.now()),
        })
    }

    /// A domain the tracked order still has to validate; any other id is "not found".
    pub(super) async fn order_domain(
        &self,
        o: &OrderRow,
        domain_id: i32,
    ) -> Result<(), OrderError> {
        let pending = self.progress(o).await?;
        if pending
            .iter()
            .any(|p| p.domain.as_ref().is_some_and(|d| d.id == domain_id))
        {
            Ok(())
        } else {
            Err(OrderError::NotFound)
        }
    }

    pub async fn tracking_change_method(
        &self,
        token: &str,
        domain_id: i32,
        method: &str,
    ) -> Result<(), OrderError> {
        let o = self.acting(token).await?;
        self.order_domain(&o, domain_id).await?;
        let d = self
            .validation
            .change_method(o.account_id, domain_id, method)
            .await?;
        orders::add_event(
            &self.store,
            o.id,
            REQUESTER,
            "Validation method chosen",
            &format!("{}: {}", d.name, d.method.label()),
            self.clock.now(),
        )
        .await?;
        Ok(())
    }

    /// Verify Now (or, for e-mail, send the e-mail again); issues when that was the last step.
    pub async fn tracking_verify(
        &self,
        token: &str,
        domain_id: i32,
    ) -> Result<CheckOutcome, OrderError> {
        let o = self.acting(token).await?;
        self.verify_domain_of(&o, domain_id, REQUESTER).await
    }

    /// The CSR of an order placed without one; a CSR the order has is never replaced here.
    pub async fn tracking_submit_csr(
        &self,
        token: &str,
        csr_pem: &str,
    ) -> Result<OrderStatus, OrderError> {
        let o = self.acting(token).await?;
        self.accept_csr(&o, csr_pem, REQUESTER, CsrChange::OnlyIfMissing)
            .await
    }

    pub async fn tracking_download(
        &self,
        token: &str,
        format: DownloadFormat,
    ) -> Result<Download, OrderError> {
        let t = self.tracked(token).await?;
        self.download_of(&t.order, format).await
    }

    /// After a domain's e-mailed confirmation: issue the orders of the account that waited
    /// only for it.
    pub async fn domain_confirmed(&self, account_id: i32) -> Result<(), OrderError> {
        for status in [OrderStatus::Accepted, OrderStatus::InProgress] {
            let s = orders::Search {
                account_id,
                status: Some(status.code()),
                ..Default::default()
            };
            let (rows, _) = orders::search(&self.store, &s, 1, 1000).await?;
            for o in rows {
                self.try_issue(account_id, o.id, "Rootline").await?;
            }
        }
        Ok(())
    }
}

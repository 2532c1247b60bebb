//! The public tracking link (ORD-7): anyone holding it sees the order's steps and acts on
//! its validation: choose a method, Verify Now, resend the e-mail, submit the CSR, download
//! the certificate. It reveals nothing beyond that order, and acts only on its domains.

use app::model::{order_status::OrderStatus, orders::TrackingView};

use super::{
    OrderError, OrderService,
    view::{Download, DownloadFormat},
};
use crate::{
    domain::secret_token::looks_like_token,
    services::validation::CheckOutcome,
    store::{OrderRow, orders},
};

/// Who acts through the link, in the order's history.
const REQUESTER: &str = "Requester (tracking link)";

impl OrderService {
    async fn tracked(&self, token: &str) -> Result<OrderRow, OrderError> {
        if !looks_like_token(token) {
            return Err(OrderError::NotFound);
        }
        orders::by_tracking_token(&self.store, token)
            .await?
            .ok_or(OrderError::NotFound)
    }

    pub async fn tracking(&self, token: &str) -> Result<TrackingView, OrderError> {
        let o = self.tracked(token).await?;
        let status = OrderStatus::parse(&o.status).ok_or(OrderError::NotFound)?;
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
        let o = self.tracked(token).await?;
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
        let o = self.tracked(token).await?;
        self.verify_domain_of(&o, domain_id, REQUESTER).await
    }

    pub async fn tracking_submit_csr(
        &self,
        token: &str,
        csr_pem: &str,
    ) -> Result<OrderStatus, OrderError> {
        let o = self.tracked(token).await?;
        self.accept_csr(&o, csr_pem, REQUESTER).await
    }

    pub async fn tracking_download(
        &self,
        token: &str,
        format: DownloadFormat,
    ) -> Result<Download, OrderError> {
        let o = self.tracked(token).await?;
        self.download_of(&o, format).await
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

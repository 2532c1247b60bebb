//! An order as its ACME client sees it (RFC 8555 section 7.1.3): its status follows from its
//! authorizations and from the order row the portal shares.

use app::model::{acme::AcmeAuthzStatus, order_status::OrderStatus};

use super::{AcmeError, AcmeService, Failure, OrderView};
use crate::store::{
    OrderRow,
    acme::{self, AcmeAccountRow, AcmeAuthzRow},
    orders,
};

/// The ACME status of an order from its row and its authorizations.
pub(super) fn status_of(order: &OrderRow, authzs: &[AcmeAuthzRow]) -> &'static str {
    let row = *order.status;
    if order.certificate_id.is_some() {
        "valid"
    } else if authzs
        .iter()
        .any(|a| !matches!(*a.status, AcmeAuthzStatus::Valid | AcmeAuthzStatus::Pending))
        || matches!(row, OrderStatus::Cancelled | OrderStatus::Rejected)
        || (order.csr_pem.is_some() && order.issue_error.is_some())
    {
        "invalid"
    } else if authzs.iter().any(|a| *a.status == AcmeAuthzStatus::Pending) {
        "pending"
    } else if order.csr_pem.is_some() {
        "processing"
    } else {
        "ready"
    }
}

impl AcmeService {
    pub async fn order_view(
        &self,
        account: &AcmeAccountRow,
        id: i32,
    ) -> Result<OrderView, AcmeError> {
        let (order, row, authzs) = self.order_parts(account, id).await?;
        let status = status_of(&row, &authzs);
        let identifiers: Vec<serde_json::Value> =
            serde_json::from_str(&order.identifiers).unwrap_or_default();
        let error = match status {
            "invalid" => Some(Failure {
                kind: if row.issue_error.is_some() {
                    "badCSR".into()
                } else {
                    "unauthorized".into()
                },
                detail: row
                    .issue_error
                    .clone()
                    .or_else(|| row.reason.clone())
                    .unwrap_or_else(|| "an authorization failed or the order was cancelled".into()),
            }),
            _ => None,
        };
        Ok(OrderView {
            id: order.id,
            status,
            expires: order.expires_at,
            identifiers: identifiers
                .iter()
                .map(|i| {
                    let text = |k: &str| {
                        i.get(k)
                            .and_then(|v| v.as_str())
                            .unwrap_or_default()
                            .to_owned()
                    };
                    (text("type"), text("value"))
                })
                .collect(),
            authz_ids: authzs.iter().map(|a| a.id).collect(),
            certificate: row.certificate_id.is_some(),
            error,
            replaces: order.replaces.clone(),
            profile: *order.profile,
        })
    }

    /// The ACME order, its order row and its authorizations, when the order is this
    /// account's.
    pub(super) async fn order_parts(
        &self,
        account: &AcmeAccountRow,
        id: i32,
    ) -> Result<(acme::AcmeOrderRow, OrderRow, Vec<AcmeAuthzRow>), AcmeError> {
        let order = acme::order(&self.store, account.id, id)
            .await?
            .ok_or(AcmeError::NotFound)?;
        let row = orders::get(&self.store, account.account_id, order.order_id)
            .await?
            .ok_or(AcmeError::NotFound)?;
        let authzs = acme::authzs_of_order(&self.store, order.id).await?;
        Ok((order, row, authzs))
    }
}

impl AcmeService {
    /// The ids of the account's orders, newest first.
    pub async fn order_ids(&self, account: &AcmeAccountRow) -> Result<Vec<i32>, AcmeError> {
        Ok(acme::orders_of_account(&self.store, account.id).await?)
    }
}

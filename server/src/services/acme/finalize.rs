//! finalize (RFC 8555 section 7.4): the CSR must name exactly the order's identifiers; it
//! then goes to the order like a CSR pasted in the portal, which issues when nothing else
//! is pending.

use super::{AcmeError, AcmeService, OrderView, jws, order::status_of};
use crate::{
    services::orders::OrderError,
    store::{acme::AcmeAccountRow, orders},
};

impl AcmeService {
    pub async fn finalize(
        &self,
        account: &AcmeAccountRow,
        id: i32,
        csr_b64: &str,
    ) -> Result<OrderView, AcmeError> {
        let (order, row, authzs) = self.order_parts(account, id).await?;
        let status = status_of(&row, &authzs);
        if status != "ready" {
            return Err(AcmeError::OrderNotReady(format!(
                "the order is {status}; it can be finalized once it is ready"
            )));
        }
        let der = jws::unb64("csr", csr_b64)
            .map_err(|_| AcmeError::BadCsr("the csr is not base64url-encoded DER".into()))?;
        let csr = crate::ca::inspect_csr(&der)
            .map_err(|e| AcmeError::BadCsr(format!("the CSR cannot be used: {}", e.detail)))?;
        let ordered = orders::names(&self.store, row.id).await?;
        csr.names_match(&ordered).map_err(|m| {
            AcmeError::BadCsr(format!(
                "the CSR names {}, but the order names {}",
                m.asked.join(", "),
                m.ordered.join(", ")
            ))
        })?;
        let caller = self.caller(account).await?;
        match self.orders.submit_checked_csr(&caller, row.id, &csr).await {
            Ok(_) => {}
            Err(OrderError::Invalid(fields)) => {
                return Err(AcmeError::BadCsr(super::fields_text(&fields)));
            }
            // ACME clients read English, as the rest of the protocol.
            Err(OrderError::Refused(why)) => return Err(AcmeError::OrderNotReady(why.to_string())),
            Err(e) => return Err(e.into()),
        }
        self.order_view(account, order.id).await
    }
}

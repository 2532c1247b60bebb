//! finalize (RFC 8555 section 7.4): the CSR must name exactly the order's identifiers; it
//! then goes to the order like a CSR pasted in the portal, which issues when nothing else
//! is pending.

use super::{AcmeError, AcmeService, OrderView, jws, order::status_of};
use crate::{
    services::orders::OrderError,
    store::{acme::AcmeAccountRow, orders},
};

/// The CSR's DER as PEM, as the order stores CSRs.
fn csr_pem(der: &[u8]) -> String {
    use base64::{Engine, engine::general_purpose::STANDARD};
    let body = STANDARD.encode(der);
    let mut pem = String::from("-----BEGIN CERTIFICATE REQUEST-----\n");
    for line in body.as_bytes().chunks(64) {
        pem.push_str(&String::from_utf8_lossy(line));
        pem.push('\n');
    }
    pem.push_str("-----END CERTIFICATE REQUEST-----\n");
    pem
}

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
        let pem = csr_pem(&der);
        let csr = crate::ca::inspect_csr(pem.as_bytes())
            .map_err(|e| AcmeError::BadCsr(format!("the CSR cannot be used: {}", e.detail)))?
            .with_common_names_as_names();
        let mut asked: Vec<String> = csr.dns_names.clone();
        asked.sort_unstable();
        asked.dedup();
        let mut ordered = orders::names(&self.store, row.id).await?;
        ordered.sort_unstable();
        if asked != ordered {
            return Err(AcmeError::BadCsr(format!(
                "the CSR names {}, but the order names {}",
                asked.join(", "),
                ordered.join(", ")
            )));
        }
        let caller = self.caller(account).await?;
        match self.orders.submit_csr(&caller, row.id, &pem).await {
            Ok(_) => {}
            Err(OrderError::Invalid(fields)) => {
                return Err(AcmeError::BadCsr(super::fields_text(&fields)));
            }
            Err(OrderError::Refused(why)) => return Err(AcmeError::OrderNotReady(why)),
            Err(e) => return Err(e.into()),
        }
        self.order_view(account, order.id).await
    }
}

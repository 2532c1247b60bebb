//! Certificate download (RFC 8555 section 7.4.2): the leaf and its chain, PEM, as the
//! portal's order page downloads it.

use super::{AcmeError, AcmeService};
use crate::{services::orders::DownloadFormat, store::acme::AcmeAccountRow};

impl AcmeService {
    pub async fn certificate(
        &self,
        account: &AcmeAccountRow,
        order_id: i32,
    ) -> Result<Vec<u8>, AcmeError> {
        let (_, row, _) = self.order_parts(account, order_id).await?;
        if row.certificate_id.is_none() {
            return Err(AcmeError::NotFound);
        }
        let caller = self.caller(account).await?;
        Ok(self
            .orders
            .download(&caller, row.id, DownloadFormat::Pem)
            .await?
            .bytes)
    }
}

//! A batch's page: what was asked, how far the runner is, and a page of its certificates
//! with what became of each.

use app::model::{
    CertificateId, Moment,
    ids::RevocationBatchId,
    revocations::{BATCH_PAGE_SIZE, BatchItemView, BatchOutcome, BatchView},
};

use super::{MassRevocationError, MassRevocationService, search::names_of};
use crate::{
    services::identity::Caller,
    store::{accounts, revocation_batches},
};

impl MassRevocationService {
    pub async fn revocation_batch(
        &self,
        caller: &Caller,
        id: RevocationBatchId,
        page: u64,
    ) -> Result<BatchView, MassRevocationError> {
        caller.require_operator()?;
        let batch = revocation_batches::find(&self.store, id.get())
            .await?
            .ok_or(MassRevocationError::NotFound)?;
        let counts = revocation_batches::counts(&self.store, batch.id).await?;
        let count = |o: BatchOutcome| counts.get(&o).copied().unwrap_or_default();
        let total = u64::try_from(batch.total).unwrap_or_default();
        let pages = total.div_ceil(BATCH_PAGE_SIZE).max(1);
        let page = page.clamp(1, pages);
        let items =
            revocation_batches::items_page(&self.store, batch.id, page, BATCH_PAGE_SIZE).await?;
        let ids: Vec<i32> = items.iter().map(|i| i.certificate_id).collect();
        let certs = revocation_batches::certificates_for_operator(&self.store, &ids).await?;
        let orders = revocation_batches::orders_holding_for_operator(&self.store, &ids).await?;
        let account_ids: Vec<i32> = orders.iter().map(|o| o.account_id).collect();
        let accounts = accounts::find_many(&self.store, &account_ids).await?;
        let items = items
            .into_iter()
            .map(|item| {
                let cert = certs.iter().find(|c| c.id == item.certificate_id);
                let order = orders.iter().find(|o| {
                    o.certificate_id == Some(item.certificate_id)
                        || o.interim_certificate_id == Some(item.certificate_id)
                });
                BatchItemView {
                    certificate: CertificateId(item.certificate_id),
                    serial: cert.map(|c| c.serial_hex.clone()).unwrap_or_default(),
                    names: cert.map(names_of).unwrap_or_default(),
                    account: order.and_then(|o| {
                        accounts
                            .iter()
                            .find(|a| a.id == o.account_id)
                            .map(|a| a.name.clone())
                    }),
                    order: order.map(|o| o.id),
                    outcome: item.outcome.into_inner(),
                    incident: item.detail,
                }
            })
            .collect();
        Ok(BatchView {
            id: RevocationBatchId(batch.id),
            operator: batch.operator,
            reason: batch.reason.as_str().to_owned(),
            comment: batch.comment,
            criteria: batch.criteria,
            created: Moment::from(batch.created_at),
            finished: batch.finished_at.map(Moment::from),
            total,
            revoked: count(BatchOutcome::Revoked),
            already_revoked: count(BatchOutcome::AlreadyRevoked),
            failed: count(BatchOutcome::Failed),
            waiting: count(BatchOutcome::Pending) + count(BatchOutcome::Revoking),
            items,
            page,
            pages,
        })
    }
}

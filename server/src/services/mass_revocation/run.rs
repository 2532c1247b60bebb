//! The runner: revokes each certificate of the unfinished batches through the CA's own
//! revocation (the OCSP answer at once), records and audits each, signs each CRL shard a
//! round of 20 changed once, and when a batch is done mails its subscribers.
//!
//! Several processes may run it at once: an item is claimed (`pending` → `revoking`) and
//! settled (`revoking` → an outcome) by conditional updates, and the audit entry is written
//! in the settling transaction, so an item is recorded and audited once whoever gets there
//! first. A fault of the CA's keys or database puts the item back and ends the batch's run
//! until the next tick: a revocation the CA owes is retried, never given up.

use app::i18n::{Lang, tr};
use app::model::{
    AccountKind,
    revocations::{BatchOutcome, reason_key},
};
use chrono::{DateTime, Utc};

use super::{MassRevocationError, MassRevocationService};
use crate::{
    ca::{CaError, ChangedShard},
    services::audit::{self, AuditEntry},
    store::{
        CertificateRow, accounts, certificates, orders,
        revocation_batches::{self, BatchItemRow, BatchRow},
    },
};

/// Items read per round.
const ROUND: u64 = 20;

/// What became of one item.
enum Step {
    /// Revoked by this runner: the CRL shard it changed is signed again after the round.
    Revoked(ChangedShard),
    /// Settled otherwise, or by another runner.
    Settled,
    /// The CA could not revoke now: the item waits for the next run.
    Retry,
}

/// An id for a fault, written to the log with the error and kept on the item, so the page
/// can name it without showing the error itself.
fn incident(error: &dyn std::error::Error, batch: i32, certificate: i32) -> String {
    let id = uuid::Uuid::new_v4().simple().to_string();
    let id = id.get(..12).unwrap_or(&id).to_owned();
    tracing::error!(incident_id = %id, batch, certificate, error = %error, "mass revocation: a certificate was not revoked");
    id
}

impl MassRevocationService {
    /// Works through every unfinished batch, oldest first; how many certificates it revoked.
    /// The job calls it when woken and on its tick.
    pub async fn run_unfinished(&self) -> Result<u64, MassRevocationError> {
        let mut revoked = 0;
        for id in revocation_batches::unfinished(&self.store).await? {
            revoked += self.run_batch(id).await?;
        }
        Ok(revoked)
    }

    async fn run_batch(&self, batch_id: i32) -> Result<u64, MassRevocationError> {
        let batch = revocation_batches::find(&self.store, batch_id)
            .await?
            .ok_or(MassRevocationError::NotFound)?;
        let mut revoked = 0;
        loop {
            let items = revocation_batches::next_items(&self.store, batch_id, ROUND).await?;
            if items.is_empty() {
                break;
            }
            let mut changed = Vec::new();
            let mut retry = false;
            for item in &items {
                match self.revoke_item(&batch, item).await? {
                    Step::Revoked(shard) => {
                        revoked += 1;
                        changed.push(shard);
                    }
                    Step::Settled => {}
                    Step::Retry => {
                        retry = true;
                        break;
                    }
                }
            }
            // Each shard the round changed is signed again once, not once per certificate.
            // Should that fail, the CRL job signs it again within the 24 hours BR 4.9.7
            // allows; the revocations (and their OCSP answers) stand.
            if let Err(e) = self.authority.publish_shards(changed).await {
                tracing::error!(batch = batch.id, error = %e, "mass revocation: a CRL shard was not signed again; the CRL job will");
            }
            if retry {
                return Ok(revoked);
            }
        }
        self.finish(&batch).await?;
        Ok(revoked)
    }

    async fn revoke_item(
        &self,
        batch: &BatchRow,
        item: &BatchItemRow,
    ) -> Result<Step, MassRevocationError> {
        let now = self.clock.now();
        // An item still `revoking` was claimed by a runner that stopped (or is working on it
        // now, on another node): taken up again without a claim.
        let resumed = *item.outcome == BatchOutcome::Revoking;
        if !resumed
            && !revocation_batches::move_item(
                &self.store,
                item.id,
                BatchOutcome::Pending,
                BatchOutcome::Revoking,
                None,
                now,
            )
            .await?
        {
            return Ok(Step::Settled);
        }
        let Some(cert) = certificates::find_by_id(&self.store, item.certificate_id).await? else {
            return self.settle(item, BatchOutcome::Failed, None, now).await;
        };
        let reason = *batch.reason;
        let shard = ChangedShard {
            ca_id: cert.ca_id,
            shard: cert.crl_shard,
        };
        match self
            .authority
            .revoke_unpublished(&cert.serial_hex, reason)
            .await
        {
            Ok(changed) => self.record_revoked(batch, item, &cert, changed).await,
            Err(CaError::Refused {
                rule: "revoke.already",
                ..
            }) => {
                // Revoked before this call: by this batch when its runner stopped between the
                // CA's revocation and recording it (the item was claimed, the revocation has
                // the batch's reason and came after it began), otherwise by someone else.
                let fresh = certificates::find_by_id(&self.store, cert.id).await?;
                let ours = resumed
                    && fresh.as_ref().is_some_and(|c| {
                        c.revocation_reason.map(|r| r.into_inner()) == Some(reason)
                            && c.revoked_at.is_some_and(|at| at >= batch.created_at)
                    });
                if ours {
                    // Its runner stopped before the round's CRLs, too.
                    self.record_revoked(batch, item, &cert, shard).await
                } else {
                    self.settle(item, BatchOutcome::AlreadyRevoked, None, now)
                        .await
                }
            }
            // Nothing a retry changes: the certificate is gone, or the CA refuses by rule.
            Err(e @ (CaError::NoSuchCertificate(_) | CaError::Refused { .. })) => {
                let id = incident(&e, batch.id, cert.id);
                self.settle(item, BatchOutcome::Failed, Some(&id), now)
                    .await
            }
            Err(e) => {
                let id = incident(&e, batch.id, cert.id);
                revocation_batches::move_item(
                    &self.store,
                    item.id,
                    BatchOutcome::Revoking,
                    BatchOutcome::Pending,
                    Some(&id),
                    now,
                )
                .await?;
                Ok(Step::Retry)
            }
        }
    }

    async fn settle(
        &self,
        item: &BatchItemRow,
        outcome: BatchOutcome,
        detail: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Step, MassRevocationError> {
        revocation_batches::move_item(
            &self.store,
            item.id,
            BatchOutcome::Revoking,
            outcome,
            detail,
            now,
        )
        .await?;
        Ok(Step::Settled)
    }

    /// Records the revocation on the item, in the history of the order that holds the
    /// certificate and in the subscriber's audit log, in one transaction.
    async fn record_revoked(
        &self,
        batch: &BatchRow,
        item: &BatchItemRow,
        cert: &CertificateRow,
        changed: ChangedShard,
    ) -> Result<Step, MassRevocationError> {
        let now = self.clock.now();
        let order = revocation_batches::orders_holding_for_operator(&self.store, &[cert.id])
            .await?
            .into_iter()
            .next();
        let label = reason_key(batch.reason.as_str())
            .map_or_else(|| batch.reason.as_str().to_owned(), |key| tr(Lang::En, key));
        let tx = self.store.begin().await?;
        if !revocation_batches::move_item(
            &tx,
            item.id,
            BatchOutcome::Revoking,
            BatchOutcome::Revoked,
            None,
            now,
        )
        .await?
        {
            // Another runner recorded it first.
            return Ok(Step::Settled);
        }
        let of_order = order
            .as_ref()
            .map(|o| format!(" of order #{}", o.id))
            .unwrap_or_default();
        if let Some(order) = &order {
            orders::add_event(
                &tx,
                order.id,
                &batch.operator,
                "Certificate revoked",
                &format!(
                    "{label}: {} (mass revocation #{} by the certificate authority)",
                    batch.comment, batch.id
                ),
                now,
            )
            .await?;
        }
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: order.as_ref().map(|o| o.account_id),
                user_id: Some(batch.created_by),
                ip: None,
                module: "orders",
                action: "certificate_revoked",
                summary: format!(
                    "Certificate {}{of_order} revoked ({label}) by operator {} in mass revocation #{}: {}",
                    cert.serial_hex, batch.operator, batch.id, batch.comment
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Step::Revoked(changed))
    }

    /// Once no item waits: marks the batch finished, mails each subscriber the certificates
    /// it revoked of theirs and audits the totals, in one transaction (so the mail goes once
    /// however many runners get here).
    async fn finish(&self, batch: &BatchRow) -> Result<(), MassRevocationError> {
        let counts = revocation_batches::counts(&self.store, batch.id).await?;
        let count = |o: BatchOutcome| counts.get(&o).copied().unwrap_or_default();
        if count(BatchOutcome::Pending) + count(BatchOutcome::Revoking) > 0 {
            return Ok(());
        }
        let revoked = revocation_batches::revoked_certificates(&self.store, batch.id).await?;
        let mails = self.subscriber_mails(batch, &revoked).await?;
        let operator_account = accounts::find_first_of_kind(&self.store, AccountKind::Operator)
            .await?
            .map(|a| a.id);
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        if !revocation_batches::finish(&tx, batch.id, now).await? {
            return Ok(());
        }
        for mail in &mails {
            crate::services::notifications::queue(&tx, mail, now).await?;
        }
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: operator_account,
                user_id: Some(batch.created_by),
                ip: None,
                module: "operator",
                action: "mass_revocation_finished",
                summary: format!(
                    "Mass revocation #{} finished: {} revoked, {} already revoked, {} failed; {} subscriber mails",
                    batch.id,
                    count(BatchOutcome::Revoked),
                    count(BatchOutcome::AlreadyRevoked),
                    count(BatchOutcome::Failed),
                    mails.len()
                ),
            },
        )
        .await?;
        tx.commit().await?;
        self.mail.wake();
        Ok(())
    }
}

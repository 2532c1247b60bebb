//! Revoking a selection in one action: the ticked certificates or every valid one a search
//! finds, with one reason and a comment. The action records the batch and marks the
//! certificates for early renewal (ARI) in one transaction and wakes the runner; it revokes
//! nothing itself, so a large batch does not hold the operator's request. A retried post
//! (the same form token) answers with the batch the first one made.

use app::i18n::Msg;
use app::model::{
    ids::RevocationBatchId,
    revocations::{MAX_BATCH, MassRevokeForm, Selection},
};

use super::{MassRevocationError, MassRevocationService, invalid, search::describe};
use crate::{
    domain::revocation::RevocationReason,
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{StoreError, acme_renewal, authorities, revocation_batches},
};

impl MassRevocationService {
    pub async fn revoke_selection(
        &self,
        caller: &Caller,
        form: &MassRevokeForm,
        ip: Option<String>,
    ) -> Result<RevocationBatchId, MassRevocationError> {
        caller.require_operator()?;
        let valid = form.validate().map_err(MassRevocationError::Invalid)?;
        let token = valid.form_token.as_str();
        if let Some(done) = revocation_batches::find_by_token(&self.store, token).await? {
            return Ok(RevocationBatchId(done.id));
        }
        let reason = RevocationReason::parse(valid.reason)
            .ok_or_else(|| invalid("reason", Msg::new("err-revocations-choose-reason")))?;
        let now = self.clock.now();
        let cas = authorities::list(&self.store).await?;
        let (ids, criteria) = match &valid.selection {
            Selection::Certificates(chosen) => {
                let chosen: Vec<i32> = chosen.iter().map(|c| c.get()).collect();
                let ids =
                    revocation_batches::revocable_among_for_operator(&self.store, &chosen, now)
                        .await?;
                // The search the ticks were made in, when it still reads.
                let from = form
                    .search
                    .validate()
                    .map(|s| format!(" from a search for {}", describe(&s, &cas)))
                    .unwrap_or_default();
                (ids, format!("{} chosen certificates{from}", chosen.len()))
            }
            Selection::AllMatching(_) => {
                let search = self.checked(&form.search).await?;
                let ids = revocation_batches::revocable_ids_for_operator(
                    &self.store,
                    &search,
                    now,
                    MAX_BATCH + 1,
                )
                .await?;
                if u64::try_from(ids.len()).unwrap_or(u64::MAX) > MAX_BATCH {
                    return Err(MassRevocationError::Refused(
                        Msg::new("err-revocations-too-many").arg("max", MAX_BATCH),
                    ));
                }
                (
                    ids,
                    format!("every valid certificate with {}", describe(&search, &cas)),
                )
            }
        };
        if ids.is_empty() {
            return Err(MassRevocationError::Refused(Msg::new(
                "err-revocations-nothing-to-revoke",
            )));
        }
        let count = u64::try_from(ids.len()).unwrap_or(u64::MAX);
        // The operator typed how many they revoke: what changed since the page was shown (a
        // certificate revoked or expired meanwhile, more matches) shows here, not afterwards.
        if valid.confirm != count {
            return Err(invalid(
                "confirm",
                Msg::new("err-revocations-confirm-mismatch")
                    .arg("typed", valid.confirm)
                    .arg("count", count),
            ));
        }
        let operator = format!("{} <{}>", caller.user.name, caller.user.email);
        let tx = self.store.begin().await?;
        let batch = match revocation_batches::insert(
            &tx,
            revocation_batches::NewBatch {
                created_by: caller.user.id,
                operator: &operator,
                reason,
                comment: &valid.comment,
                form_token: token,
                criteria: &criteria,
                certificate_ids: &ids,
                at: now,
            },
        )
        .await
        {
            Ok(batch) => batch,
            // The same post twice at once: the other one made the batch.
            Err(StoreError::Duplicate) => {
                drop(tx);
                return revocation_batches::find_by_token(&self.store, token)
                    .await?
                    .map(|b| RevocationBatchId(b.id))
                    .ok_or(MassRevocationError::NotFound);
            }
            Err(e) => return Err(e.into()),
        };
        // Until each is revoked (and after), clients that ask for renewal information are
        // told to renew now.
        acme_renewal::insert_marks_many(
            &tx,
            &ids,
            // The column holds 320 characters: an address (at most 254) and the batch fit.
            &format!("mass revocation #{} by {}", batch.id, caller.user.email),
            now,
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "operator",
                action: "mass_revocation_started",
                summary: format!(
                    "Mass revocation #{} of {count} certificates ({}): {}. Comment: {}",
                    batch.id,
                    reason.as_str(),
                    criteria,
                    valid.comment
                ),
            },
        )
        .await?;
        tx.commit().await?;
        self.runner.notify_one();
        Ok(RevocationBatchId(batch.id))
    }
}

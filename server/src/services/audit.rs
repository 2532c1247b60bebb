use chrono::{DateTime, SubsecRound, Utc};

use crate::{
    domain::audit_chain::{ChainFields, GENESIS, entry_hash},
    store::{
        Store, StoreError, Tx,
        audit::{self, NewAuditRow},
    },
};

/// One state change or sign-in, as the audit log records it.
pub struct AuditEntry<'a> {
    pub account_id: Option<i32>,
    pub user_id: Option<i32>,
    pub ip: Option<String>,
    pub module: &'a str,
    pub action: &'a str,
    pub summary: String,
}

/// Appends an entry to the chain inside the caller's transaction, so the entry exists exactly
/// when the change it describes does.
pub async fn record(tx: &Tx, at: DateTime<Utc>, entry: AuditEntry<'_>) -> Result<(), StoreError> {
    record_many(tx, at, vec![entry]).await
}

/// Appends entries in order with one read of the chain's head and one insert: a batch of
/// certificates writes its entries at the cost of one.
pub async fn record_many(
    tx: &Tx,
    at: DateTime<Utc>,
    entries: Vec<AuditEntry<'_>>,
) -> Result<(), StoreError> {
    if entries.is_empty() {
        return Ok(());
    }
    // Both databases keep microseconds; hashing the stored precision keeps the chain verifiable.
    let at = at.trunc_subsecs(6);
    let at_text = at.to_rfc3339();
    let mut prev_hash = audit::lock_head(tx)
        .await?
        .map(|row| row.hash)
        .unwrap_or_else(|| GENESIS.to_owned());
    let mut rows = Vec::with_capacity(entries.len());
    for entry in entries {
        let hash = entry_hash(&ChainFields {
            prev_hash: &prev_hash,
            at_rfc3339: &at_text,
            account_id: entry.account_id,
            user_id: entry.user_id,
            ip: entry.ip.as_deref(),
            module: entry.module,
            action: entry.action,
            summary: &entry.summary,
        });
        rows.push(NewAuditRow {
            at,
            account_id: entry.account_id,
            user_id: entry.user_id,
            ip: entry.ip,
            module: entry.module.to_owned(),
            action: entry.action.to_owned(),
            summary: entry.summary,
            prev_hash: std::mem::replace(&mut prev_hash, hash.clone()),
            hash,
        });
    }
    audit::insert_many(tx, rows).await
}

/// Where the chain breaks, if it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    pub id: i32,
    pub reason: &'static str,
}

/// Recomputes every entry's hash from its fields and the previous entry's hash. Any edited,
/// inserted or deleted row shows up as the first entry whose hashes no longer fit. Returns the
/// number of entries checked, or the first break.
pub async fn verify(store: &Store) -> Result<Result<u64, ChainBreak>, StoreError> {
    let mut prev = GENESIS.to_owned();
    let mut checked = 0u64;
    let walked = audit::each_in_order(store, |row| {
        if row.prev_hash != prev {
            return Err(ChainBreak {
                id: row.id,
                reason: "its previous-hash does not match the entry before it (an entry was removed or inserted)",
            });
        }
        let hash = entry_hash(&ChainFields {
            prev_hash: &row.prev_hash,
            at_rfc3339: &row.at.to_rfc3339(),
            account_id: row.account_id,
            user_id: row.user_id,
            ip: row.ip.as_deref(),
            module: &row.module,
            action: &row.action,
            summary: &row.summary,
        });
        if hash != row.hash {
            return Err(ChainBreak {
                id: row.id,
                reason: "its contents do not match its hash (the entry was changed)",
            });
        }
        prev = hash;
        checked += 1;
        Ok(())
    })
    .await?;
    Ok(walked.map(|()| checked))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::identity::test_support::harness;

    #[tokio::test]
    async fn the_chain_verifies_and_an_edited_or_removed_entry_is_found() {
        let h = harness().await;
        h.signed_in("asha@example.com").await;
        h.signed_in("ravi@example.com").await;
        let entries = verify(&h.store).await.unwrap().unwrap();
        assert!(entries >= 6, "{entries}");

        h.store
            .execute_raw("UPDATE audit_events SET summary = 'nothing happened' WHERE id = 3")
            .await
            .unwrap();
        assert_eq!(
            verify(&h.store).await.unwrap().unwrap_err().id,
            3,
            "the edited entry"
        );
        h.store
            .execute_raw("DELETE FROM audit_events WHERE id = 3")
            .await
            .unwrap();
        assert_eq!(
            verify(&h.store).await.unwrap().unwrap_err().id,
            4,
            "the entry after the removed one"
        );
    }
}

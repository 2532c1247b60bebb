use chrono::{DateTime, SubsecRound, Utc};

use crate::{
    domain::audit_chain::{ChainFields, GENESIS, entry_hash},
    store::{
        StoreError, Tx,
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

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
    // Both databases keep microseconds; hashing the stored precision keeps the chain verifiable.
    let at = at.trunc_subsecs(6);
    let prev_hash = audit::lock_head(tx)
        .await?
        .map(|row| row.hash)
        .unwrap_or_else(|| GENESIS.to_owned());
    let at_text = at.to_rfc3339();
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
    audit::insert(
        tx,
        NewAuditRow {
            at,
            account_id: entry.account_id,
            user_id: entry.user_id,
            ip: entry.ip,
            module: entry.module.to_owned(),
            action: entry.action.to_owned(),
            summary: entry.summary,
            prev_hash,
            hash,
        },
    )
    .await?;
    Ok(())
}

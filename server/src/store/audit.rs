use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use super::{AuditRow, Db, StoreError, Tx, entities::audit_events};

pub struct NewAuditRow {
    pub at: DateTime<Utc>,
    pub account_id: Option<i32>,
    pub user_id: Option<i32>,
    pub ip: Option<String>,
    pub module: String,
    pub action: String,
    pub summary: String,
    pub prev_hash: String,
    pub hash: String,
}

/// Serialises writers of the chain until this transaction ends, then returns the newest row.
/// PostgreSQL needs an explicit lock; SQLite has one writer at a time already.
pub async fn lock_head(tx: &Tx) -> Result<Option<AuditRow>, StoreError> {
    if tx.is_postgres() {
        // An arbitrary constant that names "the audit chain" among advisory locks.
        tx.conn()
            .execute_unprepared("SELECT pg_advisory_xact_lock(7305001)")
            .await?;
    }
    Ok(audit_events::Entity::find()
        .order_by_desc(audit_events::Column::Id)
        .one(tx.conn())
        .await?)
}

/// Rows per INSERT: far below the bind-parameter limits of SQLite and PostgreSQL.
const ROWS_PER_INSERT: usize = 1000;

/// Inserts rows in order, so their ids follow the chain.
pub async fn insert_many(tx: &Tx, rows: Vec<NewAuditRow>) -> Result<(), StoreError> {
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<_> = rows
            .by_ref()
            .take(ROWS_PER_INSERT)
            .map(|row| audit_events::ActiveModel {
                at: Set(row.at),
                account_id: Set(row.account_id),
                user_id: Set(row.user_id),
                ip: Set(row.ip),
                module: Set(row.module),
                action: Set(row.action),
                summary: Set(row.summary),
                prev_hash: Set(row.prev_hash),
                hash: Set(row.hash),
                ..Default::default()
            })
            .collect();
        audit_events::Entity::insert_many(chunk)
            .exec(tx.conn())
            .await
            .map_err(StoreError::from_db)?;
    }
    Ok(())
}

/// Every audit row of an account, oldest first.
pub async fn for_account(db: &impl Db, account_id: i32) -> Result<Vec<AuditRow>, StoreError> {
    Ok(audit_events::Entity::find()
        .filter(audit_events::Column::AccountId.eq(account_id))
        .order_by_asc(audit_events::Column::Id)
        .all(db.conn())
        .await?)
}

/// The whole chain, oldest first (for verification and the operator's view).
pub async fn all(db: &impl Db) -> Result<Vec<AuditRow>, StoreError> {
    Ok(audit_events::Entity::find()
        .order_by_asc(audit_events::Column::Id)
        .all(db.conn())
        .await?)
}

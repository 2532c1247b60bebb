use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use super::{AuditRow, Db, StoreError, Tx, entities::audit_events};
use crate::domain::audit_chain::{ChainFields, GENESIS, entry_hash};

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
pub async fn append(tx: &Tx, at: DateTime<Utc>, entry: AuditEntry<'_>) -> Result<(), StoreError> {
    append_many(tx, at, vec![entry]).await
}

/// Appends entries in order with one read of the chain's head and one insert: a batch of
/// certificates writes its entries at the cost of one.
pub async fn append_many(
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
    let mut prev_hash = lock_head(tx)
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
    insert_many(tx, rows).await
}

struct NewAuditRow {
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
async fn lock_head(tx: &Tx) -> Result<Option<AuditRow>, StoreError> {
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
async fn insert_many(tx: &Tx, rows: Vec<NewAuditRow>) -> Result<(), StoreError> {
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

/// Filters of the audit page; every condition is optional.
pub struct AuditFilter<'a> {
    pub account_id: i32,
    pub module: Option<&'a str>,
    /// Matches part of the acting user's e-mail address or name.
    pub user: Option<&'a str>,
    pub from: Option<DateTime<Utc>>,
    /// Exclusive upper bound.
    pub before: Option<DateTime<Utc>>,
}

fn filtered(f: &AuditFilter<'_>) -> sea_orm::Select<audit_events::Entity> {
    use sea_orm::sea_query::{ExprTrait, Func, Query};

    use super::entities::users;
    let mut q =
        audit_events::Entity::find().filter(audit_events::Column::AccountId.eq(f.account_id));
    if let Some(module) = f.module {
        q = q.filter(audit_events::Column::Module.eq(module));
    }
    if let Some(user) = f.user {
        let pattern = || super::like_contains(user);
        let matching = Query::select()
            .column(users::Column::Id)
            .from(users::Entity)
            .cond_where(
                sea_orm::Condition::any()
                    .add(Expr::expr(Func::lower(Expr::col(users::Column::Email))).like(pattern()))
                    .add(Expr::expr(Func::lower(Expr::col(users::Column::Name))).like(pattern())),
            )
            .to_owned();
        q = q.filter(audit_events::Column::UserId.in_subquery(matching));
    }
    if let Some(from) = f.from {
        q = q.filter(audit_events::Column::At.gte(from));
    }
    if let Some(before) = f.before {
        q = q.filter(audit_events::Column::At.lt(before));
    }
    q
}

/// One page of an account's entries, newest first, and how many match in all.
pub async fn page(
    db: &impl Db,
    filter: &AuditFilter<'_>,
    offset: u64,
    limit: u64,
) -> Result<(Vec<AuditRow>, u64), StoreError> {
    use sea_orm::{PaginatorTrait, QuerySelect};
    let total = filtered(filter).count(db.conn()).await?;
    let rows = filtered(filter)
        .order_by_desc(audit_events::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db.conn())
        .await?;
    Ok((rows, total))
}

/// The modules an account's log has entries for, sorted.
pub async fn modules_of_account(db: &impl Db, account_id: i32) -> Result<Vec<String>, StoreError> {
    use sea_orm::QuerySelect;
    Ok(audit_events::Entity::find()
        .select_only()
        .column(audit_events::Column::Module)
        .distinct()
        .filter(audit_events::Column::AccountId.eq(account_id))
        .order_by_asc(audit_events::Column::Module)
        .into_tuple()
        .all(db.conn())
        .await?)
}

/// Walks the chain in id order in slices, handing each row to `visit`; stops at the first
/// `Err` it returns.
pub async fn each_in_order<E>(
    db: &impl Db,
    mut visit: impl FnMut(&AuditRow) -> Result<(), E>,
) -> Result<Result<(), E>, StoreError> {
    use sea_orm::QuerySelect;
    let mut after = 0;
    loop {
        let rows = audit_events::Entity::find()
            .filter(audit_events::Column::Id.gt(after))
            .order_by_asc(audit_events::Column::Id)
            .limit(5000)
            .all(db.conn())
            .await?;
        let Some(last) = rows.last() else {
            return Ok(Ok(()));
        };
        after = last.id;
        for row in &rows {
            if let Err(e) = visit(row) {
                return Ok(Err(e));
            }
        }
    }
}

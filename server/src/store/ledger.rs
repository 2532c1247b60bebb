//! The ledger (FIN-2): transactions, their entries (which sum to zero), and the cached balance
//! of each holder. Every query is scoped to one account. Debits are one conditional UPDATE
//! (`… WHERE balance_minor >= amount`), so concurrent charges cannot overdraw on either
//! database; the table's CHECK constraint refuses a negative balance as a last line.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    ExprTrait, PaginatorTrait, QueryOrder, QuerySelect, QueryTrait, Select, TryInsertResult,
    entity::prelude::*,
    sea_query::{Expr, OnConflict},
};

pub use super::entities::{
    ledger_balances::Model as BalanceRow, ledger_entries::Model as EntryRow,
    ledger_transactions::Model as TransactionRow,
};
use app::model::{Currency, Money};

use super::{
    Db, GroupRow, StoreError,
    entities::{groups, ledger_balances, ledger_entries, ledger_transactions, users},
    stored::Stored,
};
use crate::domain::ledger::{Holder, Kind};

pub struct NewTransaction<'a> {
    pub account_id: i32,
    pub kind: Kind,
    pub group_id: Option<i32>,
    pub order_id: Option<i32>,
    /// Positive: the postings carry the signs.
    pub amount: Money,
    pub memo: &'a str,
    pub actor_user_id: Option<i32>,
    pub at: DateTime<Utc>,
}

/// Inserts a transaction and returns its id; `None` when the account already has a
/// transaction of this kind for this order (a charge or refund that happened before).
pub async fn insert_transaction(
    db: &impl Db,
    t: NewTransaction<'_>,
) -> Result<Option<i32>, StoreError> {
    let inserted = ledger_transactions::Entity::insert(ledger_transactions::ActiveModel {
        account_id: Set(t.account_id),
        kind: Set(t.kind.into()),
        group_id: Set(t.group_id),
        order_id: Set(t.order_id),
        amount_minor: Set(t.amount.minor),
        currency: Set(t.amount.currency.into()),
        memo: Set(t.memo.to_owned()),
        actor_user_id: Set(t.actor_user_id),
        created_at: Set(t.at),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            ledger_transactions::Column::AccountId,
            ledger_transactions::Column::OrderId,
            ledger_transactions::Column::Kind,
        ])
        .do_nothing()
        .to_owned(),
    )
    .try_insert()
    .exec(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(match inserted {
        TryInsertResult::Inserted(r) => Some(r.last_insert_id),
        TryInsertResult::Conflicted | TryInsertResult::Empty => None,
    })
}

/// Records the entries of a transaction: `(holder, signed amount)`.
pub async fn insert_entries(
    db: &impl Db,
    transaction_id: i32,
    account_id: i32,
    currency: Currency,
    entries: &[(Holder, i64)],
) -> Result<(), StoreError> {
    ledger_entries::Entity::insert_many(entries.iter().map(|(holder, amount)| {
        ledger_entries::ActiveModel {
            transaction_id: Set(transaction_id),
            account_id: Set(account_id),
            holder: Set((*holder).into()),
            amount_minor: Set(*amount),
            currency: Set(currency.into()),
            ..Default::default()
        }
    }))
    .exec_without_returning(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// Takes `amount_minor` (> 0) from a holder's balance if it covers it; `false` (and nothing
/// changed) when it does not. One statement: a concurrent debit waits for this row and then
/// re-checks the condition against the new balance.
pub async fn debit_if_covered(
    db: &impl Db,
    account_id: i32,
    holder: Holder,
    amount_minor: i64,
) -> Result<bool, StoreError> {
    let done = ledger_balances::Entity::update_many()
        .col_expr(
            ledger_balances::Column::BalanceMinor,
            Expr::col(ledger_balances::Column::BalanceMinor).sub(amount_minor),
        )
        .filter(ledger_balances::Column::AccountId.eq(account_id))
        .filter(ledger_balances::Column::Holder.eq(Stored(holder)))
        .filter(ledger_balances::Column::BalanceMinor.gte(amount_minor))
        .exec(db.conn())
        .await
        .map_err(StoreError::from_db)?;
    Ok(done.rows_affected == 1)
}

/// Adds a signed amount to a holder's balance, creating the row at the first movement. Used
/// for credits, and for the operator's side, which may run below zero.
pub async fn add_to_balance(
    db: &impl Db,
    account_id: i32,
    holder: Holder,
    amount: Money,
) -> Result<(), StoreError> {
    let (amount_minor, currency) = (amount.minor, amount.currency);
    ledger_balances::Entity::insert(ledger_balances::ActiveModel {
        account_id: Set(account_id),
        holder: Set(holder.into()),
        balance_minor: Set(amount_minor),
        currency: Set(currency.into()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            ledger_balances::Column::AccountId,
            ledger_balances::Column::Holder,
        ])
        .value(
            ledger_balances::Column::BalanceMinor,
            Expr::cust("ledger_balances.balance_minor + excluded.balance_minor"),
        )
        .to_owned(),
    )
    .exec_without_returning(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// A holder's cached balance; 0 before its first movement.
pub async fn balance(db: &impl Db, account_id: i32, holder: Holder) -> Result<i64, StoreError> {
    Ok(ledger_balances::Entity::find()
        .filter(ledger_balances::Column::AccountId.eq(account_id))
        .filter(ledger_balances::Column::Holder.eq(Stored(holder)))
        .one(db.conn())
        .await?
        .map_or(0, |b| b.balance_minor))
}

/// Every cached balance of an account.
pub async fn balances(db: &impl Db, account_id: i32) -> Result<Vec<BalanceRow>, StoreError> {
    Ok(ledger_balances::Entity::find()
        .filter(ledger_balances::Column::AccountId.eq(account_id))
        .order_by_asc(ledger_balances::Column::Holder)
        .all(db.conn())
        .await?)
}

/// The group's charges minus its refunds, whoever paid them.
pub async fn group_spent(db: &impl Db, account_id: i32, group_id: i32) -> Result<i64, StoreError> {
    let spent: Option<i64> = ledger_transactions::Entity::find()
        .select_only()
        .column_as(
            Expr::cust(
                "CAST(COALESCE(SUM(CASE WHEN kind = 'order_charge' THEN amount_minor \
                 ELSE -amount_minor END), 0) AS BIGINT)",
            ),
            "spent",
        )
        .filter(ledger_transactions::Column::AccountId.eq(account_id))
        .filter(ledger_transactions::Column::GroupId.eq(group_id))
        .filter(
            ledger_transactions::Column::Kind
                .is_in([Stored(Kind::OrderCharge), Stored(Kind::OrderRefund)]),
        )
        .into_tuple()
        .one(db.conn())
        .await?;
    Ok(spent.unwrap_or(0))
}

/// The account's group, locked for the rest of the transaction on PostgreSQL so that charges
/// against one spend limit take turns (SQLite has a single writer anyway).
pub async fn lock_group(
    db: &impl Db,
    account_id: i32,
    group_id: i32,
) -> Result<Option<GroupRow>, StoreError> {
    Ok(groups::Entity::find()
        .filter(groups::Column::Id.eq(group_id))
        .filter(groups::Column::AccountId.eq(account_id))
        .lock_exclusive()
        .one(db.conn())
        .await?)
}

/// The account's transaction of `kind` for an order, with its entries.
pub async fn order_transaction(
    db: &impl Db,
    account_id: i32,
    order_id: i32,
    kind: Kind,
) -> Result<Option<(TransactionRow, Vec<EntryRow>)>, StoreError> {
    let Some(t) = ledger_transactions::Entity::find()
        .filter(ledger_transactions::Column::AccountId.eq(account_id))
        .filter(ledger_transactions::Column::OrderId.eq(order_id))
        .filter(ledger_transactions::Column::Kind.eq(Stored(kind)))
        .one(db.conn())
        .await?
    else {
        return Ok(None);
    };
    let entries = ledger_entries::Entity::find()
        .filter(ledger_entries::Column::TransactionId.eq(t.id))
        .order_by_asc(ledger_entries::Column::Id)
        .all(db.conn())
        .await?;
    Ok(Some((t, entries)))
}

/// What `holder` held right after transaction `transaction_id` (its entries up to and including
/// that transaction's): the running balance a statement shows.
pub async fn balance_after(
    db: &impl Db,
    account_id: i32,
    holder: Holder,
    transaction_id: i32,
) -> Result<i64, StoreError> {
    let sum: Option<i64> = ledger_entries::Entity::find()
        .select_only()
        .column_as(
            Expr::cust("CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT)"),
            "balance",
        )
        .filter(ledger_entries::Column::AccountId.eq(account_id))
        .filter(ledger_entries::Column::Holder.eq(Stored(holder)))
        .filter(ledger_entries::Column::TransactionId.lte(transaction_id))
        .into_tuple()
        .one(db.conn())
        .await?;
    Ok(sum.unwrap_or(0))
}

/// A transaction as a statement lists it.
pub struct StatementRow {
    pub transaction: TransactionRow,
    pub entries: Vec<EntryRow>,
    pub actor_name: Option<String>,
}

/// Which of an account's transactions a statement lists.
#[derive(Debug, Clone, Copy, Default)]
pub struct LedgerFilter {
    /// Only the group's (its allocations and orders).
    pub group_id: Option<i32>,
    pub kind: Option<Kind>,
    /// Made at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Made before this instant.
    pub until: Option<DateTime<Utc>>,
}

impl LedgerFilter {
    /// Only the group's transactions.
    pub fn group(group_id: Option<i32>) -> Self {
        Self {
            group_id,
            ..Self::default()
        }
    }

    fn select(self, account_id: i32) -> Select<ledger_transactions::Entity> {
        let mut q = ledger_transactions::Entity::find()
            .filter(ledger_transactions::Column::AccountId.eq(account_id));
        if let Some(g) = self.group_id {
            q = q.filter(ledger_transactions::Column::GroupId.eq(g));
        }
        if let Some(k) = self.kind {
            q = q.filter(ledger_transactions::Column::Kind.eq(Stored(k)));
        }
        if let Some(from) = self.from {
            q = q.filter(ledger_transactions::Column::CreatedAt.gte(from));
        }
        if let Some(until) = self.until {
            q = q.filter(ledger_transactions::Column::CreatedAt.lt(until));
        }
        q
    }
}

/// What the transactions the filter selects did to `holder`'s balance: the sum of their
/// credits and of their debits (positive), in one query.
pub async fn credits_and_debits(
    db: &impl Db,
    account_id: i32,
    holder: Holder,
    filter: LedgerFilter,
) -> Result<(i64, i64), StoreError> {
    let ids = filter
        .select(account_id)
        .select_only()
        .column(ledger_transactions::Column::Id)
        .into_query();
    let sums: Option<(i64, i64)> = ledger_entries::Entity::find()
        .select_only()
        .column_as(
            Expr::cust(
                "CAST(COALESCE(SUM(CASE WHEN amount_minor > 0 THEN amount_minor ELSE 0 END), 0) \
                 AS BIGINT)",
            ),
            "credits",
        )
        .column_as(
            Expr::cust(
                "CAST(COALESCE(SUM(CASE WHEN amount_minor < 0 THEN -amount_minor ELSE 0 END), 0) \
                 AS BIGINT)",
            ),
            "debits",
        )
        .filter(ledger_entries::Column::AccountId.eq(account_id))
        .filter(ledger_entries::Column::Holder.eq(Stored(holder)))
        .filter(ledger_entries::Column::TransactionId.in_subquery(ids))
        .into_tuple()
        .one(db.conn())
        .await?;
    Ok(sums.unwrap_or((0, 0)))
}

/// What `holder` held just before `at` (every transaction made earlier): a statement's
/// opening balance, and with the end of its last day, its closing balance.
pub async fn balance_before(
    db: &impl Db,
    account_id: i32,
    holder: Holder,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let (credits, debits) = credits_and_debits(
        db,
        account_id,
        holder,
        LedgerFilter {
            until: Some(at),
            ..LedgerFilter::default()
        },
    )
    .await?;
    Ok(credits.saturating_sub(debits))
}

/// A page of the account's transactions the filter selects, newest first, and how many it
/// selects in all.
pub async fn page(
    db: &impl Db,
    account_id: i32,
    filter: LedgerFilter,
    offset: u64,
    limit: u64,
) -> Result<(Vec<StatementRow>, u64), StoreError> {
    let q = filter.select(account_id);
    let total = q.clone().count(db.conn()).await?;
    let rows = q
        .order_by_desc(ledger_transactions::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db.conn())
        .await?;
    let ids: Vec<i32> = rows.iter().map(|t| t.id).collect();
    let mut entries: HashMap<i32, Vec<EntryRow>> = HashMap::new();
    for e in ledger_entries::Entity::find()
        .filter(ledger_entries::Column::TransactionId.is_in(ids))
        .order_by_asc(ledger_entries::Column::Id)
        .all(db.conn())
        .await?
    {
        entries.entry(e.transaction_id).or_default().push(e);
    }
    let actor_ids: Vec<i32> = rows.iter().filter_map(|t| t.actor_user_id).collect();
    let names: HashMap<i32, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(actor_ids))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    Ok((
        rows.into_iter()
            .map(|t| StatementRow {
                entries: entries.remove(&t.id).unwrap_or_default(),
                actor_name: t.actor_user_id.and_then(|id| names.get(&id).cloned()),
                transaction: t,
            })
            .collect(),
        total,
    ))
}

/// Every entry of an account (for checking the ledger's invariants).
pub async fn entries_of_account(
    db: &impl Db,
    account_id: i32,
) -> Result<Vec<EntryRow>, StoreError> {
    Ok(ledger_entries::Entity::find()
        .filter(ledger_entries::Column::AccountId.eq(account_id))
        .order_by_asc(ledger_entries::Column::Id)
        .all(db.conn())
        .await?)
}

/// Removes a transaction that has no entries yet (a debit it needed was refused).
pub async fn delete_transaction(db: &impl Db, account_id: i32, id: i32) -> Result<(), StoreError> {
    ledger_transactions::Entity::delete_many()
        .filter(ledger_transactions::Column::Id.eq(id))
        .filter(ledger_transactions::Column::AccountId.eq(account_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// The account's transactions of the given kinds made in `[from, to)`, oldest first.
pub async fn of_kinds_between(
    db: &impl Db,
    account_id: i32,
    kinds: &[Kind],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<TransactionRow>, StoreError> {
    Ok(ledger_transactions::Entity::find()
        .filter(ledger_transactions::Column::AccountId.eq(account_id))
        .filter(ledger_transactions::Column::Kind.is_in(kinds.iter().copied().map(Stored)))
        .filter(ledger_transactions::Column::CreatedAt.gte(from))
        .filter(ledger_transactions::Column::CreatedAt.lt(to))
        .order_by_asc(ledger_transactions::Column::Id)
        .all(db.conn())
        .await?)
}

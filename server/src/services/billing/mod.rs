//! Credits and balances (FIN-2): the operator grants credits to an account, administrators
//! allocate them to groups and back, orders are charged and refunded — every change a
//! balanced ledger transaction in the same database transaction as what it pays for.

mod account_credits;
mod allocate;
mod charge;
mod grant;
mod group_finance;
mod low_balance;
mod low_balance_check;
mod monthly_invoice;
mod overview;
mod statement;
mod tax_details;
mod tax_invoice;

use app::i18n::{Lang, Msg};
use std::{collections::HashMap, sync::Arc};

use app::model::{
    Currency, FieldErrors, Money, Permission,
    billing::{LedgerLine, STATEMENT_PAGE_SIZE, StatementPage, format_money},
    field_errors::page_number,
};
use chrono::{DateTime, Utc};

pub use charge::{OrderCharge, PayerBalance, charge_order, payer_balance, refund_order};
pub use monthly_invoice::MonthlyInvoice;
pub use statement::{STATEMENT_EXPORT_LIMIT, STATEMENT_XLSX};
pub use tax_invoice::{charge_with_invoice, gst_on};

use crate::{
    domain::ledger::{self, Holder, Kind},
    ports::Clock,
    store::{
        Db, Store, StoreError, Tx,
        ledger::{LedgerFilter, NewTransaction, StatementRow},
    },
};

pub struct BillingService {
    store: Store,
    clock: Arc<dyn Clock>,
    /// The public URL without a trailing slash: low-balance mails link to its add-credits page.
    portal: String,
}

#[derive(Debug, thiserror::Error)]
pub enum BillingError {
    #[error("the role lacks {0:?}")]
    Forbidden(Permission),
    #[error("only operator users may do this")]
    OperatorOnly,
    /// Another account's object, or none at all: the same answer for both.
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    #[error("{}", insufficient_message(*.balance_minor, *.needed_minor, .currency).text(Lang::En))]
    InsufficientBalance {
        balance_minor: i64,
        needed_minor: i64,
        currency: String,
    },
    #[error("{}", spend_limit_message(*.limit_minor, *.spent_minor, *.needed_minor, .currency).text(Lang::En))]
    SpendLimitExceeded {
        limit_minor: i64,
        spent_minor: i64,
        needed_minor: i64,
        currency: String,
    },
    /// A valid request the rules refuse, with the reason to show.
    #[error("{0}")]
    Refused(Msg),
    /// The order has been charged before; a charge never happens twice.
    #[error("This order has already been paid.")]
    AlreadyCharged { order_id: i32 },
    /// A caller's mistake, not a user's: the order is priced in another currency.
    #[error("the charge is in {got}, the account's credits are in {expected}")]
    CurrencyMismatch { expected: String, got: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<crate::services::identity::Forbidden> for BillingError {
    fn from(f: crate::services::identity::Forbidden) -> Self {
        Self::Forbidden(f.0)
    }
}

impl From<crate::services::identity::OperatorOnly> for BillingError {
    fn from(_: crate::services::identity::OperatorOnly) -> Self {
        Self::OperatorOnly
    }
}

fn insufficient_message(balance: i64, needed: i64, currency: &str) -> Msg {
    Msg::new("err-insufficient-balance")
        .arg("available", format_money(balance, currency))
        .arg("needed", format_money(needed, currency))
        .arg("how", Msg::new("overview-how-credit"))
}

fn spend_limit_message(limit: i64, spent: i64, needed: i64, currency: &str) -> Msg {
    Msg::new("err-spend-limit-exceeded")
        .arg("limit", format_money(limit, currency))
        .arg("spent", format_money(spent, currency))
        .arg("needed", format_money(needed, currency))
}

impl BillingError {
    /// What a user reads about a refusal; the other kinds are not the user's to fix, and
    /// read as their English description (they end up as incidents).
    pub fn user_msg(&self) -> Msg {
        match self {
            Self::InsufficientBalance {
                balance_minor,
                needed_minor,
                currency,
            } => insufficient_message(*balance_minor, *needed_minor, currency),
            Self::SpendLimitExceeded {
                limit_minor,
                spent_minor,
                needed_minor,
                currency,
            } => spend_limit_message(*limit_minor, *spent_minor, *needed_minor, currency),
            Self::Refused(reason) => reason.clone(),
            Self::AlreadyCharged { .. } => Msg::new("err-order-already-paid"),
            other => Msg::new("err-billing-refused").arg("detail", other.to_string()),
        }
    }
}

impl BillingService {
    pub fn new(store: Store, clock: Arc<dyn Clock>, portal: String) -> Self {
        Self {
            store,
            clock,
            portal: portal.trim_end_matches('/').to_owned(),
        }
    }
}

/// One movement of credits, as `post` writes it.
struct Movement<'a> {
    account_id: i32,
    currency: Currency,
    kind: Kind,
    amount_minor: i64,
    /// The group whose balance is debited or credited (allocation, or an order the group pays).
    paying_group: Option<i32>,
    /// The group the transaction is listed under (its history and spend limit).
    group_id: Option<i32>,
    order_id: Option<i32>,
    memo: &'a str,
    actor_user_id: Option<i32>,
    at: DateTime<Utc>,
    /// The public URL a low-balance mail this movement sends links to.
    portal: &'a str,
}

/// Writes a balanced transaction and moves the balances, inside the caller's transaction.
/// `Ok(None)` when the account already has this kind of transaction for the order. A debit
/// the balance does not cover changes nothing and answers `InsufficientBalance`. A balance
/// it takes below its low-balance alert's threshold queues the alert's mail, once.
async fn post(tx: &Tx, m: Movement<'_>) -> Result<Option<i32>, BillingError> {
    let postings = ledger::postings(m.kind, m.amount_minor, m.paying_group).map_err(|_| {
        BillingError::Invalid(FieldErrors::single(
            "amount",
            Msg::new("err-enter-amount-greater-than-zero"),
        ))
    })?;
    // Local invariant of `ledger::postings`; checked so a future kind cannot break it quietly.
    if !ledger::balances(&postings) {
        return Err(BillingError::Refused(Msg::new(
            "err-ledger-refused-unbalanced-transaction",
        )));
    }
    let Some(id) = crate::store::ledger::insert_transaction(
        tx,
        NewTransaction {
            account_id: m.account_id,
            kind: m.kind,
            group_id: m.group_id,
            order_id: m.order_id,
            amount: Money::new(m.amount_minor, m.currency),
            memo: m.memo,
            actor_user_id: m.actor_user_id,
            at: m.at,
        },
    )
    .await?
    else {
        return Ok(None);
    };
    for p in postings {
        let key = p.holder;
        if p.amount_minor < 0 && !p.holder.may_go_negative() {
            let needed = p.amount_minor.saturating_neg();
            if !crate::store::ledger::debit_if_covered(tx, m.account_id, key, needed).await? {
                // Leave no transaction without entries, should the caller commit anyway.
                crate::store::ledger::delete_transaction(tx, m.account_id, id).await?;
                return Err(BillingError::InsufficientBalance {
                    balance_minor: crate::store::ledger::balance(tx, m.account_id, key).await?,
                    needed_minor: needed,
                    currency: m.currency.as_str().to_owned(),
                });
            }
        } else {
            crate::store::ledger::add_to_balance(
                tx,
                m.account_id,
                key,
                Money::new(p.amount_minor, m.currency),
            )
            .await?;
        }
    }
    let entries: Vec<(Holder, i64)> = postings
        .iter()
        .map(|p| (p.holder, p.amount_minor))
        .collect();
    crate::store::ledger::insert_entries(tx, id, m.account_id, m.currency, &entries).await?;
    let holders = postings.map(|p| p.holder);
    low_balance_check::after_movement(tx, m.account_id, &holders, m.portal, m.at).await?;
    Ok(Some(id))
}

/// A movement of the account's own balance that no order or group is part of (payments and
/// withdrawals, `services/payments`).
pub(crate) struct AccountMovement<'a> {
    pub account_id: i32,
    pub amount: Money,
    pub kind: Kind,
    pub memo: &'a str,
    pub actor_user_id: Option<i32>,
    pub at: DateTime<Utc>,
    /// The public URL a low-balance mail links to.
    pub portal: &'a str,
}

/// Posts an [`AccountMovement`] in the caller's transaction. `Ok(None)` cannot happen without
/// an order; a debit the balance does not cover answers `InsufficientBalance`.
pub(crate) async fn post_account_movement(
    tx: &Tx,
    m: AccountMovement<'_>,
) -> Result<Option<i32>, BillingError> {
    post(
        tx,
        Movement {
            account_id: m.account_id,
            currency: m.amount.currency,
            kind: m.kind,
            amount_minor: m.amount.minor,
            paying_group: None,
            group_id: None,
            order_id: None,
            memo: m.memo,
            actor_user_id: m.actor_user_id,
            at: m.at,
            portal: m.portal,
        },
    )
    .await
}

/// A page of the account's statement (one group's history when `group_id` is given).
async fn statement(
    db: &impl Db,
    account_id: i32,
    currency: &str,
    group_id: Option<i32>,
    page: Option<u64>,
) -> Result<StatementPage, BillingError> {
    let page =
        page_number(page).map_err(|m| BillingError::Invalid(FieldErrors::single("page", m)))?;
    statement_page(
        db,
        account_id,
        currency,
        LedgerFilter::group(group_id),
        page,
    )
    .await
}

/// Page `page` (from 1) of the transactions the filter selects, each with the balances right
/// after it.
async fn statement_page(
    db: &impl Db,
    account_id: i32,
    currency: &str,
    filter: LedgerFilter,
    page: u64,
) -> Result<StatementPage, BillingError> {
    let offset = (page - 1) * STATEMENT_PAGE_SIZE;
    let (rows, total) =
        crate::store::ledger::page(db, account_id, filter, offset, STATEMENT_PAGE_SIZE).await?;
    let names = group_names(db, account_id).await?;
    let mut lines = Vec::with_capacity(rows.len());
    for r in rows {
        let account_balance =
            crate::store::ledger::balance_after(db, account_id, Holder::Account, r.transaction.id)
                .await?;
        let group_balance = match held_group(&r) {
            Some(g) => Some(
                crate::store::ledger::balance_after(
                    db,
                    account_id,
                    Holder::Group(g),
                    r.transaction.id,
                )
                .await?,
            ),
            None => None,
        };
        lines.push(line(r, &names, account_balance, group_balance));
    }
    Ok(StatementPage {
        currency: currency.to_owned(),
        lines,
        page,
        total,
    })
}

/// The names of the account's groups, by id.
async fn group_names(db: &impl Db, account_id: i32) -> Result<HashMap<i32, String>, BillingError> {
    Ok(crate::store::groups::for_account(db, account_id)
        .await?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect())
}

/// The group whose own balance the transaction moved, if any.
fn held_group(row: &StatementRow) -> Option<i32> {
    row.entries.iter().find_map(|e| match *e.holder {
        Holder::Group(g) => Some(g),
        _ => None,
    })
}

/// One statement line, given the balances right after its transaction.
fn line(
    row: StatementRow,
    group_names: &HashMap<i32, String>,
    account_balance: i64,
    group_balance: Option<i64>,
) -> LedgerLine {
    let t = row.transaction;
    let (mut account_change, mut group_change) = (0i64, 0i64);
    for e in &row.entries {
        match *e.holder {
            Holder::Account => account_change = account_change.saturating_add(e.amount_minor),
            Holder::Group(_) => group_change = group_change.saturating_add(e.amount_minor),
            Holder::Operator | Holder::Withdrawal => {}
        }
    }
    LedgerLine {
        id: t.id,
        at: app::model::Moment::from(t.created_at),
        kind: *t.kind,
        memo: t.memo,
        group_name: t.group_id.and_then(|g| group_names.get(&g).cloned()),
        order_id: t.order_id,
        account_change_minor: account_change,
        group_change_minor: group_change,
        account_balance_minor: account_balance,
        group_balance_minor: group_balance,
        amount_minor: t.amount_minor,
        actor: row.actor_name.unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests;

//! What the order service calls inside its own transaction: charge an order to whoever pays
//! for its group, refund it to where the money came from, and show the payer's balance.

use app::i18n::Msg;
use app::model::{Currency, FieldErrors, groups::FinanceMode};
use chrono::{DateTime, Utc};

use super::{BillingError, Movement, post};
use crate::{
    domain::ledger::{self, Holder, Kind},
    store::{Db, Tx, accounts, groups, ledger as store},
};

pub struct OrderCharge<'a> {
    pub account_id: i32,
    pub group_id: i32,
    pub order_id: i32,
    pub amount_minor: i64,
    pub currency: &'a str,
    pub memo: &'a str,
    /// The public URL a low-balance mail the charge sends links to.
    pub portal: &'a str,
}

/// Where an order's money comes from and how much is there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayerBalance {
    /// The group's own balance pays (finance mode `group`), not the account's.
    pub from_group: bool,
    pub balance_minor: i64,
    pub currency: String,
    /// What the group may still spend under its limit; `None` without a limit.
    pub spend_limit_left_minor: Option<i64>,
}

async fn account_currency(db: &impl Db, account_id: i32) -> Result<Currency, BillingError> {
    Ok(*accounts::find(db, account_id)
        .await?
        .ok_or(BillingError::NotFound)?
        .currency)
}

/// Debits the payer (the group's own balance when its finance mode is `group`, else the
/// account's), after the group's spend limit check (sum of the group's charges minus refunds,
/// plus this, <= limit). Changes nothing when it fails; a second charge of the same order is
/// `AlreadyCharged`.
pub async fn charge_order(
    tx: &Tx,
    charge: OrderCharge<'_>,
    actor_user_id: Option<i32>,
    at: DateTime<Utc>,
) -> Result<(), BillingError> {
    charge_order_transaction(tx, charge, actor_user_id, at)
        .await
        .map(|_| ())
}

/// [`charge_order`], answering the charge's ledger transaction (what its invoice records).
pub(super) async fn charge_order_transaction(
    tx: &Tx,
    charge: OrderCharge<'_>,
    actor_user_id: Option<i32>,
    at: DateTime<Utc>,
) -> Result<i32, BillingError> {
    if charge.amount_minor <= 0 {
        return Err(BillingError::Invalid(FieldErrors::single(
            "amount",
            Msg::new("err-order-charged-amount-greater-than"),
        )));
    }
    let currency = account_currency(tx, charge.account_id).await?;
    if currency.as_str() != charge.currency {
        return Err(BillingError::CurrencyMismatch {
            expected: currency.as_str().to_owned(),
            got: charge.currency.to_owned(),
        });
    }
    // Locked (PostgreSQL) so concurrent charges of one group meet its limit one at a time.
    let group = store::lock_group(tx, charge.account_id, charge.group_id)
        .await?
        .ok_or(BillingError::NotFound)?;
    let spent = store::group_spent(tx, charge.account_id, group.id).await?;
    if !ledger::within_spend_limit(group.spend_limit_minor, spent, charge.amount_minor) {
        return Err(BillingError::SpendLimitExceeded {
            limit_minor: group.spend_limit_minor.unwrap_or_default(),
            spent_minor: spent,
            needed_minor: charge.amount_minor,
            currency: currency.as_str().to_owned(),
        });
    }
    let posted = post(
        tx,
        Movement {
            account_id: charge.account_id,
            currency,
            kind: Kind::OrderCharge,
            amount_minor: charge.amount_minor,
            paying_group: (*group.finance_mode == FinanceMode::Group).then_some(group.id),
            group_id: Some(group.id),
            order_id: Some(charge.order_id),
            memo: charge.memo,
            actor_user_id,
            at,
            portal: charge.portal,
        },
    )
    .await?;
    match posted {
        Some(id) => Ok(id),
        None => Err(BillingError::AlreadyCharged {
            order_id: charge.order_id,
        }),
    }
}

/// Returns what was charged for the order and not yet refunded to where it came from;
/// `Ok(0)` when nothing (never charged, or refunded before: refunding twice is harmless).
/// `portal` is the public URL low-balance mails link to.
pub async fn refund_order(
    tx: &Tx,
    account_id: i32,
    order_id: i32,
    actor_user_id: Option<i32>,
    at: DateTime<Utc>,
    portal: &str,
) -> Result<i64, BillingError> {
    let Some((charge, entries)) =
        store::order_transaction(tx, account_id, order_id, Kind::OrderCharge).await?
    else {
        return Ok(0);
    };
    let paying_group =
        entries
            .iter()
            .filter(|e| e.amount_minor < 0)
            .find_map(|e| match *e.holder {
                Holder::Group(g) => Some(g),
                Holder::Account | Holder::Operator | Holder::Withdrawal => None,
            });
    let memo = format!("Refund of order {order_id}");
    let posted = post(
        tx,
        Movement {
            account_id,
            currency: *charge.currency,
            kind: Kind::OrderRefund,
            amount_minor: charge.amount_minor,
            paying_group,
            group_id: charge.group_id,
            order_id: Some(order_id),
            memo: &memo,
            actor_user_id,
            at,
            portal,
        },
    )
    .await?;
    Ok(posted.map_or(0, |_| charge.amount_minor))
}

/// What the summary & payment step shows: where the money comes from and how much is there.
pub async fn payer_balance(
    db: &impl Db,
    account_id: i32,
    group_id: i32,
) -> Result<PayerBalance, BillingError> {
    let currency = account_currency(db, account_id).await?;
    let group = groups::for_account(db, account_id)
        .await?
        .into_iter()
        .find(|g| g.id == group_id)
        .ok_or(BillingError::NotFound)?;
    let from_group = *group.finance_mode == FinanceMode::Group;
    let holder = if from_group {
        Holder::Group(group.id)
    } else {
        Holder::Account
    };
    let spent = store::group_spent(db, account_id, group.id).await?;
    Ok(PayerBalance {
        from_group,
        balance_minor: store::balance(db, account_id, holder).await?,
        currency: currency.as_str().to_owned(),
        spend_limit_left_minor: ledger::spend_limit_left(group.spend_limit_minor, spent),
    })
}

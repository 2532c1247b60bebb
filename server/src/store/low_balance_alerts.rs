//! Low-balance alerts (SET-1 / FIN-5): one row per alerted balance of an account (its own, or
//! a group's), keyed by the ledger's holder. Every query names the account. Marking a balance
//! below its threshold is one conditional UPDATE (`… WHERE below = false`), so of two
//! movements that cross at once only one sends the mail.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    Condition, ExprTrait, FromQueryResult, QueryOrder, QuerySelect,
    entity::prelude::*,
    sea_query::{Expr, OnConflict, Query},
};

pub use super::entities::low_balance_alerts::Model as AlertRow;
use app::{
    i18n::Lang,
    model::{AccountId, Currency, Money},
};

use super::{
    Db, StoreError,
    entities::{group_members, groups, low_balance_alerts},
    stored::Stored,
};
use crate::domain::ledger::Holder;

/// An alert as an administrator saves it.
pub struct NewAlert<'a> {
    pub account: AccountId,
    pub holder: Holder,
    pub enabled: bool,
    pub threshold: Money,
    /// The recipients, already checked.
    pub addresses: &'a [String],
    pub lang: Lang,
    /// Whether the balance is below the threshold as saved: then no mail until it is back.
    pub below: bool,
    pub by_user_id: i32,
    pub at: DateTime<Utc>,
}

/// Recipients are kept one a line.
pub fn addresses_of(row: &AlertRow) -> Vec<String> {
    row.addresses
        .lines()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The account's alerts.
pub async fn for_account(db: &impl Db, account: AccountId) -> Result<Vec<AlertRow>, StoreError> {
    Ok(low_balance_alerts::Entity::find()
        .filter(low_balance_alerts::Column::AccountId.eq(account.get()))
        .order_by_asc(low_balance_alerts::Column::Id)
        .all(db.conn())
        .await?)
}

/// The enabled alerts on any of `holders`' balances (at most the two a movement touches).
pub async fn enabled_for(
    db: &impl Db,
    account: AccountId,
    holders: &[Holder],
) -> Result<Vec<AlertRow>, StoreError> {
    Ok(low_balance_alerts::Entity::find()
        .filter(low_balance_alerts::Column::AccountId.eq(account.get()))
        .filter(low_balance_alerts::Column::Holder.is_in(holders.iter().copied().map(Stored)))
        .filter(low_balance_alerts::Column::Enabled.eq(true))
        .all(db.conn())
        .await?)
}

/// Saves the alert on a balance, replacing the one there was.
pub async fn save(db: &impl Db, a: NewAlert<'_>) -> Result<(), StoreError> {
    let group_id = match a.holder {
        Holder::Group(g) => Some(g),
        Holder::Account | Holder::Operator | Holder::Withdrawal => None,
    };
    low_balance_alerts::Entity::insert(low_balance_alerts::ActiveModel {
        account_id: Set(a.account.get()),
        holder: Set(a.holder.into()),
        group_id: Set(group_id),
        enabled: Set(a.enabled),
        threshold_minor: Set(a.threshold.minor),
        currency: Set(a.threshold.currency.into()),
        addresses: Set(a.addresses.join("\n")),
        lang: Set(a.lang.into()),
        below: Set(a.below),
        updated_at: Set(a.at),
        updated_by_user_id: Set(a.by_user_id),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            low_balance_alerts::Column::AccountId,
            low_balance_alerts::Column::Holder,
        ])
        .update_columns([
            low_balance_alerts::Column::Enabled,
            low_balance_alerts::Column::ThresholdMinor,
            low_balance_alerts::Column::Currency,
            low_balance_alerts::Column::Addresses,
            low_balance_alerts::Column::Lang,
            low_balance_alerts::Column::Below,
            low_balance_alerts::Column::UpdatedAt,
            low_balance_alerts::Column::UpdatedByUserId,
        ])
        .to_owned(),
    )
    .exec_without_returning(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// Removes the alert on a balance; false when there was none.
pub async fn remove(db: &impl Db, account: AccountId, holder: Holder) -> Result<bool, StoreError> {
    let done = low_balance_alerts::Entity::delete_many()
        .filter(low_balance_alerts::Column::AccountId.eq(account.get()))
        .filter(low_balance_alerts::Column::Holder.eq(Stored(holder)))
        .exec(db.conn())
        .await?;
    Ok(done.rows_affected > 0)
}

/// Marks the alert below its threshold; true only for the call that changed it (the one
/// that sends the mail).
pub async fn mark_below(db: &impl Db, account: AccountId, id: i32) -> Result<bool, StoreError> {
    set_below(db, account, id, true).await
}

/// Re-arms the alert: its balance is back at the threshold or above.
pub async fn rearm(db: &impl Db, account: AccountId, id: i32) -> Result<bool, StoreError> {
    set_below(db, account, id, false).await
}

async fn set_below(
    db: &impl Db,
    account: AccountId,
    id: i32,
    below: bool,
) -> Result<bool, StoreError> {
    let done = low_balance_alerts::Entity::update_many()
        .col_expr(low_balance_alerts::Column::Below, Expr::value(below))
        .filter(low_balance_alerts::Column::Id.eq(id))
        .filter(low_balance_alerts::Column::AccountId.eq(account.get()))
        .filter(low_balance_alerts::Column::Below.eq(!below))
        .exec(db.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

/// A balance below its alert's threshold, as the portal's banner shows it.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct BelowRow {
    pub holder: Stored<Holder>,
    pub threshold_minor: i64,
    pub currency: Stored<Currency>,
    pub balance_minor: i64,
    /// The group's name for a group's balance.
    pub group_name: Option<String>,
}

/// The balances below their enabled alert's threshold that a member of the account sees: the
/// account's own, and those of the groups paying from their own balance that the membership
/// belongs to. One query on the alerts' account index, with the balance and the group's name
/// read by their keys.
pub async fn below_for_member(
    db: &impl Db,
    account: AccountId,
    membership_id: i32,
) -> Result<Vec<BelowRow>, StoreError> {
    let member_groups = Query::select()
        .column((group_members::Entity, group_members::Column::GroupId))
        .from(group_members::Entity)
        .inner_join(
            groups::Entity,
            Expr::col((groups::Entity, groups::Column::Id))
                .equals((group_members::Entity, group_members::Column::GroupId)),
        )
        .and_where(
            Expr::col((group_members::Entity, group_members::Column::MembershipId))
                .eq(membership_id),
        )
        .and_where(Expr::col((groups::Entity, groups::Column::AccountId)).eq(account.get()))
        .and_where(
            Expr::col((groups::Entity, groups::Column::FinanceMode))
                .eq(Stored(app::model::groups::FinanceMode::Group)),
        )
        .to_owned();
    Ok(low_balance_alerts::Entity::find()
        .select_only()
        .column(low_balance_alerts::Column::Holder)
        .column(low_balance_alerts::Column::ThresholdMinor)
        .column(low_balance_alerts::Column::Currency)
        .column_as(
            Expr::cust(
                "COALESCE((SELECT b.balance_minor FROM ledger_balances b \
                 WHERE b.account_id = low_balance_alerts.account_id \
                 AND b.holder = low_balance_alerts.holder), 0)",
            ),
            "balance_minor",
        )
        .column_as(
            Expr::cust("(SELECT g.name FROM groups g WHERE g.id = low_balance_alerts.group_id)"),
            "group_name",
        )
        .filter(low_balance_alerts::Column::AccountId.eq(account.get()))
        .filter(low_balance_alerts::Column::Enabled.eq(true))
        .filter(low_balance_alerts::Column::Below.eq(true))
        .filter(
            Condition::any()
                .add(low_balance_alerts::Column::GroupId.is_null())
                .add(low_balance_alerts::Column::GroupId.in_subquery(member_groups)),
        )
        .order_by_asc(low_balance_alerts::Column::Id)
        .into_model::<BelowRow>()
        .all(db.conn())
        .await?)
}

//! Payments, bank details and withdrawals (FIN-1). Tenant queries take the `AccountId`;
//! the operator's queue and the webhooks (which learn the account from the payment) say
//! `any_account` in their names. A state changes by one conditional UPDATE (`… WHERE status =
//! 'pending'`), so two reports of one payment, or two decisions, change it once.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, QueryOrder, QuerySelect, TryInsertResult, entity::prelude::*,
    sea_query::OnConflict,
};

pub use super::entities::{
    bank_details::Model as BankDetailsRow, payments::Model as PaymentRow,
    withdrawals::Model as WithdrawalRow,
};
use app::model::{
    Currency, Money,
    payments::{PaymentProvider, PaymentStatus, WithdrawalStatus},
};

use super::{
    Db, StoreError,
    entities::{bank_details, payments, withdrawals},
    stored::Stored,
};

/// The most payments or withdrawals a page lists.
pub const LIST_LIMIT: u64 = 50;

pub struct NewPayment<'a> {
    pub account_id: i32,
    pub provider: PaymentProvider,
    pub amount: Money,
    pub reference: Option<&'a str>,
    pub paid_on: Option<String>,
    pub proof: Option<(String, String, Vec<u8>)>,
    pub form_token: &'a str,
    pub created_by_user_id: i32,
    pub at: DateTime<Utc>,
}

/// Inserts a payment, or finds the one this form's token already made: `(row, inserted)`.
pub async fn insert_payment(
    db: &impl Db,
    p: NewPayment<'_>,
) -> Result<(PaymentRow, bool), StoreError> {
    let (proof_file_name, proof_content_type, proof_bytes) = match p.proof {
        Some((name, kind, bytes)) => (Some(name), Some(kind), Some(bytes)),
        None => (None, None, None),
    };
    let inserted = payments::Entity::insert(payments::ActiveModel {
        account_id: Set(p.account_id),
        provider: Set(p.provider.into()),
        provider_payment_id: Set(None),
        amount_minor: Set(p.amount.minor),
        currency: Set(p.amount.currency.into()),
        status: Set(PaymentStatus::Pending.into()),
        checkout_url: Set(None),
        reference: Set(p.reference.map(str::to_owned)),
        paid_on: Set(p.paid_on),
        proof_file_name: Set(proof_file_name),
        proof_content_type: Set(proof_content_type),
        proof_bytes: Set(proof_bytes),
        reason: Set(None),
        form_token: Set(p.form_token.to_owned()),
        created_by_user_id: Set(p.created_by_user_id),
        ledger_transaction_id: Set(None),
        created_at: Set(p.at),
        decided_at: Set(None),
        decided_by_user_id: Set(None),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([payments::Column::AccountId, payments::Column::FormToken])
            .do_nothing()
            .to_owned(),
    )
    .try_insert()
    .exec(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    let fresh = matches!(inserted, TryInsertResult::Inserted(_));
    let row = payments::Entity::find()
        .filter(payments::Column::AccountId.eq(p.account_id))
        .filter(payments::Column::FormToken.eq(p.form_token))
        .one(db.conn())
        .await?
        .ok_or(StoreError::Inconsistent(
            "a payment inserted or found by its form token is missing".into(),
        ))?;
    Ok((row, fresh))
}

/// Records the provider's id of a started payment and where to continue it.
pub async fn set_provider_payment(
    db: &impl Db,
    account_id: i32,
    id: i32,
    provider_payment_id: &str,
    checkout_url: Option<&str>,
) -> Result<(), StoreError> {
    payments::Entity::update_many()
        .col_expr(
            payments::Column::ProviderPaymentId,
            Expr::value(provider_payment_id),
        )
        .col_expr(
            payments::Column::CheckoutUrl,
            Expr::value(checkout_url.map(str::to_owned)),
        )
        .filter(payments::Column::Id.eq(id))
        .filter(payments::Column::AccountId.eq(account_id))
        .exec(db.conn())
        .await
        .map_err(StoreError::from_db)?;
    Ok(())
}

pub async fn find(
    db: &impl Db,
    account_id: i32,
    id: i32,
) -> Result<Option<PaymentRow>, StoreError> {
    Ok(payments::Entity::find()
        .filter(payments::Column::Id.eq(id))
        .filter(payments::Column::AccountId.eq(account_id))
        .one(db.conn())
        .await?)
}

/// A payment by id whatever its account (the operator's decisions).
pub async fn find_any_account(db: &impl Db, id: i32) -> Result<Option<PaymentRow>, StoreError> {
    Ok(payments::Entity::find_by_id(id).one(db.conn()).await?)
}

/// A payment by the provider's id whatever its account (a webhook names only that).
pub async fn find_by_provider_id_any_account(
    db: &impl Db,
    provider: PaymentProvider,
    provider_payment_id: &str,
) -> Result<Option<PaymentRow>, StoreError> {
    Ok(payments::Entity::find()
        .filter(payments::Column::Provider.eq(Stored(provider)))
        .filter(payments::Column::ProviderPaymentId.eq(provider_payment_id))
        .one(db.conn())
        .await?)
}

/// Moves a pending payment to `status`; `false` (and nothing changed) when it is not pending
/// any more: someone else decided or credited it first.
pub async fn settle_if_pending(
    db: &impl Db,
    id: i32,
    status: PaymentStatus,
    reason: Option<&str>,
    decided_by_user_id: Option<i32>,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = payments::Entity::update_many()
        .col_expr(payments::Column::Status, Expr::value(Stored(status)))
        .col_expr(
            payments::Column::Reason,
            Expr::value(reason.map(str::to_owned)),
        )
        .col_expr(
            payments::Column::DecidedByUserId,
            Expr::value(decided_by_user_id),
        )
        .col_expr(payments::Column::DecidedAt, Expr::value(Some(at)))
        .filter(payments::Column::Id.eq(id))
        .filter(payments::Column::Status.eq(Stored(PaymentStatus::Pending)))
        .exec(db.conn())
        .await
        .map_err(StoreError::from_db)?;
    Ok(done.rows_affected == 1)
}

/// Links a credited payment to its ledger transaction.
pub async fn set_ledger_transaction(
    db: &impl Db,
    id: i32,
    transaction_id: i32,
) -> Result<(), StoreError> {
    payments::Entity::update_many()
        .col_expr(
            payments::Column::LedgerTransactionId,
            Expr::value(transaction_id),
        )
        .filter(payments::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// The account's payments, newest first.
pub async fn for_account(db: &impl Db, account_id: i32) -> Result<Vec<PaymentRow>, StoreError> {
    Ok(payments::Entity::find()
        .filter(payments::Column::AccountId.eq(account_id))
        .order_by_desc(payments::Column::Id)
        .limit(LIST_LIMIT)
        .all(db.conn())
        .await?)
}

/// Bank transfers waiting for the operator, oldest first.
pub async fn pending_offline_any_account(db: &impl Db) -> Result<Vec<PaymentRow>, StoreError> {
    Ok(payments::Entity::find()
        .filter(payments::Column::Provider.eq(Stored(PaymentProvider::Offline)))
        .filter(payments::Column::Status.eq(Stored(PaymentStatus::Pending)))
        .order_by_asc(payments::Column::Id)
        .limit(LIST_LIMIT)
        .all(db.conn())
        .await?)
}

pub async fn bank_details(
    db: &impl Db,
    account_id: i32,
) -> Result<Option<BankDetailsRow>, StoreError> {
    Ok(bank_details::Entity::find_by_id(account_id)
        .one(db.conn())
        .await?)
}

/// Puts the account's bank details on file, replacing any before.
pub async fn save_bank_details(db: &impl Db, row: BankDetailsRow) -> Result<(), StoreError> {
    bank_details::Entity::insert(bank_details::ActiveModel::from(row))
        .on_conflict(
            OnConflict::column(bank_details::Column::AccountId)
                .update_columns([
                    bank_details::Column::HolderName,
                    bank_details::Column::BankName,
                    bank_details::Column::AccountNumber,
                    bank_details::Column::Ifsc,
                    bank_details::Column::Iban,
                    bank_details::Column::Bic,
                    bank_details::Column::UpdatedAt,
                    bank_details::Column::UpdatedByUserId,
                ])
                .to_owned(),
        )
        .exec_without_returning(db.conn())
        .await
        .map_err(StoreError::from_db)?;
    Ok(())
}

pub struct NewWithdrawal<'a> {
    pub account_id: i32,
    pub amount: Money,
    pub bank_text: String,
    pub form_token: &'a str,
    pub requested_by_user_id: i32,
    pub at: DateTime<Utc>,
}

/// Inserts a withdrawal, or finds the one this form's token already made: `(row, inserted)`.
pub async fn insert_withdrawal(
    db: &impl Db,
    w: NewWithdrawal<'_>,
) -> Result<(WithdrawalRow, bool), StoreError> {
    let inserted = withdrawals::Entity::insert(withdrawals::ActiveModel {
        account_id: Set(w.account_id),
        amount_minor: Set(w.amount.minor),
        currency: Set(w.amount.currency.into()),
        status: Set(WithdrawalStatus::Held.into()),
        bank_text: Set(w.bank_text),
        reason: Set(None),
        form_token: Set(w.form_token.to_owned()),
        requested_by_user_id: Set(w.requested_by_user_id),
        created_at: Set(w.at),
        decided_at: Set(None),
        decided_by_user_id: Set(None),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            withdrawals::Column::AccountId,
            withdrawals::Column::FormToken,
        ])
        .do_nothing()
        .to_owned(),
    )
    .try_insert()
    .exec(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    let fresh = matches!(inserted, TryInsertResult::Inserted(_));
    let row = withdrawals::Entity::find()
        .filter(withdrawals::Column::AccountId.eq(w.account_id))
        .filter(withdrawals::Column::FormToken.eq(w.form_token))
        .one(db.conn())
        .await?
        .ok_or(StoreError::Inconsistent(
            "a withdrawal inserted or found by its form token is missing".into(),
        ))?;
    Ok((row, fresh))
}

/// A withdrawal by id whatever its account (the operator's decisions).
pub async fn find_withdrawal_any_account(
    db: &impl Db,
    id: i32,
) -> Result<Option<WithdrawalRow>, StoreError> {
    Ok(withdrawals::Entity::find_by_id(id).one(db.conn()).await?)
}

/// Removes a withdrawal whose hold the balance did not cover (inside the same transaction).
pub async fn delete_withdrawal(db: &impl Db, account_id: i32, id: i32) -> Result<(), StoreError> {
    withdrawals::Entity::delete_many()
        .filter(withdrawals::Column::Id.eq(id))
        .filter(withdrawals::Column::AccountId.eq(account_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Moves a held withdrawal to `status`; `false` when it is not held any more.
pub async fn settle_withdrawal_if_held(
    db: &impl Db,
    id: i32,
    status: WithdrawalStatus,
    reason: Option<&str>,
    decided_by_user_id: i32,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = withdrawals::Entity::update_many()
        .col_expr(withdrawals::Column::Status, Expr::value(Stored(status)))
        .col_expr(
            withdrawals::Column::Reason,
            Expr::value(reason.map(str::to_owned)),
        )
        .col_expr(
            withdrawals::Column::DecidedByUserId,
            Expr::value(decided_by_user_id),
        )
        .col_expr(withdrawals::Column::DecidedAt, Expr::value(Some(at)))
        .filter(withdrawals::Column::Id.eq(id))
        .filter(withdrawals::Column::Status.eq(Stored(WithdrawalStatus::Held)))
        .exec(db.conn())
        .await
        .map_err(StoreError::from_db)?;
    Ok(done.rows_affected == 1)
}

/// The account's withdrawals, newest first.
pub async fn withdrawals_for_account(
    db: &impl Db,
    account_id: i32,
) -> Result<Vec<WithdrawalRow>, StoreError> {
    Ok(withdrawals::Entity::find()
        .filter(withdrawals::Column::AccountId.eq(account_id))
        .order_by_desc(withdrawals::Column::Id)
        .limit(LIST_LIMIT)
        .all(db.conn())
        .await?)
}

/// Withdrawals waiting for the operator, oldest first.
pub async fn held_withdrawals_any_account(db: &impl Db) -> Result<Vec<WithdrawalRow>, StoreError> {
    Ok(withdrawals::Entity::find()
        .filter(withdrawals::Column::Status.eq(Stored(WithdrawalStatus::Held)))
        .order_by_asc(withdrawals::Column::Id)
        .limit(LIST_LIMIT)
        .all(db.conn())
        .await?)
}

/// Whether an amount is in the currency an account bills in (a guard for callers).
pub fn same_currency(amount: Money, account: Currency) -> bool {
    amount.currency == account
}

//! Tax invoices of operator charges and the gapless per-financial-year sequence that numbers
//! them, and an account's GST details.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    ExprTrait,
    entity::prelude::*,
    sea_query::{Expr, OnConflict},
};

use app::model::Currency;

pub use super::entities::tax_invoices::Model as TaxInvoiceRow;
use super::{
    Db, StoreError, Tx,
    entities::{accounts, invoice_sequences, tax_invoices},
};

/// The next invoice number's sequence in the financial year, taken inside the charge's
/// transaction: the UPDATE locks the year's row (PostgreSQL) or the database (SQLite) until
/// the charge commits, so numbers follow one another, and a rolled-back charge gives its
/// number back: no gaps.
pub async fn next_sequence(tx: &Tx, financial_year: i32) -> Result<i32, StoreError> {
    // The year's row, made by its first invoice; a concurrent first one does nothing here
    // (no error, which would abort a PostgreSQL transaction).
    invoice_sequences::Entity::insert(invoice_sequences::ActiveModel {
        financial_year: Set(financial_year),
        last_sequence: Set(0),
    })
    .on_conflict(
        OnConflict::column(invoice_sequences::Column::FinancialYear)
            .do_nothing()
            .to_owned(),
    )
    .try_insert()
    .exec(tx.conn())
    .await
    .map_err(StoreError::from_db)?;
    invoice_sequences::Entity::update_many()
        .col_expr(
            invoice_sequences::Column::LastSequence,
            Expr::col(invoice_sequences::Column::LastSequence).add(1),
        )
        .filter(invoice_sequences::Column::FinancialYear.eq(financial_year))
        .exec(tx.conn())
        .await?;
    let row = invoice_sequences::Entity::find_by_id(financial_year)
        .one(tx.conn())
        .await?
        .ok_or(StoreError::NotInAccount)?;
    Ok(row.last_sequence)
}

pub struct NewTaxInvoice<'a> {
    pub account_id: i32,
    pub order_id: i32,
    pub transaction_id: i32,
    pub financial_year: i32,
    pub sequence: i32,
    pub number: &'a str,
    pub currency: Currency,
    pub taxable_minor: i64,
    pub cgst_minor: i64,
    pub sgst_minor: i64,
    pub igst_minor: i64,
    pub rate_bp: i32,
    pub sac: &'a str,
    pub seller_gstin: Option<&'a str>,
    pub seller_state: Option<i32>,
    pub buyer_gstin: Option<&'a str>,
    pub buyer_state: Option<i32>,
    pub at: DateTime<Utc>,
}

pub async fn insert(tx: &Tx, n: NewTaxInvoice<'_>) -> Result<TaxInvoiceRow, StoreError> {
    tax_invoices::ActiveModel {
        account_id: Set(n.account_id),
        order_id: Set(n.order_id),
        transaction_id: Set(n.transaction_id),
        financial_year: Set(n.financial_year),
        sequence: Set(n.sequence),
        number: Set(n.number.to_owned()),
        currency: Set(n.currency.into()),
        taxable_minor: Set(n.taxable_minor),
        cgst_minor: Set(n.cgst_minor),
        sgst_minor: Set(n.sgst_minor),
        igst_minor: Set(n.igst_minor),
        rate_bp: Set(n.rate_bp),
        sac: Set(n.sac.to_owned()),
        seller_gstin: Set(n.seller_gstin.map(str::to_owned)),
        seller_state: Set(n.seller_state),
        buyer_gstin: Set(n.buyer_gstin.map(str::to_owned)),
        buyer_state: Set(n.buyer_state),
        created_at: Set(n.at),
        ..Default::default()
    }
    .insert(tx.conn())
    .await
    .map_err(StoreError::from_db)
}

/// The tax invoice of the account's charge for an order.
pub async fn for_order(
    db: &impl Db,
    account_id: i32,
    order_id: i32,
) -> Result<Option<TaxInvoiceRow>, StoreError> {
    Ok(tax_invoices::Entity::find()
        .filter(tax_invoices::Column::AccountId.eq(account_id))
        .filter(tax_invoices::Column::OrderId.eq(order_id))
        .one(db.conn())
        .await?)
}

/// Records the account's GSTIN (none: unregistered) and state of supply.
pub async fn set_account_details(
    db: &impl Db,
    account_id: i32,
    gstin: Option<&str>,
    state: Option<i32>,
) -> Result<(), StoreError> {
    accounts::Entity::update_many()
        .col_expr(
            accounts::Column::Gstin,
            Expr::value(gstin.map(str::to_owned)),
        )
        .col_expr(accounts::Column::GstState, Expr::value(state))
        .filter(accounts::Column::Id.eq(account_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

//! GST on INR charges (FIN-4): an account's GSTIN and state (its place of supply), each
//! operator charge's tax invoice with its CGST/SGST or IGST, and the per-financial-year
//! sequence that numbers invoices without gaps (taken in the transaction that charges).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Gstin,
    GstState,
}

#[derive(DeriveIden)]
enum TaxInvoices {
    Table,
    Id,
    AccountId,
    OrderId,
    TransactionId,
    FinancialYear,
    Sequence,
    Number,
    Currency,
    TaxableMinor,
    CgstMinor,
    SgstMinor,
    IgstMinor,
    RateBp,
    Sac,
    SellerGstin,
    SellerState,
    BuyerGstin,
    BuyerState,
    CreatedAt,
}

#[derive(DeriveIden)]
enum InvoiceSequences {
    Table,
    FinancialYear,
    LastSequence,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Accounts::Table)
                .add_column(string_len_null(Accounts::Gstin, 15))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Accounts::Table)
                .add_column(integer_null(Accounts::GstState))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(InvoiceSequences::Table)
                .col(integer(InvoiceSequences::FinancialYear).primary_key())
                .col(integer(InvoiceSequences::LastSequence))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(TaxInvoices::Table)
                .col(pk_auto(TaxInvoices::Id))
                .col(integer(TaxInvoices::AccountId))
                .col(integer(TaxInvoices::OrderId))
                .col(integer(TaxInvoices::TransactionId))
                .col(integer(TaxInvoices::FinancialYear))
                .col(integer(TaxInvoices::Sequence))
                .col(string(TaxInvoices::Number))
                .col(string_len(TaxInvoices::Currency, 3))
                .col(big_integer(TaxInvoices::TaxableMinor))
                .col(big_integer(TaxInvoices::CgstMinor))
                .col(big_integer(TaxInvoices::SgstMinor))
                .col(big_integer(TaxInvoices::IgstMinor))
                .col(integer(TaxInvoices::RateBp))
                .col(string(TaxInvoices::Sac))
                .col(string_len_null(TaxInvoices::SellerGstin, 15))
                .col(integer_null(TaxInvoices::SellerState))
                .col(string_len_null(TaxInvoices::BuyerGstin, 15))
                .col(integer_null(TaxInvoices::BuyerState))
                .col(timestamp_with_time_zone(TaxInvoices::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_tax_invoices_number")
                .table(TaxInvoices::Table)
                .col(TaxInvoices::FinancialYear)
                .col(TaxInvoices::Sequence)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_tax_invoices_charge")
                .table(TaxInvoices::Table)
                .col(TaxInvoices::AccountId)
                .col(TaxInvoices::OrderId)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(TaxInvoices::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(InvoiceSequences::Table).to_owned())
            .await?;
        for column in [Accounts::GstState, Accounts::Gstin] {
            m.alter_table(
                Table::alter()
                    .table(Accounts::Table)
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}

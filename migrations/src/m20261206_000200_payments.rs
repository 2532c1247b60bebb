//! Money in and out of an account's balance (FIN-1): payments (online through a provider, or a
//! bank transfer the operator approves), the account's bank details, and withdrawals. Each row
//! records what a ledger transaction moved; the ledger itself is unchanged but for new kinds.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Payments {
    Table,
    Id,
    AccountId,
    Provider,
    ProviderPaymentId,
    AmountMinor,
    Currency,
    Status,
    CheckoutUrl,
    Reference,
    PaidOn,
    ProofFileName,
    ProofContentType,
    ProofBytes,
    Reason,
    FormToken,
    CreatedByUserId,
    LedgerTransactionId,
    CreatedAt,
    DecidedAt,
    DecidedByUserId,
}

#[derive(DeriveIden)]
enum BankDetails {
    Table,
    AccountId,
    HolderName,
    BankName,
    AccountNumber,
    Ifsc,
    Iban,
    Bic,
    UpdatedAt,
    UpdatedByUserId,
}

#[derive(DeriveIden)]
enum Withdrawals {
    Table,
    Id,
    AccountId,
    AmountMinor,
    Currency,
    Status,
    BankText,
    Reason,
    FormToken,
    RequestedByUserId,
    CreatedAt,
    DecidedAt,
    DecidedByUserId,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Payments::Table)
                .col(pk_auto(Payments::Id))
                .col(integer(Payments::AccountId))
                // `stripe`, `razorpay` or `offline`.
                .col(string_len(Payments::Provider, 16))
                // The provider's id of the payment (a Checkout Session, an order); none for a
                // bank transfer.
                .col(string_len_null(Payments::ProviderPaymentId, 255))
                .col(big_integer(Payments::AmountMinor))
                .col(string_len(Payments::Currency, 3))
                // `pending`, `credited`, `rejected`, `failed`.
                .col(string_len(Payments::Status, 16))
                .col(text_null(Payments::CheckoutUrl))
                .col(string_len_null(Payments::Reference, 200))
                .col(string_len_null(Payments::PaidOn, 10))
                .col(string_len_null(Payments::ProofFileName, 200))
                .col(string_len_null(Payments::ProofContentType, 64))
                .col(blob_null(Payments::ProofBytes))
                .col(text_null(Payments::Reason))
                .col(string_len(Payments::FormToken, 64))
                .col(integer(Payments::CreatedByUserId))
                .col(integer_null(Payments::LedgerTransactionId))
                .col(timestamp_with_time_zone(Payments::CreatedAt))
                .col(timestamp_with_time_zone_null(Payments::DecidedAt))
                .col(integer_null(Payments::DecidedByUserId))
                .check(Expr::col(Payments::AmountMinor).gt(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(Payments::Table, Payments::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        // A provider's payment is credited once, whoever reports it (webhook, recheck, replay).
        m.create_index(
            Index::create()
                .name("idx_payments_provider_payment")
                .table(Payments::Table)
                .col(Payments::Provider)
                .col(Payments::ProviderPaymentId)
                .unique()
                .to_owned(),
        )
        .await?;
        // A retried post of the same form records one payment.
        m.create_index(
            Index::create()
                .name("idx_payments_form_token")
                .table(Payments::Table)
                .col(Payments::AccountId)
                .col(Payments::FormToken)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_payments_status")
                .table(Payments::Table)
                .col(Payments::Status)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(BankDetails::Table)
                .col(integer(BankDetails::AccountId).primary_key())
                .col(string_len(BankDetails::HolderName, 200))
                .col(string_len(BankDetails::BankName, 200))
                .col(string_len_null(BankDetails::AccountNumber, 34))
                .col(string_len_null(BankDetails::Ifsc, 11))
                .col(string_len_null(BankDetails::Iban, 34))
                .col(string_len_null(BankDetails::Bic, 11))
                .col(timestamp_with_time_zone(BankDetails::UpdatedAt))
                .col(integer(BankDetails::UpdatedByUserId))
                .foreign_key(
                    ForeignKey::create()
                        .from(BankDetails::Table, BankDetails::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Withdrawals::Table)
                .col(pk_auto(Withdrawals::Id))
                .col(integer(Withdrawals::AccountId))
                .col(big_integer(Withdrawals::AmountMinor))
                .col(string_len(Withdrawals::Currency, 3))
                // `held`, `paid`, `released`.
                .col(string_len(Withdrawals::Status, 16))
                // The bank details as they were when requested: what the operator pays to.
                .col(text(Withdrawals::BankText))
                .col(text_null(Withdrawals::Reason))
                .col(string_len(Withdrawals::FormToken, 64))
                .col(integer(Withdrawals::RequestedByUserId))
                .col(timestamp_with_time_zone(Withdrawals::CreatedAt))
                .col(timestamp_with_time_zone_null(Withdrawals::DecidedAt))
                .col(integer_null(Withdrawals::DecidedByUserId))
                .check(Expr::col(Withdrawals::AmountMinor).gt(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(Withdrawals::Table, Withdrawals::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_withdrawals_form_token")
                .table(Withdrawals::Table)
                .col(Withdrawals::AccountId)
                .col(Withdrawals::FormToken)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_withdrawals_status")
                .table(Withdrawals::Table)
                .col(Withdrawals::Status)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Withdrawals::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(BankDetails::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Payments::Table).to_owned())
            .await
    }
}

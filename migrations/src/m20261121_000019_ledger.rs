//! The double-entry ledger (FIN-2): every change of an account's or a group's balance is a
//! transaction whose entries sum to zero; `ledger_balances` caches each holder's sum so a
//! debit can be a single conditional UPDATE that cannot overdraw.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
    Currency,
}

#[derive(DeriveIden)]
enum LedgerTransactions {
    Table,
    Id,
    AccountId,
    Kind,
    GroupId,
    OrderId,
    AmountMinor,
    Currency,
    Memo,
    ActorUserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LedgerEntries {
    Table,
    Id,
    TransactionId,
    AccountId,
    Holder,
    AmountMinor,
    Currency,
}

#[derive(DeriveIden)]
enum LedgerBalances {
    Table,
    Id,
    AccountId,
    Holder,
    BalanceMinor,
    Currency,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // The currency an account's credits are in: `USD` or `INR` (the service checks).
        m.alter_table(
            Table::alter()
                .table(Accounts::Table)
                .add_column(string_len(Accounts::Currency, 3).default("USD"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(LedgerTransactions::Table)
                .col(pk_auto(LedgerTransactions::Id))
                .col(integer(LedgerTransactions::AccountId))
                // grant | allocate | deallocate | order_charge | order_refund
                .col(string_len(LedgerTransactions::Kind, 16))
                // The group allocated to or from, or the group of the order.
                .col(integer_null(LedgerTransactions::GroupId))
                // No foreign key: orders arrive in a later migration.
                .col(integer_null(LedgerTransactions::OrderId))
                // The amount moved, always positive; the entries carry the signs.
                .col(big_integer(LedgerTransactions::AmountMinor))
                .col(string_len(LedgerTransactions::Currency, 3))
                .col(string_len(LedgerTransactions::Memo, 500))
                .col(integer_null(LedgerTransactions::ActorUserId))
                .col(timestamp_with_time_zone(LedgerTransactions::CreatedAt))
                .check(Expr::col(LedgerTransactions::AmountMinor).gt(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(LedgerTransactions::Table, LedgerTransactions::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        // One charge and one refund per order: a retried charge or refund finds the first
        // (ON CONFLICT DO NOTHING), so neither can happen twice. Rows without an order have
        // a NULL order id, which never conflicts.
        m.create_index(
            Index::create()
                .name("ledger_transactions_order_kind")
                .table(LedgerTransactions::Table)
                .col(LedgerTransactions::AccountId)
                .col(LedgerTransactions::OrderId)
                .col(LedgerTransactions::Kind)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ledger_transactions_group")
                .table(LedgerTransactions::Table)
                .col(LedgerTransactions::AccountId)
                .col(LedgerTransactions::GroupId)
                .col(LedgerTransactions::Id)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(LedgerEntries::Table)
                .col(pk_auto(LedgerEntries::Id))
                .col(integer(LedgerEntries::TransactionId))
                .col(integer(LedgerEntries::AccountId))
                // `operator` (where credits come from and charges go), `account`, `group:<id>`.
                .col(string_len(LedgerEntries::Holder, 32))
                // Signed: credits positive, debits negative; a transaction's entries sum to 0.
                .col(big_integer(LedgerEntries::AmountMinor))
                .col(string_len(LedgerEntries::Currency, 3))
                .foreign_key(
                    ForeignKey::create()
                        .from(LedgerEntries::Table, LedgerEntries::TransactionId)
                        .to(LedgerTransactions::Table, LedgerTransactions::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ledger_entries_transaction")
                .table(LedgerEntries::Table)
                .col(LedgerEntries::TransactionId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ledger_entries_holder")
                .table(LedgerEntries::Table)
                .col(LedgerEntries::AccountId)
                .col(LedgerEntries::Holder)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(LedgerBalances::Table)
                .col(pk_auto(LedgerBalances::Id))
                .col(integer(LedgerBalances::AccountId))
                .col(string_len(LedgerBalances::Holder, 32))
                .col(big_integer(LedgerBalances::BalanceMinor))
                .col(string_len(LedgerBalances::Currency, 3))
                // Only the operator's side (credits granted minus charges) runs below zero.
                .check(
                    Expr::col(LedgerBalances::BalanceMinor)
                        .gte(0)
                        .or(Expr::col(LedgerBalances::Holder).eq("operator")),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(LedgerBalances::Table, LedgerBalances::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ledger_balances_holder")
                .table(LedgerBalances::Table)
                .col(LedgerBalances::AccountId)
                .col(LedgerBalances::Holder)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(LedgerBalances::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(LedgerEntries::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(LedgerTransactions::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(Accounts::Table)
                .drop_column(Accounts::Currency)
                .to_owned(),
        )
        .await
    }
}

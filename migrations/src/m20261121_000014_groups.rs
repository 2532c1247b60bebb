//! Groups (cost centres, business units) of an account: a default one for every account, more
//! when the operator enables it. Finance mode and spend limit are here for the ledger.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Groups {
    Table,
    Id,
    AccountId,
    Name,
    Description,
    IsDefault,
    FinanceMode,
    SpendLimitMinor,
    RenewalEmails,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Groups::Table)
                .col(pk_auto(Groups::Id))
                .col(integer(Groups::AccountId))
                .col(string_len(Groups::Name, 64))
                .col(string_len(Groups::Description, 500))
                .col(boolean(Groups::IsDefault))
                // `account`: orders are paid from the account balance; `group`: from the group's.
                .col(string_len(Groups::FinanceMode, 16))
                // Integer minor units (paise, cents); none for no limit.
                .col(big_integer_null(Groups::SpendLimitMinor))
                .col(text(Groups::RenewalEmails))
                .col(timestamp_with_time_zone(Groups::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Groups::Table, Groups::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("groups_account_name")
                .table(Groups::Table)
                .col(Groups::AccountId)
                .col(Groups::Name)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Groups::Table).to_owned())
            .await
    }
}

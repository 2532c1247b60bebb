//! A partner's sub-accounts (ID-11) and its price lists (FIN-4): an account may have a parent
//! (the partner), a partner group whose Sub Account Users look after it, a price list, and
//! whether its orders wait for the parent's approval. A sub-account's order records what the
//! partner pays the operator beside what the sub-account pays the partner.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
    ParentAccountId,
    ParentGroupId,
    ParentApproval,
    PriceListId,
}

#[derive(DeriveIden)]
enum PriceLists {
    Table,
    Id,
    AccountId,
    Name,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PriceListPrices {
    Table,
    Id,
    PriceListId,
    ProductId,
    Currency,
    ValidityDays,
    BaseMinor,
    PerExtraDomainMinor,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Orders {
    Table,
    PartnerAccountId,
    PartnerPriceMinor,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for column in [
            integer_null(Accounts::ParentAccountId),
            integer_null(Accounts::ParentGroupId),
            boolean(Accounts::ParentApproval).default(false).to_owned(),
            integer_null(Accounts::PriceListId),
        ] {
            let mut column = column;
            m.alter_table(
                Table::alter()
                    .table(Accounts::Table)
                    .add_column(&mut column)
                    .to_owned(),
            )
            .await?;
        }
        m.create_index(
            Index::create()
                .name("idx_accounts_parent")
                .table(Accounts::Table)
                .col(Accounts::ParentAccountId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PriceLists::Table)
                .col(pk_auto(PriceLists::Id))
                .col(integer(PriceLists::AccountId))
                .col(string(PriceLists::Name))
                .col(timestamp_with_time_zone(PriceLists::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(PriceLists::Table, PriceLists::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_price_lists_account_name")
                .table(PriceLists::Table)
                .col(PriceLists::AccountId)
                .col(PriceLists::Name)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PriceListPrices::Table)
                .col(pk_auto(PriceListPrices::Id))
                .col(integer(PriceListPrices::PriceListId))
                .col(integer(PriceListPrices::ProductId))
                .col(string_len(PriceListPrices::Currency, 3))
                .col(big_integer(PriceListPrices::ValidityDays))
                .col(big_integer(PriceListPrices::BaseMinor))
                .col(big_integer(PriceListPrices::PerExtraDomainMinor))
                .col(timestamp_with_time_zone(PriceListPrices::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(PriceListPrices::Table, PriceListPrices::PriceListId)
                        .to(PriceLists::Table, PriceLists::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_price_list_prices_key")
                .table(PriceListPrices::Table)
                .col(PriceListPrices::PriceListId)
                .col(PriceListPrices::ProductId)
                .col(PriceListPrices::Currency)
                .col(PriceListPrices::ValidityDays)
                .unique()
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .add_column(integer_null(Orders::PartnerAccountId))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .add_column(big_integer_null(Orders::PartnerPriceMinor))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for column in [Orders::PartnerPriceMinor, Orders::PartnerAccountId] {
            m.alter_table(
                Table::alter()
                    .table(Orders::Table)
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        m.drop_table(Table::drop().table(PriceListPrices::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(PriceLists::Table).to_owned())
            .await?;
        m.drop_index(
            Index::drop()
                .name("idx_accounts_parent")
                .table(Accounts::Table)
                .to_owned(),
        )
        .await?;
        for column in [
            Accounts::PriceListId,
            Accounts::ParentApproval,
            Accounts::ParentGroupId,
            Accounts::ParentAccountId,
        ] {
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
